import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuild, rendererBuild } from './helpers/builds';

// What `warrant web` and the first page load before the analyst sees the library (issue 18,
// item 4). The figures are in BENCHMARKS.md; these tests keep the heavy code out of the start.

/** Every file a module pulls in statically (its imports, theirs, …), by the names they import. */
function staticClosure(dir: string, entry: string, importsOf: (code: string) => string[]): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    for (const specifier of importsOf(readFileSync(join(dir, file), 'utf8'))) {
      if (specifier.startsWith('./')) queue.push(specifier.slice(2));
      else packages.add(specifier.replace(/^((@[^/]+\/)?[^/]+).*$/, '$1'));
    }
  }
  return { files, packages };
}

/** Static `import … from "x"` and `import "x"` at the top of an ES module bundle (not `import("x")`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/^(?:import|export)\s(?:[^;"']*?\sfrom\s)?["']([^"']+)["']/gms)].map((match) => match[1] as string);
}

/** The source files a built chunk came from, by its source map. */
function sourcesOf(dir: string, file: string): string[] {
  return (JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
}

const EDITOR_AND_DIALOGS =
  /node_modules\/(lexical|@lexical\/[\w-]+)\/|renderer\/(editor|briefings)\/|renderer\/interchange\/(ImportDialog|ExportDialog)\.tsx$/;

describe('first paint', () => {
  it('loads only the library’s list on the first page: the editor, briefings, a source’s page, the import and export dialogs and zod come when first used', () => {
    const out = rendererBuild();
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the page names its entry script').toBeDefined();
    const assets = join(out, 'assets');
    const first = staticClosure(assets, (entry as string).slice('assets/'.length), staticImports);
    const firstSources = first.files.flatMap((file) => sourcesOf(assets, file));
    expect(firstSources.some((source) => source.endsWith('renderer/library/LibraryView.tsx'))).toBe(true);
    expect(firstSources.filter((source) => EDITOR_AND_DIALOGS.test(source))).toEqual([]);
    // No zod and no schema: the library's list needs labels and plain checks only (src/domain's
    // zod-free modules, src/contract/wire-check.ts); a source's page and form come on first use.
    expect(firstSources.filter((source) => /node_modules\/zod\/|src\/contract\/operations/.test(source))).toEqual([]);
    expect(firstSources.filter((source) => /renderer\/library\/(SourceDetail|SourceForm)\.tsx$/.test(source))).toEqual([]);
    // Not vacuous: the build carries them, in chunks the page fetches when they are first shown.
    const rest = readdirSync(assets).filter((file) => file.endsWith('.js') && !first.files.includes(file));
    const restSources = rest.flatMap((file) => sourcesOf(assets, file));
    for (const part of [
      'node_modules/lexical/',
      'renderer/editor/',
      'renderer/briefings/BriefingsView.tsx',
      'renderer/interchange/ImportDialog.tsx',
      'renderer/library/SourceDetail.tsx',
      'node_modules/zod/',
    ]) {
      expect(
        restSources.some((source) => source.includes(part)),
        part,
      ).toBe(true);
    }
  }, 60_000);

  it('sends the early reads from a script of its own, async, before the main one in the page', () => {
    const html = readFileSync(join(rendererBuild(), 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)><\/script>/g)].map((match) => match[1] as string);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toMatch(/type="module"[^>]*src="\.\/assets\/early-[\w-]+\.js"/);
    // It must not hold up the main script, which evaluates on its own when early arrives later.
    expect(scripts[0]).toMatch(/\basync\b/);
    expect(scripts[1]).toMatch(/type="module"[^>]*src="\.\/assets\/index-[\w-]+\.js"/);
    expect(scripts[1]).not.toMatch(/\basync\b/);
  });

  it('starts the browser host without loading the repositories, zod, the contract or the export, DOCX, headless editor or HTML parser code', () => {
    const out = cliBuild();
    const start = staticClosure(out, 'cli.mjs', staticImports);
    expect(start.packages.has('better-sqlite3')).toBe(true);
    for (const heavy of ['docx', 'lexical', '@lexical/headless', 'htmlparser2', 'pdf-lib', 'playwright-core'])
      expect(start.packages.has(heavy), heavy).toBe(false);
    // Before the address is printed the workspace is locked, checked and migrated, and nothing
    // more: its repositories, the contract, its handlers and zod load once the host listens (the
    // page's first call needs them), as do the other commands of the CLI.
    const startSources = start.files.flatMap((file) => sourcesOf(out, file));
    expect(startSources.some((source) => source.endsWith('db/open-workspace.ts'))).toBe(true);
    expect(startSources.some((source) => source.endsWith('main/workspace-lock.ts'))).toBe(true);
    expect(
      startSources.filter((source) =>
        /(main\/handlers|src\/contract\/operations|db\/repositories|src\/domain)\/|db\/workspace\.ts$|node_modules\/zod\/|main\/cli\/(export|library|restore|sample)-command/.test(
          source,
        ),
      ),
    ).toEqual([]);
    const later = readdirSync(out).filter((file) => /^cli-chunk-.*\.mjs$/.test(file) && !start.files.includes(file));
    const laterSources = later.flatMap((file) => sourcesOf(out, file));
    for (const part of ['main/web-host/dispatching.ts', 'db/workspace.ts', 'node_modules/zod/', 'main/cli/export-command.ts'])
      expect(
        laterSources.some((source) => source.includes(part)),
        part,
      ).toBe(true);
    // Only the parts of zod Warrant uses are bundled (not, e.g., its JSON Schema reader).
    expect(laterSources.filter((source) => source.includes('zod/v4/classic/from-json-schema'))).toEqual([]);
  }, 60_000);

  it('answers the page’s first call in a solo workspace without loading the team client’s Yjs, Hocuspocus or headless editor', () => {
    const out = cliBuild();
    const chunks = readdirSync(out).filter((file) => /^cli-chunk-.*\.mjs$/.test(file));
    const chunkOf = (source: string): string => {
      const chunk = chunks.find((file) => sourcesOf(out, file).some((each) => each.endsWith(source)));
      expect(chunk, source).toBeDefined();
      return chunk as string;
    };
    // What the host loads before its first answer: main/web-host/dispatching.ts imports these in
    // steps, then main/web-host/browser-host.ts the team service.
    const firstAnswer = [
      'main/web-host/dispatching.ts',
      'src/domain/source.ts',
      'db/workspace.ts',
      'main/workspace-session.ts',
      'main/handlers/index.ts',
      'src/contract/dispatch.ts',
      'main/team-client/team-service.ts',
    ].map((source) => staticClosure(out, chunkOf(source), staticImports));
    const packages = new Set(firstAnswer.flatMap((closure) => [...closure.packages]));
    const sources = firstAnswer.flatMap((closure) => closure.files.flatMap((file) => sourcesOf(out, file)));
    expect(sources.some((source) => source.endsWith('main/handlers/index.ts'))).toBe(true);
    for (const heavy of ['yjs', 'lib0', '@hocuspocus/server', '@hocuspocus/provider', 'ws', 'lexical', '@lexical/yjs', '@lexical/headless'])
      expect(packages.has(heavy), heavy).toBe(false);
    // They load when a team is joined or resumed: the hub and the shared library are in the build.
    expect(
      sources.filter((source) => /main\/team-client\/(team-hub|team-library|briefing-sharing|comments-sync)\.ts$/.test(source)),
    ).toEqual([]);
    // Nor the library's BibTeX, RIS and CSL-JSON readers and writers, or the tradecraft checks an
    // export runs: they load on the first import, export or export check.
    expect(
      sources.filter((source) =>
        /main\/interchange\/(import-service|export-library|read-file)\.ts$|src\/interchange\/(export-|split-|bibtex-|csl-map|decode)|src\/tradecraft\/|main\/export\//.test(
          source,
        ),
      ),
    ).toEqual([]);
    for (const part of ['main/interchange/import-service.ts', 'main/interchange/export-library.ts', 'main/export/briefing-checks.ts'])
      expect(chunkOf(part), part).toBeDefined();
    const hub = staticClosure(out, chunkOf('main/team-client/team-hub.ts'), staticImports);
    expect(hub.packages.has('@hocuspocus/server')).toBe(true);
  }, 60_000);
});
