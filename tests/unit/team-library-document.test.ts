import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  libraryKindOf,
  readRecord,
  recordsOf,
  touchedRecordIds,
  writeRecord,
  writerOf,
  type RecordMap,
} from '../../src/team/library-document';

const tag = { path: 'Region/Asia', color: '#1f4e79', created_at: '2026-12-05T00:00:00.000Z' };

describe('library documents', () => {
  it('writes only the fields that differ, so a second write of the same record changes nothing', () => {
    const doc = new Y.Doc();
    const records = recordsOf(doc);
    expect(writeRecord(records, 'tags', 't1', tag)).toEqual(['path', 'color', 'created_at']);
    expect(writeRecord(records, 'tags', 't1', tag)).toEqual([]);
    expect(writeRecord(records, 'tags', 't1', { ...tag, color: '#2e7d32' })).toEqual(['color']);
    expect(readRecord('tags', records.get('t1'))).toEqual({ ...tag, color: '#2e7d32' });
    expect(writerOf(records.get('t1') as RecordMap, 'color')).toBe(doc.clientID);
  });

  it('keeps both of two concurrent edits to different fields of one record', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    writeRecord(recordsOf(a), 'tags', 't1', tag);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    writeRecord(recordsOf(a), 'tags', 't1', { ...tag, path: 'Region/East Asia' });
    writeRecord(recordsOf(b), 'tags', 't1', { ...tag, color: '#c62828' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    for (const doc of [a, b])
      expect(readRecord('tags', recordsOf(doc).get('t1'))).toMatchObject({ path: 'Region/East Asia', color: '#c62828' });
  });

  it('names the records a change touched, added, changed or removed', () => {
    const doc = new Y.Doc();
    const records = recordsOf(doc);
    writeRecord(records, 'tags', 't1', tag);
    const seen: string[][] = [];
    records.observeDeep((events) => seen.push([...touchedRecordIds(records, events)]));
    doc.transact(() => {
      writeRecord(records, 'tags', 't1', { ...tag, color: '#c62828' });
      writeRecord(records, 'tags', 't2', tag);
    });
    records.delete('t1');
    expect(seen).toEqual([['t2', 't1'], ['t1']]);
  });

  it('knows the library documents by name', () => {
    expect(libraryKindOf('library/tag-links')).toBe('tag-links');
    expect(libraryKindOf('library/other')).toBeNull();
    expect(libraryKindOf('briefing/x')).toBeNull();
  });
});
