import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../main/interchange/export-library';
import { importFile } from '../../main/interchange/import-service';
import type { ReadControl } from '../../main/interchange/read-file';
import type { DuplicateAction } from '../../src/interchange/plan';
import { reportText } from '../../src/interchange/report-text';
import { LibraryFixture } from './helpers/library';

/** Defects found by importing real libraries (issue 15), each pinned by a small hand-written file. */
const quiet: ReadControl = { progress: () => undefined, throwIfCancelled: () => undefined };
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/interchange/fidelity/${name}`, import.meta.url))));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const lib = new LibraryFixture();
beforeEach(() => lib.open());
afterEach(() => lib.close());

const run = (bytes: Uint8Array, name: string, onDuplicate: DuplicateAction = 'skip') => importFile(lib.ws, bytes, name, onDuplicate, quiet);
const sources = () => [...lib.ws.interchange.exportSources()];
const byTitle = (title: string) => sources().find((source) => source.draft.title === title);

describe('RIS dates (defect 1)', () => {
  it('takes the year from PY/Y1 and month and day from DA as far as they are valid, and says what was dropped', async () => {
    const report = await run(fixture('ris-dates.ris'), 'dates.ris');
    expect(report).toMatchObject({ imported: 6, failedCount: 0 });
    expect(sources().map((source) => [source.draft.title, source.draft.publishedDate])).toEqual([
      ['Web of Science: month by name', '2018-09'],
      ['EndNote: month and day', '2019-03-01'],
      ['Rayyan: upper-case month and day', '2017-06-19'],
      ['Numeric date with trailing slashes', '2019-04-30'],
      ['A date from another year keeps the year', '2020'],
      ['Not a year', null],
    ]);
    expect(report.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [25, 'its date “2019/12/01” was read only as 2020'],
      [31, 'its year “19” could not be read'],
    ]);
  });
});

describe('repeated RIS tags (defect 4)', () => {
  it('keeps the first valid value of a repeated tag and the others in the notes', async () => {
    const report = await run(fixture('ris-repeated-tags.ris'), 'ovid.ris');
    expect(report).toMatchObject({ imported: 2, failedCount: 0 });
    const ovid = byTitle('Ovid gives the DOI twice');
    expect(ovid).toMatchObject({
      doi: '10.1037/abc0000123',
      draft: { publisher: 'American Psychological Association', publishedDate: '2019' },
    });
    expect(ovid?.draft.notes).toBe('Publisher also given as: Educational Publishing Foundation');
    const second = byTitle('The first readable DOI wins');
    expect(second?.doi).toBe('10.5555/second');
    expect(second?.draft.notes).toBe('DOI also given as: not a doi');
  });
});

describe('BibTeX keys, lines and comments (defects 3 and 10)', () => {
  it('imports an entry without a key, names failures by the absolute line, and ignores commented-out entries', async () => {
    const report = await run(fixture('keys-and-comments.bib'), 'mendeley.bib');
    expect(report).toMatchObject({ entries: 3, imported: 1, failedCount: 2 });
    expect(sources().map((source) => source.draft.title)).toEqual(['Mendeley wrote no key']);
    expect(report.failed).toEqual([
      { key: 'missing-comma', line: 12, message: 'the entry could not be read at line 14: expected “}” but found a field name' },
      { key: null, line: 17, message: 'it has no title' },
    ]);
  });

  it('names an entry without a key by its title and line', async () => {
    const report = await run(utf8('\n@misc{,\n  title = {No key here},\n  url = {javascript:alert(1)}\n}\n'), 'nokey.bib');
    expect(reportText(report)).toContain('“No key here” (line 2): its URL “javascript:alert(1)” is not a web address and was left out');
  });
});

describe('LaTeX and URLs in BibTeX (defects 5 and 6)', () => {
  it('decodes å, Å, í, thin spaces, ð, \\hyphen and \\enquote, never fails an entry for an ignored field, and keeps URLs verbatim', async () => {
    const report = await run(fixture('latex.bib'), 'latex.bib');
    expect(report).toMatchObject({ imported: 2, failedCount: 0 });
    expect(byTitle('Håkan and Åsa at the cafí 5')?.draft).toMatchObject({
      author: 'Ragnheiður Bogadóttir',
      notes: 'He said ‘no’ and “yes”; well-known',
      url: 'https://example.org/search?q=a%26b&c=1',
    });
    expect(byTitle('Ends in an odd command')).toBeDefined();
    expect(report.warnings).toEqual([
      {
        key: 'odd-title',
        line: 9,
        message: 'its title holds LaTeX that could not be read (“Ends in an odd command \\enquote*”); it was kept as plain text',
      },
    ]);
  });
});

describe('DOIs (defect 7)', () => {
  it('reads short DOIs, resolver addresses and info:doi, takes a DOI from a doi.org URL, and reports one that stays unreadable', async () => {
    const report = await run(fixture('dois.bib'), 'dois.bib');
    expect(sources().map((source) => source.doi)).toEqual([
      '10/fqd6hj',
      '10.1000/ABC/1',
      '10.1000/dx',
      '10.1145/123.456',
      '10.1000/info',
      '10.1000/in-url',
      null,
    ]);
    expect(report.warnings).toEqual([{ key: 'd7', line: 7, message: 'its DOI “not-a-doi” could not be read and was left out' }]);
  });
});

describe('lossless BibTeX round trip (defect 8)', () => {
  it('gives back publishers with "and", DOIs with underscores, kinds with underscores, line breaks, dashes and Unicode spaces', async () => {
    await run(
      utf8(
        '[{"type":"article-newspaper","title":"Cancer--a review","publisher":"Molecular imaging and biology","DOI":"10.1007/11551201_4","note":"first  line\\nsecond\u00a0line, N\u2009=\u200910","author":[{"family":"Gim&eacute;nez","given":"José"}]}]',
      ),
      'in.json',
    );
    const original = sources().map(({ id: _id, ...rest }) => rest);
    expect(original[0]).toMatchObject({
      doi: '10.1007/11551201_4',
      draft: {
        kind: 'news_report',
        publisher: 'Molecular imaging and biology',
        author: 'José Giménez',
        notes: 'first line\nsecond\u00a0line, N\u2009=\u200910',
      },
    });
    let text = '';
    await exportLibrary(lib.ws, 'bibtex', (chunk) => (text += chunk), quiet);
    const fresh = new LibraryFixture();
    fresh.open();
    try {
      await importFile(fresh.ws, utf8(text), 'export.bib', 'skip', quiet);
      expect([...fresh.ws.interchange.exportSources()].map(({ id: _id, ...rest }) => rest)).toEqual(original);
    } finally {
      fresh.close();
    }
  });
});

describe('encodings (defect 9)', () => {
  const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
    new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
  const entry = '@misc{k,\n  title = {Test}\n}\n';

  it('reads UTF-16 without a byte-order mark, GBK and Shift_JIS by their bytes, and a % Encoding header', async () => {
    const utf16be = Buffer.from(entry, 'utf16le').swap16();
    expect(await run(new Uint8Array(utf16be), 'be.bib')).toMatchObject({
      encoding: 'utf-16be',
      encodingBasis: 'byte statistics',
      imported: 1,
    });
    // 凯撒 in GBK; こんにちは in Shift_JIS.
    const gbk = await run(bytesOf('@misc{gbk,\n  title = {', [0xbf, 0xad, 0xc8, 0xf6], '}\n}\n'), 'gbk.bib');
    expect(gbk).toMatchObject({ encoding: 'gb18030', encodingBasis: 'byte statistics', imported: 1 });
    const sjis = await run(
      bytesOf('@misc{sjis,\n  title = {', [0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd], '}\n}\n'),
      'sjis.bib',
    );
    expect(sjis).toMatchObject({ encoding: 'shift_jis', imported: 1 });
    const header = await run(bytesOf('% Encoding: windows-1252\n@misc{h,\n  title = {25', [0xb0], ' C}\n}\n'), 'header.bib');
    expect(header).toMatchObject({ encoding: 'windows-1252', encodingBasis: 'encoding header' });
    expect(sources().map((source) => source.draft.title)).toEqual(['Test', '凯撒', 'こんにちは', '25° C']);
  });

  it('says so when it falls back to Windows-1252', async () => {
    const report = await run(bytesOf('@misc{k,\n  title = {M', [0xfc], 'ller caf', [0xe9], '}\n}\n'), 'latin.bib');
    expect(report).toMatchObject({ encoding: 'windows-1252', encodingBasis: 'fallback: not UTF-8' });
    expect(reportText(report)).toContain('read as Windows-1252; check accented letters');
    expect(sources()[0]?.draft.title).toBe('Müller café');
  });
});

describe('Web of Science plain text saved as .ris', () => {
  it('reads the tagged records as the RIS records they mean, instead of finding no record', async () => {
    const report = await run(fixture('wos-plain-text.ris'), 'savedrecs.ris');
    expect(report).toMatchObject({ format: 'ris', entries: 1, imported: 1, failedCount: 0 });
    expect(sources()[0]).toMatchObject({
      doi: '10.5555/wos.1',
      tags: ['maritime', 'sanctions'],
      draft: {
        title: 'A record in the Web of Science tagged format, with a title continued on a second line',
        author: 'Jane Doe; Richard Roe',
        publisher: 'JOURNAL OF EXAMPLES',
        publishedDate: '2017-06-19',
      },
    });
  });
});

/** A journal article with its DOI as a resolver address, and a book with a hyphenated ISBN. */
const IDENTIFIED_RIS = [
  'TY  - JOUR',
  'TI  - On the power of secondary confession evidence',
  'PY  - 2014',
  'DO  - https://doi.org/10.1080/1068316X.2013.777963',
  'ER  - ',
  'TY  - BOOK',
  'TI  - Free Culture',
  'PY  - 2004',
  'SN  - 978-1-59420-006-9',
  'ER  - ',
  '',
].join('\r\n');

describe('identifiers on the source', () => {
  it('gives a source read from a file its DOI and ISBN, in what the library reads back', async () => {
    expect(await run(utf8(IDENTIFIED_RIS), 'identifiers.ris')).toMatchObject({ imported: 2, failedCount: 0 });
    const listed = lib.ws.sources.list({ filter: {}, sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items;
    expect(listed.map((source) => [source.title, source.doi, source.isbn])).toEqual([
      ['Free Culture', null, '978-1-59420-006-9'],
      ['On the power of secondary confession evidence', '10.1080/1068316X.2013.777963', null],
    ]);
    const [first] = listed;
    expect(first && lib.ws.sources.get(first.id)).toMatchObject({ doi: null, isbn: '978-1-59420-006-9' });
  });
});

describe('identifiers in the library search', () => {
  it('finds a source by the DOI or ISBN pasted into the search, written any way an export writes it, within the filters', async () => {
    await run(utf8(IDENTIFIED_RIS), 'identifiers.ris');
    const titles = (text: string, filter = {}) => lib.ws.search.search(text, filter, 10).sources.items.map((item) => item.title);
    for (const doi of [
      '10.1080/1068316X.2013.777963',
      'https://doi.org/10.1080/1068316x.2013.777963',
      ' doi:10.1080/1068316X.2013.777963 ',
    ])
      expect(titles(doi), doi).toEqual(['On the power of secondary confession evidence']);
    for (const isbn of ['9781594200069', 'ISBN 978-1-59420-006-9', '978 1 59420 006 9'])
      expect(titles(isbn), isbn).toEqual(['Free Culture']);
    // The snippet says which identifier matched, marked as a match.
    expect(lib.ws.search.search('9781594200069', {}, 10).sources).toMatchObject({
      total: 1,
      items: [{ snippet: 'ISBN \u0001978-1-59420-006-9\u0002' }],
    });
    // Filters hold for identifiers as for words: the article is ungraded.
    expect(titles('10.1080/1068316X.2013.777963', { reliability: ['A'] })).toEqual([]);
    expect(titles('10.1080/1068316X.2013.777963', { reliability: ['ungraded'] })).toEqual([
      'On the power of secondary confession evidence',
    ]);
    // Nothing else is taken for an identifier: a year, a short number, a DOI no source carries.
    expect(titles('2014')).toEqual([]);
    expect(titles('10.1000/nothing-here')).toEqual([]);
  });
});
