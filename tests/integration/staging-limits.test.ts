import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { ImportPreviews, PREVIEW_LIMITS } from '../../main/interchange/import-service';
import { UPLOAD_LIMITS, UploadStore } from '../../main/uploads';
import { WarrantError } from '../../src/contract/errors';
import { SNAPSHOT_MAX_BYTES } from '../../src/snapshot/limits';
import { TempDirs } from './helpers/temp-workspace';

const NO_CONTROL = { progress: () => undefined, throwIfCancelled: () => undefined };
const stores: UploadStore[] = [];
const temp = new TempDirs();

function store(limits = UPLOAD_LIMITS): UploadStore {
  const made = new UploadStore(limits);
  stores.push(made);
  return made;
}

function failure(run: () => unknown): WarrantError {
  try {
    run();
  } catch (error) {
    if (error instanceof WarrantError) return error;
    throw error;
  }
  throw new Error('expected a WarrantError');
}

afterEach(() => {
  for (const made of stores.splice(0)) made.dispose();
  temp.cleanup();
});

describe('uploads are capped in number and total size, oldest dropped first (issue 14 item 7)', () => {
  it('the default limits hold a full-size snapshot and stop an endless stream of small uploads', () => {
    expect(UPLOAD_LIMITS.maxBytes).toBeGreaterThanOrEqual(SNAPSHOT_MAX_BYTES);
    const uploads = store();
    const ids = Array.from({ length: UPLOAD_LIMITS.maxCount + 5 }, (_unused, index) =>
      uploads.put(new Uint8Array([index]), `f${index}.txt`),
    );
    expect(uploads.usage.count).toBe(UPLOAD_LIMITS.maxCount);
    expect(failure(() => uploads.take(ids[0] ?? '')).code).toBe('not_found');
    expect(uploads.take(ids.at(-1) ?? '').name).toBe(`f${UPLOAD_LIMITS.maxCount + 4}.txt`);
  });

  it('drops the oldest when the count is reached, removing its file', () => {
    const uploads = store({ maxBytes: 1000, maxCount: 3 });
    const ids = ['a', 'b', 'c', 'd'].map((name) => uploads.put(new Uint8Array(100), name));
    expect(uploads.usage).toEqual({ bytes: 300, count: 3 });
    expect(failure(() => uploads.take(ids[0] ?? '')).message).toContain('pick it again');
    expect(uploads.take(ids[1] ?? '').name).toBe('b');
    expect(uploads.usage).toEqual({ bytes: 200, count: 2 });
  });

  it('drops the oldest until a new upload fits the total size', () => {
    const uploads = store({ maxBytes: 1000, maxCount: 10 });
    const first = uploads.put(new Uint8Array(400), 'first');
    const second = uploads.put(new Uint8Array(400), 'second');
    const third = uploads.put(new Uint8Array(400), 'third');
    expect(uploads.usage).toEqual({ bytes: 800, count: 2 });
    expect(failure(() => uploads.take(first)).code).toBe('not_found');
    expect(uploads.take(second).bytes.byteLength).toBe(400);
    expect(uploads.take(third).name).toBe('third');
  });

  it('refuses one upload that alone is over the budget, with a clear error, keeping what waits', () => {
    const uploads = store({ maxBytes: 1000, maxCount: 10 });
    const kept = uploads.put(new Uint8Array(10), 'kept');
    const error = failure(() => uploads.put(new Uint8Array(1001), 'huge'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/too large/);
    expect(uploads.putResult(new Uint8Array(1001), 'huge')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: error.message },
    });
    expect(uploads.usage).toEqual({ bytes: 10, count: 1 });
    expect(uploads.take(kept).name).toBe('kept');
  });

  it('leaves no file behind for dropped, taken or discarded uploads', () => {
    const uploads = store({ maxBytes: 1000, maxCount: 2 });
    const ids = ['a', 'b', 'c'].map((name) => uploads.put(new Uint8Array(5), name));
    uploads.discard(ids[1] ?? '');
    uploads.take(ids[2] ?? '');
    const dir = (uploads as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(uploads.usage).toEqual({ bytes: 0, count: 0 });
  });
});

describe('import previews are capped too', () => {
  const bib = (key: string): Uint8Array => new TextEncoder().encode(`@article{${key}, title = {Report ${key}}, year = {2017}}\n`);

  it('keeps at most the limit, dropping the oldest preview, whose commit then asks to choose the file again', async () => {
    const ws = Workspace.open(join(temp.make(), 'previews.warrant'), { create: true });
    try {
      const previews = new ImportPreviews({ maxBytes: PREVIEW_LIMITS.maxBytes, maxCount: 2 });
      const ids: string[] = [];
      for (const key of ['one', 'two', 'three']) ids.push((await previews.preview(ws, bib(key), `${key}.bib`, NO_CONTROL)).importId);
      expect(previews.usage.count).toBe(2);
      const error = failure(() => previews.commit(ws, ids[0] ?? '', 'skip', [], NO_CONTROL));
      expect(error.code).toBe('not_found');
      expect(error.message).toContain('choose the file again');
      expect(previews.commit(ws, ids[2] ?? '', 'skip', [], NO_CONTROL).imported).toBe(1);
      expect(previews.usage.count).toBe(1);
    } finally {
      ws.close();
    }
  });

  it('has default limits, so previews cannot pile up for 30 minutes unbounded', async () => {
    const ws = Workspace.open(join(temp.make(), 'previews.warrant'), { create: true });
    try {
      const previews = new ImportPreviews();
      for (let index = 0; index < PREVIEW_LIMITS.maxCount + 2; index += 1)
        await previews.preview(ws, bib(`k${index}`), 'f.bib', NO_CONTROL);
      expect(previews.usage.count).toBe(PREVIEW_LIMITS.maxCount);
    } finally {
      ws.close();
    }
  });
});
