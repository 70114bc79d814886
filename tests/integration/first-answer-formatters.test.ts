import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { firstReads } from '../../renderer/app/first-reads';
import { cliBuild } from './helpers/builds';

// The first call to a locale formatter (Number#toLocaleString, Intl.NumberFormat, a collator…)
// loads ICU's data for it: 10–30 ms of the host's CPU, paid while the page waits for its first
// answers (issue 18, item 4; BENCHMARKS.md). Messages built at import use src/text/grouped-digits.ts.
// This module, loaded into the host with --import, reports every such call on stderr.
const FORMATTER_TRAP = `
const report = (what) => process.stderr.write('formatter called: ' + what + ' ' + (new Error().stack ?? '').split('\\n').slice(3, 5).join(' ').replace(/\\s+/g, ' ') + '\\n');
for (const [owner, key, label] of [
  [Number.prototype, 'toLocaleString', 'Number#toLocaleString'],
  [BigInt.prototype, 'toLocaleString', 'BigInt#toLocaleString'],
  [Date.prototype, 'toLocaleString', 'Date#toLocaleString'],
  [Date.prototype, 'toLocaleDateString', 'Date#toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString', 'Date#toLocaleTimeString'],
  [String.prototype, 'localeCompare', 'String#localeCompare'],
  [Array.prototype, 'toLocaleString', 'Array#toLocaleString'],
]) {
  const original = owner[key];
  owner[key] = function (...args) { report(label); return original.apply(this, args); };
}
for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'Segmenter', 'ListFormat', 'RelativeTimeFormat', 'DisplayNames']) {
  const original = Intl[name];
  Intl[name] = new Proxy(original, {
    construct(target, args) { report('Intl.' + name); return Reflect.construct(target, args); },
    apply(target, self, args) { report('Intl.' + name); return Reflect.apply(target, self, args); },
  });
}
process.stderr.write('formatter trap set\\n');
`;

describe('the browser host’s first answers', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('start, listen and answer the page’s first reads without calling a locale formatter', async () => {
    const out = cliBuild();
    dir = mkdtempSync(join(tmpdir(), 'warrant-first-answer-'));
    const trap = join(dir, 'formatter-trap.mjs');
    writeFileSync(trap, FORMATTER_TRAP);
    const workspace = join(dir, 'first.warrant');
    const ws = Workspace.open(workspace, { create: true });
    ws.sources.create({
      title: 'A source with a long title, to list',
      kind: 'news_report',
      url: 'https://example.org/a',
      author: 'A. Writer',
      publisher: 'Example Post',
      publishedDate: '2026-11-30',
      accessedDate: null,
      language: 'en',
      reliability: 'B',
      notes: '',
    });
    ws.close();

    const child = spawn(
      process.execPath,
      ['--import', trap, join(out, 'cli.mjs'), 'web', '--workspace', workspace, '--port', '0', '--no-open'],
      {
        env: { ...process.env, XDG_DATA_HOME: join(dir, 'data') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const address = await new Promise<URL>((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /Warrant is running at (\S+)/.exec(stdout)?.[1];
          if (found) resolve(new URL(found));
        });
        void exited.then(() => reject(new Error(`The host stopped before it listened.\n${stdout}\n${stderr}`)));
      });
      const token = address.hash.replace(/^#token=/, '');
      const answers = await Promise.all(
        firstReads('#/library').map(async ({ name, input }) => {
          const response = await fetch(new URL(`/api/call/${name}`, address), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Warrant-Token': token },
            body: JSON.stringify(input),
          });
          return (await response.json()) as { ok: boolean };
        }),
      );
      expect(answers.map((answer) => answer.ok)).toEqual([true, true, true]);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // Not vacuous: the trap was in the host from its first line.
    expect(stderr).toContain('formatter trap set');
    expect(stderr.split('\n').filter((line) => line.startsWith('formatter called'))).toEqual([]);
  }, 30_000);
});
