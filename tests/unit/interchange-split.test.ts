import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileChunk } from '../../src/interchange/chunks';
import { decodeText, looksBinary } from '../../src/interchange/decode';
import { splitBibtex } from '../../src/interchange/split-bibtex';
import { splitCslJson } from '../../src/interchange/split-csl-json';
import { splitRis } from '../../src/interchange/split-ris';

const summary = (chunks: Iterable<FileChunk>) =>
  [...chunks].map((chunk) =>
    chunk.kind === 'broken'
      ? `broken@${chunk.line}:${chunk.key ?? ''}`
      : `${chunk.kind}@${chunk.line}:${chunk.kind === 'entry' ? (chunk.key ?? '') : ''}`,
  );

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Tōkyō')]))).toMatchObject({
      text: 'Tōkyō',
      encoding: 'utf-8',
    });
    expect(decodeText(new TextEncoder().encode('서울'))).toMatchObject({ text: '서울', encoding: 'utf-8' });
  });

  it('reads UTF-16 in either byte order when a BOM says so', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Müller 東京', 'utf16le')]);
    expect(decodeText(new Uint8Array(le))).toMatchObject({ text: 'Müller 東京', encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.from('Müller', 'utf16le')).swap16();
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toMatchObject({
      text: 'Müller',
      encoding: 'utf-16be',
    });
  });

  it('falls back to Windows-1252 (Latin-1) when the bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array(Buffer.from('Müller, Jörg, café', 'latin1')))).toMatchObject({
      text: 'Müller, Jörg, café',
      encoding: 'windows-1252',
    });
    expect(decodeText(new Uint8Array([0x4d, 0xfc, 0x6c, 0x80]))).toMatchObject({ text: 'Mül€', encoding: 'windows-1252' });
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc\n')).text).toBe('a\nb\nc\n');
  });

  it('tells binary data from text', () => {
    expect(looksBinary('TY  - JOUR\nER  - \n')).toBe(false);
    expect(looksBinary(`PK\u0003\u0004${'\u0000'.repeat(10)}`)).toBe(true);
    expect(looksBinary('\u0001\u0002\u0003\u0004\u0005abc')).toBe(true);
  });
});

describe('splitBibtex', () => {
  it('finds entries, macros and skips comments, preambles and text between entries', () => {
    const text =
      '% a comment\n@string{nato = "NATO"}\n@comment{jabref-meta: x;}\n@preamble{"\\newcommand{\\x}{y}"}\nstray text\n@article{a1,\n  title = {A {B} c}\n}\n@Misc(b2, title = "Q {x}")\n';
    expect(summary(splitBibtex(text))).toEqual(['macro@2:', 'entry@6:a1', 'entry@9:b2']);
  });

  it('reports an entry with unbalanced braces and still reads the next one', () => {
    const text = '@misc{open, title = {never closed,\n year = 2017\n\n@misc{fine, title = {Fine}}\n';
    const chunks = [...splitBibtex(text)];
    expect(summary(chunks)).toEqual(['broken@1:open', 'entry@4:fine']);
    expect(chunks[0]).toMatchObject({ reason: expect.stringContaining('unbalanced braces') });
  });

  it('reports a truncated file', () => {
    const chunks = [...splitBibtex('@misc{a, title = {One}}\n@misc{b, title = {Tw')];
    expect(summary(chunks)).toEqual(['entry@1:a', 'broken@2:b']);
    expect(chunks[1]).toMatchObject({ reason: expect.stringContaining('truncated') });
  });

  it('reports a stray closing brace', () => {
    expect(summary(splitBibtex('@misc{a, title = "x}y"}\n@misc{b, title={ok}}'))).toEqual(['broken@1:a', 'entry@2:b']);
  });

  it('keeps both entries when keys repeat (duplicates are judged by content, not key)', () => {
    expect(summary(splitBibtex('@misc{same, title={One}}\n@misc{same, title={Two}}'))).toEqual(['entry@1:same', 'entry@2:same']);
  });

  it('never throws and returns chunks in line order, whatever the text (property)', () => {
    const alphabet = fc.constantFrom('@', '{', '}', '(', ')', '"', '\\', ',', '=', '\n', 'a', 'misc', 'string', ' ', '%');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const lines = summary(splitBibtex(parts.join(''))).map((chunk) => Number(/@(\d+)/.exec(chunk)?.[1]));
        expect([...lines].sort((a, b) => a - b)).toEqual(lines);
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitRis', () => {
  it('splits records and reports one without its end tag', () => {
    const text = 'TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two, never ended\nTY  - BOOK\nID  - k3\nTI  - Three\nER  - \n';
    const chunks = [...splitRis(text)];
    expect(summary(chunks)).toEqual(['entry@1:', 'broken@5:', 'entry@7:k3']);
    expect(chunks[1]).toMatchObject({ reason: expect.stringContaining('no end tag (ER)') });
  });

  it('reports a truncated last record and a file with no records', () => {
    expect(summary(splitRis('TY  - JOUR\nTI  - Cut off'))).toEqual(['broken@1:']);
    expect(summary(splitRis('just some text\n'))).toEqual(['broken@1:']);
    expect(summary(splitRis(''))).toEqual([]);
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => void [...splitRis(text)]),
      { numRuns: 300 },
    );
  });
});

describe('splitCslJson', () => {
  it('splits a list into items and reports a truncated one', () => {
    expect(summary(splitCslJson('[\n {"title": "a"},\n {"title": "b}"}\n]'))).toEqual(['entry@2:', 'entry@3:']);
    expect(summary(splitCslJson('[{"title": "a"}, {"title": "b'))).toEqual(['entry@1:', 'broken@1:']);
    expect(summary(splitCslJson('{"title": "one item"}'))).toEqual(['entry@1:']);
  });

  it('reports something that is not a list, and junk between items', () => {
    expect(summary(splitCslJson('hello'))).toEqual(['broken@1:']);
    expect(summary(splitCslJson('[{"a":1}, 42, {"b":2}]'))).toEqual(['entry@1:', 'broken@1:', 'entry@1:']);
  });

  it('every item it yields is exactly one JSON value, for any list of JSON objects (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })), { maxLength: 8 }), (items) => {
        const chunks = [...splitCslJson(JSON.stringify(items, null, 1))];
        expect(chunks.map((chunk) => (chunk.kind === 'entry' ? JSON.parse(chunk.text) : chunk))).toEqual(JSON.parse(JSON.stringify(items)));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => void [...splitCslJson(`[${text}`)]),
      { numRuns: 300 },
    );
  });
});
