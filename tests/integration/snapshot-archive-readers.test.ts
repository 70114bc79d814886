import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listArchivePages } from '../../main/snapshot/archive';
import { extractSnapshot } from '../../main/snapshot/extract';
import { plainWarc } from '../../main/snapshot/warc';
import { ZipReader } from '../../main/snapshot/zip-reader';
import { gzipSync } from 'node:zlib';
import { WarrantError } from '../../src/contract/errors';
import { buildMhtml, buildWacz, buildWarc, buildZip, type WarcCaptureSpec } from '../fixtures/web-archives';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WarrantError);
    expect((error as WarrantError).code).toBe('invalid_input');
    return (error as WarrantError).message;
  }
  throw new Error('expected a refusal');
}

const ARTICLE: WarcCaptureSpec = {
  url: 'https://news.example/2026/summit',
  date: '2026-11-30T09:41:07Z',
  html: '<html><head><title>Summit</title><script>var secret = 1;</script></head><body><h1>Summit ends</h1><p>Leaders agreed on a statement.</p></body></html>',
};
const SECOND: WarcCaptureSpec = { url: 'https://news.example/2026/other', date: '2026-11-30T09:42:00Z', html: '<p>Other page</p>' };
const STYLE: WarcCaptureSpec = { url: 'https://news.example/site.css', date: '2026-11-30T09:41:08Z', html: 'p{}', contentType: 'text/css' };

describe('MHTML snapshots', () => {
  it('keeps the MHTML bytes and hash, reads the page text through the HTML path, and records its address and date', async () => {
    const bytes = buildMhtml({
      url: 'https://gov.example/statement',
      date: 'Fri, 4 Dec 2026 10:15:00 +0000',
      html: '<html><head><title>Statement</title></head><body><p>Café diplomacy works.</p><img src="https://tracker.example/x.gif"></body></html>',
    });
    const extracted = await extractSnapshot(bytes, 'statement.mhtml');
    expect(extracted.mediaType).toBe('text/html');
    expect(extracted.sha256).toBe(sha256(bytes));
    expect(extracted.size).toBe(bytes.length);
    expect(extracted.title).toBe('Statement');
    expect(extracted.text).toContain('Café diplomacy works.');
    expect(extracted.text).not.toContain('tracker.example');
    expect(extracted.encoding).toBe('utf-8');
    expect(extracted.archive).toEqual({ format: 'mhtml', url: 'https://gov.example/statement', capturedAt: '2026-12-04T10:15:00.000Z' });
    // The page's own image part is kept for viewing; the remote tracker it references is not a part, so nothing stands for it.
    expect(extracted.images.map((image) => [image.location, image.mediaType])).toEqual([['https://gov.example/chart.png', 'image/png']]);
  });

  it('decodes the page in the charset its MIME part declares', async () => {
    const html = '<p>東京での会談</p>';
    const shiftJis = buildMhtml({ url: 'https://jp.example/', date: 'x', html: 'PLACEHOLDER' });
    const encoded = Buffer.from(
      new TextDecoder('latin1')
        .decode(shiftJis)
        .replace('PLACEHOLDER', html.replace('東京での会談', '=93=8C=8B=9E=82=C5=82=CC=89=EF=92=6B')),
      'latin1',
    );
    const withCharset = Buffer.from(
      encoded.toString('latin1').replace('Content-Type: text/html', 'Content-Type: text/html; charset=Shift_JIS'),
      'latin1',
    );
    const extracted = await extractSnapshot(withCharset, 'jp.mht');
    expect(extracted.encoding).toBe('shift_jis');
    expect(extracted.text).toContain('東京での会談');
  });

  it('refuses a truncated MHTML with a clear message', async () => {
    const message = await refusal(() =>
      extractSnapshot(buildMhtml({ url: 'https://a.example/', date: 'x', html: '<p>x</p>', truncate: true }), 'cut.mhtml'),
    );
    expect(message).toBe('“cut.mhtml” could not be read as an MHTML page (its last part is not closed (the file may be truncated)).');
  });
});

describe('WARC snapshots', () => {
  for (const gzip of [false, true]) {
    it(`lists the HTML captures with their times and reads the picked one (${gzip ? 'gzipped per record' : 'plain'})`, async () => {
      const bytes = await buildWarc([ARTICLE, STYLE, SECOND], { gzip });
      const list = await listArchivePages(bytes, gzip ? 'crawl.warc.gz' : 'crawl.warc');
      expect(list.format).toBe('warc');
      expect(list.pages.map((page) => [page.url, page.capturedAt])).toEqual([
        [ARTICLE.url, '2026-11-30T09:41:07.000Z'],
        [SECOND.url, '2026-11-30T09:42:00.000Z'],
      ]);
      expect(list.chosenPageId).toBeNull();
      const extracted = await extractSnapshot(bytes, 'crawl.warc' + (gzip ? '.gz' : ''), { pageId: list.pages[0]?.pageId });
      expect(extracted.text).toBe('Summit ends\n\nLeaders agreed on a statement.');
      expect(extracted.sha256).toBe(sha256(bytes));
      expect(extracted.archive).toEqual({ format: 'warc', url: ARTICLE.url, capturedAt: '2026-11-30T09:41:07.000Z' });
    });
  }

  it('takes the only HTML capture without asking, and asks when there are several', async () => {
    const one = await buildWarc([ARTICLE, STYLE], { gzip: true });
    expect((await listArchivePages(one, 'one.warc.gz')).chosenPageId).not.toBeNull();
    expect((await extractSnapshot(one, 'one.warc.gz')).title).toBe('Summit');
    const two = await buildWarc([ARTICLE, SECOND], { gzip: true });
    expect(await refusal(() => extractSnapshot(two, 'two.warc.gz'))).toBe('“two.warc.gz” holds 2 captured pages: pick the one to keep.');
  });

  it('never offers or reads a capture of a file: or javascript: address', async () => {
    const hostile = await buildWarc(
      [
        { url: 'file:///etc/passwd', date: '2026-11-30T09:00:00Z', html: '<p>root:x:0:0</p>' },
        { url: 'javascript:alert(1)', date: '2026-11-30T09:00:00Z', html: '<p>alert</p>' },
      ],
      { gzip: false },
    );
    const message = await refusal(() => listArchivePages(hostile, 'hostile.warc'));
    expect(message).toBe(
      '“hostile.warc” could not be read as a WARC web archive (its only HTML captures are refused: file:///etc/passwd: it points at a file: address, which Warrant never loads).',
    );
    const mixed = await buildWarc([{ url: 'file:///etc/passwd', date: '2026-11-30T09:00:00Z', html: '<p>root</p>' }, ARTICLE], {
      gzip: false,
    });
    const list = await listArchivePages(mixed, 'mixed.warc');
    expect(list.pages.map((page) => page.url)).toEqual([ARTICLE.url]);
    expect(await refusal(() => extractSnapshot(mixed, 'mixed.warc', { pageId: '0:0' }))).toMatch(
      /the chosen capture \(file:\/\/\/etc\/passwd\) it points at a file: address/,
    );
  });

  it('refuses a WARC with no HTML response, a truncated one and garbled bytes', async () => {
    expect(await refusal(async () => extractSnapshot(await buildWarc([STYLE], { gzip: false }), 'css.warc'))).toBe(
      '“css.warc” could not be read as a WARC web archive (it holds no captured HTML page).',
    );
    const whole = await buildWarc([ARTICLE, SECOND], { gzip: false });
    expect(await refusal(() => extractSnapshot(whole.subarray(0, whole.length - 60), 'cut.warc'))).toMatch(/record 2 is cut short/);
    const gzipped = await buildWarc([ARTICLE, SECOND], { gzip: true });
    expect(await refusal(() => extractSnapshot(gzipped.subarray(0, gzipped.length - 30), 'cut.warc.gz'))).toMatch(
      /gzip compression is damaged or cut short/,
    );
    expect(await refusal(() => extractSnapshot(new TextEncoder().encode('not an archive at all'), 'junk.warc'))).toMatch(
      /does not start with a WARC record/,
    );
  });

  it('refuses a gzip bomb: inflating stops at the cap', () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => plainWarc(bomb, 1024 * 1024)).toThrow('it unpacks to more than 1 MB');
  });

  it('refuses an archive over the snapshot limit before reading it', async () => {
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    expect(await refusal(() => extractSnapshot(big, 'huge.warc'))).toBe('“huge.warc” is 25.1 MB; a snapshot can be at most 25 MB.');
  });
});

describe('WACZ snapshots', () => {
  it('picks the page pages.jsonl names when it names one, and lists only named pages', async () => {
    const warc = await buildWarc([ARTICLE, SECOND, STYLE], { gzip: true });
    const wacz = buildWacz(warc, [{ url: SECOND.url, ts: SECOND.date }]);
    const list = await listArchivePages(wacz, 'capture.wacz');
    expect(list.pages.map((page) => page.url)).toEqual([SECOND.url]);
    const extracted = await extractSnapshot(wacz, 'capture.wacz');
    expect(extracted.text).toBe('Other page');
    expect(extracted.archive).toEqual({ format: 'wacz', url: SECOND.url, capturedAt: '2026-11-30T09:42:00.000Z' });
    expect(extracted.sha256).toBe(sha256(wacz));
  });

  it('refuses a zip bomb: an entry that claims, or turns out, to unpack past the cap', async () => {
    const warc = await buildWarc([ARTICLE], { gzip: false });
    const claimed = buildWacz(
      warc,
      [],
      [{ name: 'archive/bomb.warc', bytes: new Uint8Array(1000), deflate: true, claimedSize: 200 * 1024 * 1024 }],
    );
    expect(await refusal(() => listArchivePages(claimed, 'bomb.wacz'))).toBe(
      '“bomb.wacz” could not be read as a WACZ web archive (it unpacks to more than 100 MB).',
    );
    const lying = buildZip([{ name: 'archive/a.warc', bytes: new Uint8Array(4 * 1024 * 1024), deflate: true, claimedSize: 10 }]);
    expect(() => new ZipReader(lying, { maxEntries: 10, maxTotalBytes: 1024 * 1024 }).read('archive/a.warc')).toThrow(
      /unpacks to more than 1 MB/,
    );
    const many = buildZip(Array.from({ length: 20 }, (_, index) => ({ name: `f${index}`, bytes: new Uint8Array(1) })));
    expect(() => new ZipReader(many, { maxEntries: 10, maxTotalBytes: 1024 })).toThrow(/more than 10 files/);
  });

  it('refuses a truncated WACZ and one without WARC files', async () => {
    const wacz = buildWacz(await buildWarc([ARTICLE], { gzip: true }), []);
    expect(await refusal(() => listArchivePages(wacz.subarray(0, wacz.length - 30), 'cut.wacz'))).toMatch(/not a complete zip file/);
    const empty = buildZip([{ name: 'datapackage.json', bytes: Buffer.from('{}') }]);
    expect(await refusal(() => listArchivePages(empty, 'empty.wacz'))).toMatch(/holds no archive\/\*\.warc files/);
  });
});
