import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceDraftSchema } from '../../src/domain/source';
import { cleanDoi, cslDate, cslToRecord, EntryError } from '../../src/interchange/csl-map';
import { DuplicateIndex, normaliseTitle, normaliseUrl } from '../../src/interchange/duplicates';
import { escapeBibtex, sourceToBibtex } from '../../src/interchange/export-bibtex';
import { sourceToCsl } from '../../src/interchange/export-csl';
import { mergeInto } from '../../src/interchange/merge';
import { decider, findDuplicates, planImport } from '../../src/interchange/plan';
import type { ExportSource, ImportRecord } from '../../src/interchange/record';

const place = (ordinal = 0) => ({ ordinal, key: `k${ordinal}`, line: ordinal + 1 });

function record(ordinal: number, fields: Record<string, unknown>): ImportRecord {
  return cslToRecord({ title: `Title ${ordinal}`, ...fields }, place(ordinal));
}

describe('cslToRecord', () => {
  it('maps the fields analysts cite', () => {
    const mapped = cslToRecord(
      {
        type: 'article-newspaper',
        title: 'Stoltenberg in <i>Tokyo</i>',
        author: [
          { given: 'Jens', family: 'Stoltenberg' },
          { literal: 'NATO Press Office' },
          { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
        ],
        'container-title': 'Kyodo News',
        publisher: 'Kyodo',
        issued: { 'date-parts': [[2017, 10, 31]] },
        accessed: { raw: '2020-01-02' },
        URL: 'https://example.org/a',
        DOI: 'https://doi.org/10.5555/ABC',
        ISBN: '978-3-16-148410-0 (pbk)',
        note: 'A note <script>alert(1)</script>',
        abstract: 'Summary.',
        keyword: 'Actor/NATO, actor/nato ; Region / Asia-Pacific',
        language: 'en-GB',
      },
      place(),
    );
    expect(mapped.draft).toEqual({
      title: 'Stoltenberg in Tokyo',
      kind: 'news_report',
      url: 'https://example.org/a',
      author: 'Jens Stoltenberg; NATO Press Office; Ludwig van Beethoven',
      publisher: 'Kyodo News',
      publishedDate: '2017-10-31',
      accessedDate: '2020-01-02',
      language: 'en-GB',
      reliability: null,
      notes: 'A note <script>alert(1)</script>\n\nAbstract: Summary.',
    });
    expect(mapped.doi).toBe('10.5555/ABC');
    expect(mapped.isbn).toBe('978-3-16-148410-0');
    expect(mapped.tags).toEqual(['Actor/NATO', 'Region/Asia-Pacific']);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>x</script>',
    'file:///etc/passwd',
    'mailto:a@b.c',
    'vbscript:x',
    '//example.org',
    'example.org',
  ])('never keeps %j as the URL, and says so', (url) => {
    const mapped = cslToRecord({ title: 'T', URL: url }, place());
    expect(mapped.draft.url).toBeNull();
    expect(mapped.warnings.join(' ')).toContain('not a web address');
  });

  it('refuses an entry without a title, naming why', () => {
    expect(() => cslToRecord({ author: [], title: '   ' }, place())).toThrow(new EntryError('it has no title'));
    expect(() => cslToRecord({}, place())).toThrow(EntryError);
  });

  it('gives the draft, or the refusal, the schema gives where a field meets a limit', () => {
    const long = 'x'.repeat(1001);
    expect(() => cslToRecord({ title: long }, place())).toThrow(new EntryError('title: Keep the title under 1,000 characters.'));
    expect(() => cslToRecord({ title: 'T', note: 'n'.repeat(200_001) }, place())).toThrow(
      new EntryError('notes: Keep notes under 200,000 characters.'),
    );
    // Cut at 500 characters, a name list can end in a space: the schema trims it, and so must the import.
    const author = [{ literal: `${'a'.repeat(499)} b` }];
    const mapped = cslToRecord({ title: 'T', author, publisher: `${'p'.repeat(499)} q`, language: `${'l'.repeat(34)} m` }, place());
    expect(mapped.draft).toStrictEqual(SourceDraftSchema.parse(mapped.draft));
    expect(mapped.draft.author).toBe('a'.repeat(499));
    expect(mapped.draft.publisher).toBe('p'.repeat(499));
    expect(mapped.draft.language).toBe('l'.repeat(34));
    expect(cslToRecord({ title: 'T' }, place(), { published: { date: '', warnings: [] } }).draft.publishedDate).toBeNull();
  });

  it('takes Warrant’s own kind and grade when the file carries them', () => {
    expect(cslToRecord({ title: 'T', type: 'document' }, place(), { kind: 'speech', reliability: 'b' }).draft).toMatchObject({
      kind: 'speech',
      reliability: 'B',
    });
    expect(cslToRecord({ title: 'T' }, place(), { kind: 'nonsense', reliability: 'Z' }).draft).toMatchObject({
      kind: 'other',
      reliability: null,
    });
  });

  it('reads dates as far as they go and refuses impossible ones', () => {
    expect(cslDate({ 'date-parts': [[2017]] })).toBe('2017');
    expect(cslDate({ 'date-parts': [[2017, 2]] })).toBe('2017-02');
    expect(cslDate({ 'date-parts': [[2017, 2, 30]] })).toBeNull();
    expect(cslDate({ raw: '2017-10-31T10:00' })).toBe('2017-10-31');
    expect(cslDate({ literal: 'autumn' })).toBeNull();
    expect(cleanDoi('doi: 10.1000/xyz')).toBe('10.1000/xyz');
    expect(cleanDoi('not a doi')).toBeNull();
  });

  it('either maps to a valid draft or throws EntryError, for any JSON object (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'title',
            'author',
            'URL',
            'issued',
            'accessed',
            'keyword',
            'note',
            'DOI',
            'ISBN',
            'type',
            'language',
            'container-title',
          ),
          fc.jsonValue({ maxDepth: 3 }),
        ),
        (item) => {
          try {
            const mapped = cslToRecord(item, place());
            // The draft is built without running the schema: it must be what the schema would give.
            expect(SourceDraftSchema.parse(mapped.draft)).toStrictEqual(mapped.draft);
            if (mapped.draft.url) expect(mapped.draft.url).toMatch(/^https?:\/\//);
          } catch (error) {
            expect(error).toBeInstanceOf(EntryError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('duplicates', () => {
  it('normalises URLs and titles', () => {
    expect(normaliseUrl('https://WWW.Example.org/a/?utm_source=x&b=2#top')).toBe(normaliseUrl('http://example.org/a?b=2'));
    expect(normaliseUrl('https://example.org/a')).not.toBe(normaliseUrl('https://example.org/b'));
    expect(normaliseTitle('Joint Statement on the Secretary-General’s Visit')).toBe(
      normaliseTitle('joint statement on the secretary general s visit'),
    );
    expect(normaliseTitle('Tōkyō Café')).toBe('tokyo cafe');
  });

  it('folds an ASCII title on its fast path exactly as the Unicode passes do (property)', () => {
    const unicodePasses = (value: string): string =>
      value
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 80 }),
        (title) => normaliseTitle(title) === unicodePasses(title),
      ),
    );
  });

  it('matches by DOI case-insensitively, URL, or title and year, library first', () => {
    const index = new DuplicateIndex();
    index.addLibrarySource('lib-1', { doi: '10.5555/ABC', isbn: null, url: null, title: 'Old', publishedDate: null });
    const records = [
      record(0, { DOI: '10.5555/abc' }),
      record(1, { URL: 'https://example.org/x' }),
      record(2, { URL: 'https://www.example.org/x/' }),
      record(3, { title: 'Same title', issued: { 'date-parts': [[2017, 1]] } }),
      record(4, { title: 'SAME  title!', issued: { 'date-parts': [[2017, 5, 2]] } }),
      record(5, { title: 'Same title', issued: { 'date-parts': [[2018]] } }),
    ];
    const found = findDuplicates(records, index);
    expect([...found.entries()].map(([ordinal, duplicate]) => [ordinal, duplicate.reason, duplicate.possible, duplicate.match.in])).toEqual(
      [
        [0, 'doi', false, 'library'],
        [2, 'url', true, 'file'],
        [4, 'title-year', false, 'file'],
      ],
    );
  });

  it('a differing DOI or ISBN vetoes an address or title match; an address alone is only a possible duplicate (defect 2)', () => {
    const index = new DuplicateIndex();
    const records = [
      record(0, { title: 'Chapter one', URL: 'https://publisher.example/book', DOI: '10.5555/ch1' }),
      record(1, { title: 'Chapter two', URL: 'https://publisher.example/book', DOI: '10.5555/ch2' }),
      record(2, { title: 'Chapter three', URL: 'https://publisher.example/book' }),
      record(3, { title: 'Deep results', issued: { 'date-parts': [[2019]] }, DOI: '10.48550/arXiv.1901.1' }),
      record(4, { title: 'Deep Results', issued: { 'date-parts': [[2019]] }, DOI: '10.1000/journal.1' }),
      record(5, { title: 'A book', issued: { 'date-parts': [[2001]] }, ISBN: '978-3-16-148410-0' }),
      record(6, { title: 'A Book', issued: { 'date-parts': [[2001]] }, ISBN: '9780306406157' }),
      record(7, { title: 'A book', issued: { 'date-parts': [[2001]] }, ISBN: '9783161484100' }),
    ];
    const found = findDuplicates(records, index);
    expect(
      [...found.entries()].map(([ordinal, duplicate]) => [
        ordinal,
        duplicate.reason,
        duplicate.possible,
        duplicate.match.in === 'file' ? duplicate.match.ordinal : null,
      ]),
    ).toEqual([
      [2, 'url', true, 0],
      [7, 'title-year', false, 5],
    ]);
    const plan = planImport(records, found, decider('skip'));
    expect(plan).toMatchObject({ skipped: 1, merged: 0 });
    expect(plan.creates).toHaveLength(7);
  });

  it('plans skip and merge, folding a file duplicate into wherever its twin went', () => {
    const index = new DuplicateIndex();
    index.addLibrarySource('lib-1', { doi: '10.5555/abc', isbn: null, url: null, title: 'Old', publishedDate: null });
    const records = [
      record(0, { DOI: '10.5555/ABC', keyword: 'A' }),
      record(1, { DOI: '10.5555/abc', keyword: 'B' }),
      record(2, { URL: 'https://e.org/1', keyword: 'C' }),
      record(3, { URL: 'https://e.org/1', keyword: 'D', note: 'more' }),
    ];
    const found = findDuplicates(records, index);
    const plan = planImport(records, found, (ordinal) => (ordinal === 1 ? 'skip' : 'merge'));
    expect(found.get(3)?.possible).toBe(true);
    expect(plan.merged).toBe(2);
    expect(plan.skipped).toBe(1);
    expect(plan.merges.map((merge) => merge.sourceId)).toEqual(['lib-1']);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({ tags: ['C', 'D'], draft: { title: 'Title 2', notes: 'more' } });
    const skipAll = planImport(records, found, () => 'skip');
    expect([skipAll.creates.length, skipAll.merged, skipAll.skipped]).toEqual([1, 0, 3]);
  });

  it('merging fills gaps without overwriting an analyst’s fields or grade', () => {
    const existing = {
      draft: SourceDraftSchema.parse({ title: 'Kept', author: 'Analyst', reliability: 'A', notes: 'Mine' }),
      doi: null,
      isbn: null,
      authorNamesJson: null,
      tags: ['X'],
    };
    const incoming = {
      draft: SourceDraftSchema.parse({ title: 'Other', author: 'Someone', publisher: 'Pub', reliability: 'E', notes: 'Theirs' }),
      doi: '10.1/x',
      isbn: null,
      authorNamesJson: '[{"family":"One","given":"Some"}]',
      tags: ['x', 'Y'],
    };
    expect(mergeInto(existing, incoming)).toMatchObject({
      draft: { title: 'Kept', author: 'Analyst', publisher: 'Pub', reliability: 'A', notes: 'Mine\n\nTheirs' },
      doi: '10.1/x',
      authorNamesJson: null,
      tags: ['X', 'Y'],
    });
  });
});

describe('exports', () => {
  const source: ExportSource = {
    id: 'x',
    draft: SourceDraftSchema.parse({
      title: 'A <script>alert(1)</script> & {b}',
      kind: 'speech',
      reliability: 'B',
      author: 'Jens Stoltenberg; NATO',
      notes: 'one\ntwo',
      url: 'https://e.org/{a}',
    }),
    doi: '10.1/x',
    isbn: null,
    authorNames: null,
    tags: ['Actor/NATO'],
  };

  it('escapes BibTeX so that braces balance and no payload survives as markup', () => {
    const entry = sourceToBibtex(source, 'key');
    expect(entry).toContain('title = {A \\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater{} \\& \\{b\\}}');
    expect(entry).toContain('author = {{Jens Stoltenberg} and {NATO}}');
    expect(entry).toContain('url = {https://e.org/%7Ba%7D}');
    expect(entry).toContain('warrant-reliability = {B}');
  });

  it('any text escapes to a balanced value that cannot start an entry (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        const escaped = escapeBibtex(value);
        let depth = 0;
        for (let i = 0; i < escaped.length; i += 1) {
          if (escaped[i] === '\\') i += 1;
          else if (escaped[i] === '{') depth += 1;
          else if (escaped[i] === '}') depth -= 1;
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
        expect(escaped).not.toMatch(/(^|\n)\s*@/);
        expect(escaped).not.toMatch(/[<>]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('CSL-JSON carries Warrant’s kind and grade in custom', () => {
    expect(sourceToCsl(source, 'key')).toMatchObject({
      id: 'key',
      type: 'speech',
      author: [{ literal: 'Jens Stoltenberg' }, { literal: 'NATO' }],
      custom: { 'warrant-kind': 'speech', 'warrant-reliability': 'B' },
      keyword: 'Actor/NATO',
    });
  });
});
