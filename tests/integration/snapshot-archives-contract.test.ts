import { describe, expect, it } from 'vitest';
import type { ArchivePageList, SnapshotImage, SnapshotInfo, SnapshotText } from '../../src/domain/snapshot';
import { buildMhtml, buildWacz, buildWarc, TINY_PNG } from '../fixtures/web-archives';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

const FIRST = { url: 'https://news.example/a', date: '2026-11-30T09:41:07Z', html: '<title>A</title><p>First capture text.</p>' };
const SECOND = { url: 'https://news.example/b', date: '2026-11-30T10:00:00Z', html: '<title>B</title><p>Second capture text.</p>' };

async function newSource(): Promise<string> {
  const source = await contract.value<{ id: string }>('sources.create', { draft: { title: 'Archived page', kind: 'news_report' } });
  return source.id;
}

async function snapshotOf(sourceId: string): Promise<SnapshotInfo | null> {
  return (await contract.value<{ snapshot: SnapshotInfo | null }>('sources.detail', { id: sourceId })).snapshot;
}

describe('web archives through the contract', () => {
  it('lists the pages of an uploaded WACZ without taking the upload, then attaches the picked one with its capture facts', async () => {
    const sourceId = await newSource();
    const wacz = buildWacz(await buildWarc([FIRST, SECOND], { gzip: true }), []);
    const uploadId = contract.uploads.put(wacz, 'crawl.wacz');
    const list = await contract.value<ArchivePageList>('snapshots.archivePages', { uploadId });
    expect(list.format).toBe('wacz');
    expect(list.chosenPageId).toBeNull();
    expect(list.pages.map((page) => page.url)).toEqual([FIRST.url, SECOND.url]);

    const picked = list.pages[1]?.pageId;
    const job = await contract.job('snapshots.attach', { sourceId, uploadId, pageId: picked });
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    const info = await snapshotOf(sourceId);
    expect(info).toMatchObject({ fileName: 'crawl.wacz', mediaType: 'text/html', size: wacz.length });
    expect(info?.archive).toEqual({ format: 'wacz', url: SECOND.url, capturedAt: '2026-11-30T10:00:00.000Z' });
    const text = await contract.value<SnapshotText>('snapshots.text', { sourceId });
    expect(text.text).toBe('Second capture text.');
    expect(text.archive).toEqual(info?.archive);
  });

  it('attaches an MHTML in one step', async () => {
    const sourceId = await newSource();
    const uploadId = contract.uploads.put(
      buildMhtml({ url: 'https://gov.example/s', date: 'Fri, 4 Dec 2026 10:15:00 +0000', html: '<p>Said today.</p>' }),
      's.mhtml',
    );
    expect((await contract.value<ArchivePageList>('snapshots.archivePages', { uploadId })).format).toBe('mhtml');
    const job = await contract.job('snapshots.attach', { sourceId, uploadId });
    expect(job.status).toBe('succeeded');
    expect((await snapshotOf(sourceId))?.archive).toEqual({
      format: 'mhtml',
      url: 'https://gov.example/s',
      capturedAt: '2026-12-04T10:15:00.000Z',
    });
    const images = await contract.value<{ items: SnapshotImage[] }>('snapshots.images', { sourceId });
    expect(images.items).toEqual([
      { location: 'https://gov.example/chart.png', mediaType: 'image/png', base64: TINY_PNG.toString('base64') },
    ]);
    // Removing the snapshot removes the images kept with it.
    await contract.value('snapshots.remove', { sourceId });
    expect((await contract.value<{ items: SnapshotImage[] }>('snapshots.images', { sourceId })).items).toEqual([]);
  });

  it('stores nothing when the page is not picked, or the archive is hostile', async () => {
    const sourceId = await newSource();
    const several = contract.uploads.put(await buildWarc([FIRST, SECOND], { gzip: false }), 'two.warc');
    const unpicked = await contract.job('snapshots.attach', { sourceId, uploadId: several });
    expect(unpicked.status).toBe('failed');
    expect(unpicked.error?.message).toBe('“two.warc” holds 2 captured pages: pick the one to keep.');

    const bomb = buildWacz(
      await buildWarc([FIRST], { gzip: false }),
      [],
      [{ name: 'archive/bomb.warc', bytes: new Uint8Array(100), deflate: true, claimedSize: 300 * 1024 * 1024 }],
    );
    const bombUpload = contract.uploads.put(bomb, 'bomb.wacz');
    const listed = await contract.call('snapshots.archivePages', { uploadId: bombUpload });
    expect(listed).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('unpacks to more than 100 MB') },
    });
    const refused = await contract.job('snapshots.attach', { sourceId, uploadId: bombUpload });
    expect(refused.status).toBe('failed');

    const hostile = contract.uploads.put(await buildWarc([{ ...FIRST, url: 'file:///etc/passwd' }], { gzip: true }), 'local.warc.gz');
    const local = await contract.job('snapshots.attach', { sourceId, uploadId: hostile });
    expect(local.error?.message).toMatch(/file:\/\/\/etc\/passwd: it points at a file: address, which Warrant never loads/);
    expect(await snapshotOf(sourceId)).toBeNull();
  });
});
