import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { runCli, runCliInProcess } from './helpers/cli';
import { TempDirs } from './helpers/temp-workspace';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/interchange/${name}`, import.meta.url));
const cli = (args: string[]) => runCli(args);

describe('warrant import / export-library', () => {
  const temp = new TempDirs();
  let dir = '';
  beforeEach(() => {
    dir = temp.make();
  });
  afterEach(() => temp.cleanup());

  it('imports, prints the report, and exits 1 when an entry failed', async () => {
    const workspace = join(dir, 'cli.warrant');
    const first = await cli(['import', fixture('zotero.bib'), '--workspace', workspace]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('zotero.bib (BibTeX, utf-8): 6 entries');
    expect(first.stdout).toMatch(/imported: 3\n {2}merged: {3}0\n {2}skipped: {2}1 \(duplicates\)\n {2}failed: {3}2/);
    expect(first.stdout).toContain('“broken2017” (line 39): unbalanced braces');

    const ris = await cli(['import', fixture('zotero.ris'), '--workspace', workspace, '--on-duplicate', 'merge']);
    expect(ris.code).toBe(0);
    // The wire copy shares only a web address with a BibTeX entry: a possible duplicate, imported.
    expect(ris.stdout).toMatch(/imported: 2\n {2}merged: {3}1\n {2}skipped: {2}0/);
    expect(ris.stdout).toMatch(
      /“Stoltenberg urges pressure on Pyongyang during Japan visit \(wire copy\)” \(line 1\): possible duplicate, imported beside the library’s “.+” \(same web address\)/,
    );
  }, 120_000);

  it('exports to stdout or a file, and the export re-imports cleanly into a new workspace', async () => {
    const workspace = join(dir, 'a.warrant');
    await cli(['import', fixture('zotero.ris'), '--workspace', workspace]);
    const stdout = await cli(['export-library', '--workspace', workspace, '--format', 'csl-json']);
    expect(stdout.code).toBe(0);
    expect((JSON.parse(stdout.stdout) as { title: string }[]).map((item) => item.title).sort()).toEqual([
      'Joint Statement on the Secretary-General’s Visit to Seoul',
      'NATO and the Republic of Korea: a partnership of values',
      'Stoltenberg urges pressure on Pyongyang during Japan visit (wire copy)',
    ]);
    const out = join(dir, 'library.bib');
    const toFile = await cli(['export-library', '--workspace', workspace, '--format', 'bibtex', '--out', out]);
    expect(toFile).toMatchObject({ code: 0, stdout: '' });
    expect(toFile.stderr).toContain(`Exported 3 sources to ${out}`);
    const again = await cli(['import', out, '--workspace', join(dir, 'b.warrant')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/3 entries\n {2}imported: 3\n/);
  }, 120_000);

  it('puts the keywords in the notes with --keywords notes, batch by batch as it writes (in-process)', async () => {
    const workspace = join(dir, 'k.warrant');
    expect(await runCliInProcess(['import', fixture('zotero.bib'), '--workspace', workspace, '--keywords', 'notes'])).toMatchObject({
      code: 1,
    });
    const ws = Workspace.open(workspace);
    try {
      expect(ws.tags.list()).toEqual([]);
      const sources = ws.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items;
      expect(sources.find((source) => source.title.startsWith('Press conference by NATO'))?.notes).toMatch(
        /Keywords: Actor\/NATO; Region\/Asia-Pacific$/,
      );
    } finally {
      ws.close();
    }
  });

  it('says what is wrong with bad arguments or files, without touching the workspace (in-process)', async () => {
    const workspace = join(dir, 'c.warrant');
    expect(await runCliInProcess(['export-library', '--workspace', workspace, '--format', 'pdf'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--format must be csl-json or bibtex'),
    });
    expect(await runCliInProcess(['import', fixture('zotero.bib'), '--workspace', workspace, '--on-duplicate', 'replace'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--on-duplicate must be skip or merge'),
    });
    expect(await runCliInProcess(['import', fixture('zotero.bib'), '--workspace', workspace, '--keywords', 'abstract'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--keywords must be tags or notes, not “abstract”'),
    });
    expect(await runCliInProcess(['import', join(dir, 'missing.bib'), '--workspace', workspace])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no such file'),
    });
    expect(await runCliInProcess(['import', fixture('zotero.bib')])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--workspace PATH'),
    });
    expect(existsSync(workspace)).toBe(false);
    const garbage = join(dir, 'garbage.ris');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)));
    const refused = await runCliInProcess(['import', garbage, '--workspace', workspace]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('looks like binary data. Nothing was imported.') });
    expect(readFileSync(garbage).length).toBe(4096);
    expect(existsSync(workspace)).toBe(false);
  }, 120_000);
});
