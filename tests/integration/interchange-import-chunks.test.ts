import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarrantError } from '../../src/contract/errors';
import { importFile } from '../../main/interchange/import-service';
import { readLibraryFile, type ReadControl } from '../../main/interchange/read-file';
import type { DuplicateAction } from '../../src/interchange/plan';
import { LibraryFixture } from './helpers/library';

/**
 * The one-step import reads and writes a file a batch (400 entries) at a time inside one
 * transaction: these files are long enough to span several batches.
 */
const quiet: ReadControl = { progress: () => undefined, throwIfCancelled: () => undefined };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const lib = new LibraryFixture();
beforeEach(() => lib.open());
afterEach(() => lib.close());

function footprint() {
  return lib
    .raw()
    .prepare(
      'SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM source_tags) AS links, (SELECT count(*) FROM sources_fts) AS indexed',
    )
    .get();
}

/** `count` distinct entries; entry 1,000 repeats entry 5's DOI (two batches later) with a tag of its own. */
function fileWithLateTwin(count: number): string {
  const entries = Array.from(
    { length: count },
    (_, i) => `@misc{k${i}, title = {Entry ${i}}, doi = {10.5555/chunk.${i}}, keywords = {Batch/T${i % 3}}}`,
  );
  entries[1000] = '@misc{twin, title = {Entry 5, again}, doi = {10.5555/CHUNK.5}, note = {Seen again.}, keywords = {Twin}}';
  return entries.join('\n');
}

const sourceByDoi = (doi: string) =>
  lib.raw().prepare('SELECT id, title, notes, version FROM sources WHERE doi = ?').get(doi) as
    { id: string; title: string; notes: string; version: number } | undefined;

describe('an import written a batch at a time', () => {
  it('holds one batch of records at a time, not the file', async () => {
    const sizes: number[] = [];
    const read = await readLibraryFile(utf8(fileWithLateTwin(1200)), 'big.bib', quiet, {
      onRecords: (records) => sizes.push(records.length),
    });
    expect(read.records).toEqual([]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1200);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(400);
  });

  it.each<[DuplicateAction, number]>([
    ['merge', 1],
    ['skip', 0],
  ])('finds a duplicate of an entry written batches earlier (%s)', async (onDuplicate, merged) => {
    const report = await importFile(lib.ws, utf8(fileWithLateTwin(1200)), 'big.bib', onDuplicate, quiet);
    expect(report).toMatchObject({ imported: 1199, merged, skipped: 1 - merged, duplicateCount: 1, failedCount: 0 });
    expect(report.duplicates).toEqual([
      expect.objectContaining({
        key: 'twin',
        reason: 'doi',
        action: onDuplicate,
        match: expect.objectContaining({ in: 'file', ordinal: 5 }),
      }),
    ]);
    const five = sourceByDoi('10.5555/chunk.5');
    expect(five?.title).toBe('Entry 5');
    // Folded into the source an earlier batch created: still its first version, with the twin's note and tag.
    expect(five?.version).toBe(1);
    expect(five?.notes).toBe(merged ? 'Seen again.' : '');
    const tags = lib
      .raw()
      .prepare('SELECT t.path FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id = ? ORDER BY t.path')
      .pluck()
      .all(five?.id);
    expect(tags).toEqual(merged ? ['Batch/T2', 'Twin'] : ['Batch/T2']);
  });

  it('leaves nothing behind when a write fails batches after the first were written', async () => {
    lib.source({ title: 'Already here' });
    lib
      .raw()
      .exec("CREATE TRIGGER poison BEFORE INSERT ON sources WHEN NEW.title = 'Entry 1100' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const before = footprint();
    await expect(importFile(lib.ws, utf8(fileWithLateTwin(1200)), 'big.bib', 'merge', quiet)).rejects.toThrow(/disk trouble/);
    expect(footprint()).toEqual(before);
    // The workspace is usable afterwards: the transaction ended and the next import writes.
    lib.raw().exec('DROP TRIGGER poison');
    await expect(importFile(lib.ws, utf8(fileWithLateTwin(1200)), 'big.bib', 'merge', quiet)).resolves.toMatchObject({ imported: 1199 });
  });

  it('leaves nothing behind when cancelled after batches were written', async () => {
    const before = footprint();
    let checks = 0;
    const control: ReadControl = {
      progress: () => undefined,
      throwIfCancelled: () => {
        checks += 1;
        if (checks === 3) throw new WarrantError('cancelled', 'Cancelled.');
      },
    };
    await expect(importFile(lib.ws, utf8(fileWithLateTwin(1200)), 'big.bib', 'skip', control)).rejects.toMatchObject({ code: 'cancelled' });
    expect(footprint()).toEqual(before);
  });
});
