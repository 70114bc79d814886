import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { exportLibrary } from '../../main/interchange/export-library';
import { importFile, ImportPreviews } from '../../main/interchange/import-service';
import type { ReadControl } from '../../main/interchange/read-file';
import type { DuplicateAction } from '../../src/interchange/plan';
import { LibraryFixture } from './helpers/library';

const quiet: ReadControl = { progress: () => undefined, throwIfCancelled: () => undefined };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/interchange/${name}`, import.meta.url))));

/** Everything an import can have written: counted, so "nothing half-written" can be checked. */
function footprint(ws: Workspace, raw: ReturnType<LibraryFixture['raw']>) {
  void ws;
  return raw
    .prepare(
      'SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM source_tags) AS links, (SELECT count(*) FROM sources_fts) AS indexed',
    )
    .get();
}

function titles(ws: Workspace): string[] {
  return ws.sources.list({ sort: 'title', direction: 'asc', limit: 500, offset: 0 }).items.map((source) => source.title);
}

const lib = new LibraryFixture();
beforeEach(() => lib.open());
afterEach(() => lib.close());

const run = (bytes: Uint8Array, name = 'in.bib', onDuplicate: DuplicateAction = 'skip') =>
  importFile(lib.ws, bytes, name, onDuplicate, quiet);

describe('BibTeX import', () => {
  it('decodes LaTeX escapes and @string macros, keeps Unicode, and maps every field', async () => {
    const report = await run(fixtureBytes('zotero.bib'), 'zotero.bib', 'merge');
    expect(report).toMatchObject({ format: 'bibtex', encoding: 'utf-8', entries: 6, imported: 3, merged: 1, skipped: 0, failedCount: 2 });
    expect(report.failed).toEqual([
      { key: 'broken2017', line: 39, message: 'unbalanced braces: the entry is still open when the next entry starts' },
      { key: 'empty-entry', line: 43, message: 'it has no title' },
    ]);
    const [press] = lib.ws.sources
      .list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 })
      .items.filter((source) => source.title.startsWith('Press'));
    expect(press).toMatchObject({
      title: 'Press conference by NATO Secretary General Jens Stoltenberg in Tōkyō',
      author: 'Jens Stoltenberg',
      publisher: 'North Atlantic Treaty Organization',
      publishedDate: '2017-10-31',
      url: 'https://www.nato.int/cps/en/natohq/opinions_148044.htm',
      notes: 'Transcript. The payload <script>alert("bib")</script> stays text.',
      reliability: null,
    });
    expect(press?.tags.map((tag) => tag.path)).toEqual(['Actor/NATO', 'Region/Asia-Pacific', 'Topic/Deterrence']);
    expect(lib.ws.interchange.identifiers(press?.id ?? '')).toEqual({ doi: '10.5555/NATO.2017.1031', isbn: null });
    expect(lib.search('Tokyo').sources.items.map((hit) => hit.title)).toContain(press?.title);
  });

  it('indexes imported sources for search whatever their script (the bulk write skips the Unicode passes only for ASCII)', async () => {
    const file = [
      '@misc{cjk, title = {日本政府の発表}, author = {Tanaka, Hiroshi}}',
      '@misc{wide, title = {ＮＡＴＯ summit communiqué}}',
      '@misc{accent, title = {Plain title}, author = {M{\\"u}ller, J{\\"o}rg}, note = {Kyōto}}',
      '@misc{ascii, title = {Deterrence posture review}, publisher = {Acme Press}, note = {Some notes}}',
    ].join('\n');
    expect(await run(utf8(file))).toMatchObject({ imported: 4, failedCount: 0 });
    const found = (query: string): string[] => lib.search(query).sources.items.map((hit) => hit.title);
    expect(found('政府')).toEqual(['日本政府の発表']);
    expect(found('日')).toEqual(['日本政府の発表']);
    expect(found('NATO')).toEqual(['ＮＡＴＯ summit communiqué']);
    expect(found('Muller')).toEqual(['Plain title']);
    expect(found('Kyoto')).toEqual(['Plain title']);
    expect(found('Acme')).toEqual(['Deterrence posture review']);
    expect(found('posture')).toEqual(['Deterrence posture review']);
  });

  it('keeps both entries that share a citation key, naming each by key and line', async () => {
    const report = await run(utf8('@misc{same, title = {First}}\n@misc{same, title = {Second}}\n@misc{same, title = {}}\n'));
    expect(report).toMatchObject({ imported: 2, failedCount: 1, failed: [{ key: 'same', line: 3, message: 'it has no title' }] });
  });

  it('reports entries with every field empty, and a file with no entries at all', async () => {
    expect(await run(utf8('@misc{e1, title = {}, author = {}, year = {}, url = {}}\n@article{e2,}\n'))).toMatchObject({
      imported: 0,
      failedCount: 2,
    });
    expect(await run(utf8('just prose, no entries\n'))).toMatchObject({
      entries: 0,
      imported: 0,
      failed: [{ line: 1, message: 'no BibTeX entries were found in the file' }],
    });
  });

  it('reads a truncated file up to where it breaks', async () => {
    const report = await run(utf8('@misc{a, title = {Whole}}\n@misc{b, title = {Cut o'));
    expect(report).toMatchObject({
      imported: 1,
      failed: [{ key: 'b', line: 2, message: 'the file ends inside this entry (truncated, or unbalanced braces)' }],
    });
    expect(titles(lib.ws)).toEqual(['Whole']);
  });

  it('reads Latin-1 and UTF-16 (with BOM) files with CRLF line ends', async () => {
    const text = '@misc{m, title = {Müller über Tōkyō}, note = {Zeile 1\\\\Zeile 2}}\r\n';
    const latin1 = new Uint8Array(Buffer.from(text.replace('Tōkyō', 'Tokyo'), 'latin1'));
    expect(await run(latin1)).toMatchObject({ encoding: 'windows-1252', imported: 1 });
    const utf16 = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('{m,', '{n,').replace('Müller', 'Schmidt'), 'utf16le')]),
    );
    expect(await run(utf16)).toMatchObject({ encoding: 'utf-16le', imported: 1 });
    expect(titles(lib.ws)).toEqual(['Müller über Tokyo', 'Schmidt über Tōkyō']);
    expect(lib.ws.sources.list({ sort: 'title', direction: 'asc', limit: 1, offset: 0 }).items[0]?.notes).toBe('Zeile 1\nZeile 2');
  });
});

describe('RIS and CSL-JSON import', () => {
  it('reports a record without its end tag and imports the rest (CRLF file)', async () => {
    const report = await run(
      utf8('TY  - JOUR\r\nTI  - Has no end\r\nTY  - JOUR\r\nTI  - Complete\r\nAU  - Doe, Jane\r\nPY  - 2019\r\nER  - \r\n'),
      'x.ris',
    );
    expect(report).toMatchObject({
      format: 'ris',
      imported: 1,
      failed: [{ line: 1, message: 'the record has no end tag (ER) before the next record starts' }],
    });
    expect(lib.ws.sources.list({ sort: 'title', direction: 'asc', limit: 5, offset: 0 }).items[0]).toMatchObject({
      title: 'Complete',
      author: 'Jane Doe',
      publishedDate: '2019',
    });
  });

  it('reports a malformed CSL-JSON item by line and imports the others', async () => {
    const report = await run(
      utf8('[\n{"id": "ok", "title": "Fine"},\n{"id": "bad", "title": "x", },\n{"id": "nt", "author": [{"family": "X"}]}\n]'),
      'x.json',
    );
    expect(report.imported).toBe(1);
    expect(report.failed.map((problem) => [problem.key, problem.line])).toEqual([
      [null, 3],
      ['nt', 4],
    ]);
    expect(report.failed[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe('bad files never leave the workspace half-written', () => {
  it('refuses binary garbage with a clear message and writes nothing', async () => {
    const before = footprint(lib.ws, lib.raw());
    const garbage = new Uint8Array(Array.from({ length: 65536 }, (_, i) => (i * 7919 + 13) % 256));
    await expect(run(garbage, 'library.bib')).rejects.toThrow(/looks like binary data\. Nothing was imported\./);
    expect(footprint(lib.ws, lib.raw())).toEqual(before);
  });

  it('writes nothing when cancelled while reading', async () => {
    const before = footprint(lib.ws, lib.raw());
    let batches = 0;
    const control: ReadControl = {
      progress: () => undefined,
      throwIfCancelled: () => {
        batches += 1;
        if (batches > 2) throw new WarrantError('cancelled', 'Cancelled.');
      },
    };
    const big = Array.from({ length: 3000 }, (_, i) => `@misc{k${i}, title = {Entry ${i}}, keywords = {T${i % 7}}}`).join('\n');
    await expect(importFile(lib.ws, utf8(big), 'big.bib', 'skip', control)).rejects.toMatchObject({ code: 'cancelled' });
    expect(footprint(lib.ws, lib.raw())).toEqual(before);
  });

  it('rolls the whole write back when it fails part-way', async () => {
    lib.source({ title: 'Already here' });
    // A trigger standing in for a disk or constraint failure on the fourth source.
    lib
      .raw()
      .exec("CREATE TRIGGER poison BEFORE INSERT ON sources WHEN NEW.title = 'Poison' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const before = footprint(lib.ws, lib.raw());
    const file = ['One', 'Two', 'Three', 'Poison', 'Five']
      .map((title, i) => `@misc{p${i}, title = {${title}}, keywords = {New/Tag${i}}}`)
      .join('\n');
    await expect(run(utf8(file))).rejects.toThrow(/disk trouble/);
    expect(footprint(lib.ws, lib.raw())).toEqual(before);
    expect(titles(lib.ws)).toEqual(['Already here']);
  });

  it('handles a 100 MB file: reads it through, imports its entries, reports the oversized one', async () => {
    const padding = `${'% filler line outside any entry, which BibTeX ignores\n'.repeat(1024)}`;
    const parts = ['@misc{first, title = {First}}\n'];
    const block = padding.repeat(16);
    for (let size = 0; size <= 100 * 1024 * 1024; size += block.length) parts.push(block);
    parts.push(`@misc{huge, title = {Huge}, note = {${'x'.repeat(300_000)}}}\n@misc{last, title = {Last}}\n`);
    const bytes = utf8(parts.join(''));
    expect(bytes.byteLength).toBeGreaterThan(100 * 1024 * 1024);
    const report = await run(bytes, 'big.bib');
    expect(report).toMatchObject({
      imported: 2,
      failedCount: 1,
      failed: [{ key: 'huge', message: expect.stringContaining('notes: Keep notes under 200,000 characters') }],
    });
    expect(titles(lib.ws)).toEqual(['First', 'Last']);
  }, 120_000);

  it('any bytes give a report or a clear refusal, never a crash or a partial write (property)', async () => {
    const pieces = fc.constantFrom(
      '@misc{',
      '@article{k,',
      'title = {',
      'T\\"u',
      '}',
      '{',
      '"',
      ',',
      '\n',
      '@string{s = "S"}',
      'title = s',
      'TY  - JOUR\n',
      'ER  - \n',
      '[',
      '{"title": "J"}',
      '\u0000',
      '<script>',
      ' ',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 40 }), fc.constantFrom('x.bib', 'x.ris', 'x.json'), async (parts, name) => {
        const before = footprint(lib.ws, lib.raw());
        try {
          const report = await run(utf8(parts.join('')), name);
          const after = footprint(lib.ws, lib.raw()) as { sources: number };
          expect(after.sources - (before as { sources: number }).sources).toBe(report.imported);
          expect(report.entries).toBeGreaterThanOrEqual(report.imported + report.failedCount + report.skipped - 1);
        } catch (error) {
          expect(error).toBeInstanceOf(WarrantError);
          expect(footprint(lib.ws, lib.raw())).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('duplicates against the library', () => {
  it('skips by default and merges when asked, by DOI, URL or title and year', async () => {
    lib.source({ title: 'Joint statement on the visit', publishedDate: '2017-11-01', author: 'Analyst' });
    await run(utf8('@misc{a, title = {Kept}, doi = {10.1/AB}}\n@misc{b, title = {Web}, url = {https://example.org/p}}'));
    const file = utf8(
      '@misc{a2, title = {Other}, doi = {10.1/ab}, keywords = {Topic/X}}\n@misc{b2, title = {Web 2}, url = {http://www.example.org/p/}}\n@misc{c2, title = {JOINT statement on the visit!}, date = {2017-11}, publisher = {MOFA}}',
    );
    // "Web 2" shares only an address with "Web": a possible duplicate, imported unless the user says otherwise.
    const skipped = await run(file);
    expect(skipped).toMatchObject({ imported: 1, skipped: 2, merged: 0 });
    expect(skipped.duplicates.map((duplicate) => [duplicate.key, duplicate.reason, duplicate.possible, duplicate.action])).toEqual([
      ['a2', 'doi', false, 'skip'],
      ['b2', 'url', true, 'import'],
      ['c2', 'title-year', false, 'skip'],
    ]);
    const web2 = lib.ws.sources
      .list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 })
      .items.find((source) => source.title === 'Web 2');
    lib.ws.sources.trash(web2?.id ?? '');
    expect(await run(file, 'in.bib', 'merge')).toMatchObject({ imported: 1, skipped: 0, merged: 2 });
    const sources = lib.ws.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items;
    expect(sources.map((source) => [source.title, source.author, source.publisher, source.tags.map((tag) => tag.path).join()])).toEqual([
      ['Joint statement on the visit', 'Analyst', 'MOFA', ''],
      ['Kept', '', '', 'Topic/X'],
      ['Web', '', '', ''],
      ['Web 2', '', '', ''],
    ]);
  });

  it('a preview names duplicates; the commit follows each decision and re-checks the library', async () => {
    await run(utf8('@misc{a, title = {Alpha}, doi = {10.1/a}}\n@misc{b, title = {Beta}, doi = {10.1/b}}'));
    const previews = new ImportPreviews();
    const preview = await previews.preview(
      lib.ws,
      utf8(
        '@misc{a2, title = {Alpha again}, doi = {10.1/A}, note = {new}}\n@misc{b2, title = {Beta again}, doi = {10.1/B}}\n@misc{c, title = {Gamma}}',
      ),
      'x.bib',
      quiet,
    );
    expect(preview).toMatchObject({ entries: 3, fresh: 1, duplicateCount: 2 });
    // The entries it will surely add are named before anything is written; duplicates are not among them.
    expect(preview.firstNew).toEqual([{ title: 'Gamma', author: '', publishedDate: null }]);
    expect(preview.duplicates.map((duplicate) => [duplicate.key, duplicate.reason, duplicate.match.in, duplicate.match.title])).toEqual([
      ['a2', 'doi', 'library', 'Alpha'],
      ['b2', 'doi', 'library', 'Beta'],
    ]);
    expect(titles(lib.ws)).toEqual(['Alpha', 'Beta']);
    const report = previews.commit(lib.ws, preview.importId, 'skip', [{ ordinal: 0, action: 'merge' }], quiet);
    expect(report).toMatchObject({ imported: 1, merged: 1, skipped: 1 });
    expect(
      lib.ws.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items.map((source) => [source.title, source.notes]),
    ).toEqual([
      ['Alpha', 'new'],
      ['Beta', ''],
      ['Gamma', ''],
    ]);
    expect(() => previews.commit(lib.ws, preview.importId, 'skip', [], quiet)).toThrow(/no longer waiting/);
  });

  it('puts the keywords in each source’s notes when asked, and makes no tags of them; merged into a source, they join its notes', async () => {
    await run(utf8('@misc{a, title = {Alpha}, doi = {10.1/a}, note = {Kept}}'));
    const previews = new ImportPreviews();
    const file = utf8(
      '@misc{a2, title = {Alpha again}, doi = {10.1/a}, keywords = {JURY, evidence}}\n@misc{c, title = {Gamma}, keywords = {jury; attribution}}',
    );
    const preview = await previews.preview(lib.ws, file, 'db.bib', quiet);
    expect(preview).toMatchObject({ entries: 2, fresh: 1, duplicateCount: 1, keywords: 3 });
    expect(previews.commit(lib.ws, preview.importId, 'merge', [], quiet, 'notes')).toMatchObject({ imported: 1, merged: 1 });
    const sources = lib.ws.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items;
    expect(sources.map((source) => [source.title, source.notes, source.tags.length])).toEqual([
      ['Alpha', 'Kept\n\nKeywords: JURY; evidence', 0],
      ['Gamma', 'Keywords: jury; attribution', 0],
    ]);
    expect(lib.ws.tags.list().length).toBe(0);
    // Without the choice they stay tags, as before.
    const again = await previews.preview(lib.ws, utf8('@misc{d, title = {Delta}, keywords = {Topic/X}}'), 'own.bib', quiet);
    previews.commit(lib.ws, again.importId, 'skip', [], quiet);
    expect(lib.ws.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items[1]).toMatchObject({
      title: 'Delta',
      notes: '',
      tags: [expect.objectContaining({ path: 'Topic/X' })],
    });
  });
});

describe('export and round trip', () => {
  async function exported(format: 'csl-json' | 'bibtex'): Promise<string> {
    let text = '';
    await exportLibrary(lib.ws, format, (chunk) => (text += chunk), quiet);
    return text;
  }

  it.each(['csl-json', 'bibtex'] as const)('%s: export then import into an empty workspace gives the same sources', async (format) => {
    await run(fixtureBytes('zotero.bib'), 'zotero.bib', 'merge');
    await run(fixtureBytes('zotero.ris'), 'zotero.ris', 'merge');
    const tricky = lib.source({
      title: 'Braces {x} 100% & $5 #1 a_b ~ ^ \\LaTeX @home',
      kind: 'speech',
      reliability: 'B',
      author: 'van der Berg, Jan; {Org} & Co',
      notes: 'line one\nline two\n\nafter a blank <img src=x onerror=alert(1)>',
      url: 'https://example.org/a?b=1&c=%20#frag',
      publishedDate: '2017-10',
      accessedDate: '2020-01-02',
      language: 'ko',
    });
    lib.ws.tags.apply([lib.tag('Region/동아시아').id], [{ kind: 'source', id: tricky.id }], false);
    const text = await exported(format);
    expect(text).not.toMatch(/<script|<img/);
    const original = [...lib.ws.interchange.exportSources()].map(({ id: _id, ...rest }) => rest);

    const fresh = new LibraryFixture();
    fresh.open();
    try {
      const report = await importFile(fresh.ws, utf8(text), format === 'bibtex' ? 'library.bib' : 'library.json', 'skip', quiet);
      expect(report).toMatchObject({ imported: original.length, failedCount: 0, merged: 0, skipped: 0 });
      const copy = [...fresh.ws.interchange.exportSources()].map(({ id: _id, ...rest }) => rest);
      expect(copy).toEqual(original);
    } finally {
      fresh.close();
    }
  });

  it('exports a selection only, and an empty library as an empty list', async () => {
    expect(JSON.parse(await exported('csl-json'))).toEqual([]);
    const a = lib.source({ title: 'Chosen' });
    lib.source({ title: 'Not chosen' });
    let text = '';
    await exportLibrary(lib.ws, 'bibtex', (chunk) => (text += chunk), quiet, [a.id]);
    expect(text).toContain('title = {Chosen}');
    expect(text).not.toContain('Not chosen');
  });
});
