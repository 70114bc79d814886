import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = ['ARCHITECTURE.md', 'README.md', 'src/README.md', 'db/README.md', 'main/README.md', 'renderer/README.md', 'tests/README.md'];
/** A backticked path is checked when it starts at one of the checkout's source folders. */
const CHECKED = /^(src|db|main|renderer|tests|eslint-rules|scripts|bench|bin|tools)\//;

/** The paths a document names in backticks; one with a placeholder (`<domain>`) or a glob is checked up to its folder. */
function namedPaths(doc: string): string[] {
  return [...readFileSync(join(root, doc), 'utf8').matchAll(/`([^`\s]+)`/g)]
    .map((match) => match[1] as string)
    .filter((text) => CHECKED.test(text))
    .map((text) => (/[<*]/.test(text) ? text.slice(0, text.slice(0, text.search(/[<*]/)).lastIndexOf('/') + 1) : text));
}

describe('the paths the architecture notes and READMEs name', () => {
  it.each(DOCS)('exist, in %s', (doc) => {
    const paths = namedPaths(doc);
    // Not vacuous: the architecture notes name dozens of paths.
    if (doc === 'ARCHITECTURE.md') expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
