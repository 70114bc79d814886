import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '../../src/domain/search';
import { type Source, SourceDraftSchema } from '../../src/domain/source';
import { failure, ids, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();
let source: Source;

beforeEach(() => {
  lib.open();
  source = lib.source({ title: 'Joint press conference', kind: 'speech' });
});

afterEach(() => {
  lib.close();
});

/** Bytes that are not valid UTF-8 text: every byte value, NULs and a long tail. */
function awkwardBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = index < 256 ? index : state >>> 24;
  }
  return bytes;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('attaching a snapshot', () => {
  it('stores the bytes exactly, with their size and SHA-256, and survives a reopen', () => {
    const bytes = awkwardBytes(3 * 1024 * 1024 + 7);
    const info = lib.ws.snapshots.attach(source.id, {
      fileName: 'capture.pdf',
      mediaType: 'application/pdf',
      bytes,
      text: 'Extracted text',
      pageOffsets: [0],
    });
    expect(info).toEqual({
      id: expect.any(String),
      sourceId: source.id,
      quoteCount: 0,
      fileName: 'capture.pdf',
      mediaType: 'application/pdf',
      size: bytes.byteLength,
      sha256: sha256(bytes),
      capturedAt: expect.stringMatching(/^2026-01-01T/),
      encoding: null,
      textNotice: null,
      ocr: null,
      archive: null,
      hashCheck: { state: 'matches', foundSha256: sha256(bytes), checkedAt: expect.any(String) },
    });
    const stored = lib.ws.snapshots.content(source.id);
    expect(stored.fileName).toBe('capture.pdf');
    expect(stored.mediaType).toBe('application/pdf');
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);
    expect(sha256(stored.bytes)).toBe(info.sha256);
    expect(lib.ws.sources.get(source.id).hasSnapshot).toBe(true);

    lib.reopen();
    // A reopened workspace trusts no earlier check: its snapshots are re-hashed in the background.
    expect(lib.ws.snapshots.info(source.id)).toEqual({ ...info, hashCheck: { state: 'unchecked', checkedAt: null, foundSha256: null } });
    expect(sha256(lib.ws.snapshots.content(source.id).bytes)).toBe(sha256(bytes));
  });

  it('keeps the extracted text apart from the bytes, with page starts in code points', () => {
    const text = 'Page one 😀 with an emoji.\fPage two 𝒳 text.\fPage three.';
    const utf16Starts = [0, text.indexOf('Page two'), text.indexOf('Page three')];
    lib.ws.snapshots.attach(source.id, {
      fileName: 'c.pdf',
      mediaType: 'application/pdf',
      bytes: new Uint8Array([1, 2, 3]),
      text,
      pageOffsets: utf16Starts,
    });
    const stored = lib.ws.snapshots.text(source.id);
    expect(stored.text).toBe(text);
    expect(stored.pageOffsets).toEqual([0, [...text.slice(0, utf16Starts[1])].length, [...text.slice(0, utf16Starts[2])].length]);
    expect(stored.pageOffsets).toEqual([0, 26, 43]);
  });

  it('adds a second capture, which becomes current, and leaves the first untouched', () => {
    const first = lib.snapshot(source.id, 'First capture');
    const second = lib.snapshot(source.id, 'Second capture');
    expect(second.id).not.toBe(first.id);
    expect(lib.ws.snapshots.info(source.id)).toEqual(second);
    expect(lib.ws.snapshots.text(source.id).text).toBe('Second capture');
    expect(lib.ws.snapshots.info(source.id, first.id)).toEqual(first);
    expect(lib.ws.snapshots.text(source.id, first.id).text).toBe('First capture');
    expect(lib.ws.snapshots.list(source.id).map((capture) => capture.id)).toEqual([second.id, first.id]);
  });

  it('refuses a snapshot for a trashed or unknown source', () => {
    lib.ws.sources.trash(source.id);
    expect(failure(() => lib.snapshot(source.id, 'Late capture')).code).toBe('not_found');
    expect(failure(() => lib.snapshot('no-such-source', 'Capture')).code).toBe('not_found');
    expect(lib.raw().prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(0);
  });

  it('reports not_found for info, text and content when there is no snapshot', () => {
    expect(failure(() => lib.ws.snapshots.info(source.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.snapshots.text(source.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.snapshots.content(source.id)).code).toBe('not_found');
  });
});

describe('immutability', () => {
  it('refuses any UPDATE of a stored snapshot, even through raw SQL', () => {
    const info = lib.snapshot(source.id, 'Original text');
    const raw = lib.raw();
    expect(() => raw.prepare("UPDATE snapshots SET content = x'00' WHERE source_id = ?").run(source.id)).toThrow(/never modified/);
    expect(() => raw.prepare("UPDATE snapshots SET text = 'Forged text' WHERE source_id = ?").run(source.id)).toThrow(/never modified/);
    expect(() => raw.prepare('UPDATE snapshots SET sha256 = ? WHERE source_id = ?').run('0'.repeat(64), source.id)).toThrow(
      /never modified/,
    );
    expect(lib.ws.snapshots.info(source.id)).toEqual(info);
    expect(lib.ws.snapshots.text(source.id).text).toBe('Original text');
  });
});

describe('removing a snapshot', () => {
  it('removes an unquoted capture, after which the source has none', () => {
    lib.snapshot(source.id, 'We must keep up the pressure on North Korea.');
    lib.ws.snapshots.remove(source.id);
    expect(lib.ws.sources.get(source.id).hasSnapshot).toBe(false);
    expect(failure(() => lib.ws.snapshots.info(source.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.snapshots.remove(source.id)).code).toBe('not_found');
  });

  it('refuses to remove a capture quotes were cut from (even quotes in the trash), and quotes stay verified', () => {
    const capture = lib.snapshot(source.id, 'We must keep up the pressure on North Korea.');
    const cut = lib.selectedQuote(source.id, 'keep up the pressure');
    const typed = lib.quote(source.id, { text: 'A typed paraphrase', verbatim: false });
    lib.ws.quotes.trash(typed.id);
    const error = failure(() => lib.ws.snapshots.remove(source.id));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^2 quotes were cut from this capture/);
    expect(lib.ws.snapshots.info(source.id)).toMatchObject({ id: capture.id, quoteCount: 2 });
    expect(lib.ws.quotes.get(cut.id)).toMatchObject({ snapshotId: capture.id, integrity: 'verified' });
  });
});

describe('snapshot text in search', () => {
  it('finds a source by a word that occurs only in its snapshot text, until the snapshot is removed', () => {
    lib.source({ title: 'Unrelated source', notes: 'nothing to see' });
    expect(lib.search('interoperability').sources.total).toBe(0);
    lib.snapshot(source.id, 'The allies discussed interoperability of missile defence systems at length.');
    const results = lib.search('interoperability');
    expect(ids(results.sources.items)).toEqual([source.id]);
    expect(results.sources.items[0]?.snippet).toContain(`${MATCH_START}interoperability${MATCH_END}`);
    lib.ws.snapshots.remove(source.id);
    expect(lib.search('interoperability').sources.total).toBe(0);
    expect(ids(lib.search('Joint press').sources.items)).toEqual([source.id]);
  });

  it('keeps the snapshot text searchable after the source is edited', () => {
    lib.snapshot(source.id, 'Text mentioning Pyeongchang.');
    lib.ws.sources.update(source.id, SourceDraftSchema.parse({ ...lib.ws.sources.get(source.id), title: 'Renamed conference' }));
    expect(ids(lib.search('Pyeongchang').sources.items)).toEqual([source.id]);
    expect(ids(lib.search('Renamed').sources.items)).toEqual([source.id]);
    expect(lib.search('Joint').sources.total).toBe(0);
  });

  it('finds CJK text that occurs only in the snapshot, until it is removed', () => {
    lib.snapshot(source.id, '日本政府は北朝鮮のミサイル発射を非難した。');
    expect(ids(lib.search('北朝鮮').sources.items)).toEqual([source.id]);
    expect(ids(lib.search('ミサイル').sources.items)).toEqual([source.id]);
    lib.ws.snapshots.remove(source.id);
    expect(lib.search('北朝鮮').sources.total).toBe(0);
  });
});
