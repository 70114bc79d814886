import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportModel } from '../../main/export/build-model';
import { extractSnapshot } from '../../main/snapshot/extract';
import type { JobControl } from '../../src/contract/job-manager';
import { BodySaveSchema } from '../../src/domain/briefing';
import type { Quote } from '../../src/domain/quote';
import type { SnapshotInfo, SnapshotText } from '../../src/domain/snapshot';
import { SourceDraftSchema, type Source } from '../../src/domain/source';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../e2e/support/chromium';
import { scannedPdf } from '../fixtures/scanned-pdf';
import { contractPerTest } from './helpers/contract';
import { recall, words } from './helpers/ocr-recall';

// Scanned PDFs made from known text (pages drawn by Chromium at 300 dpi, kept as images only),
// read back with the OCR the app ships. Small pages keep each read well under a second.
const PAGES = [
  'The Secretary General said that pressure is key\nand that the Alliance supports a negotiated solution.',
  'Japan is a natural partner for cooperation\nin cyber defence and maritime security.',
  'The ministers agreed to meet again in Tokyo\nbefore the end of the year to review progress.',
];
const TYPED = 'This page has a text layer of its own.';

let browser: Browser;
let scan: Uint8Array;
let mixed: Uint8Array;
let onePage: Uint8Array;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
  scan = await scannedPdf(
    browser,
    PAGES.map((text) => ({ scanned: text })),
  );
  mixed = await scannedPdf(browser, [{ typed: TYPED }, { scanned: PAGES[1] ?? '' }, { typed: TYPED }]);
  onePage = await scannedPdf(browser, [{ scanned: PAGES[1] ?? '' }]);
}, 60_000);
afterAll(() => browser?.close());

function recordingControl(): JobControl & { messages: string[] } {
  const messages: string[] = [];
  return { messages, progress: (_done, _total, message) => messages.push(message), cancelled: false, throwIfCancelled: () => undefined };
}

describe('scanned PDFs read with OCR', { timeout: 60_000 }, () => {
  const contract = contractPerTest();

  async function attach(bytes: Uint8Array, title: string): Promise<{ source: Source; info: SnapshotInfo }> {
    const source = await contract.value<Source>('sources.create', { draft: { title, kind: 'other' } });
    const uploadId = contract.uploads.put(bytes, 'scan.pdf');
    const job = await contract.job('snapshots.attach', { sourceId: source.id, uploadId, ocrLanguage: 'eng' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    return { source, info: job.result as SnapshotInfo };
  }

  it('reads ≥ 95% of the words of every page, page by page, and a quote keeps its page and region', async () => {
    const { source, info } = await attach(scan, 'Scanned statement');
    expect(info).toMatchObject({ mediaType: 'application/pdf', textNotice: null, ocr: { languages: ['eng'], pages: [1, 2, 3] } });
    expect(info.ocr?.confidence).toBeGreaterThan(70);
    const snapshot = await contract.value<SnapshotText>('snapshots.text', { sourceId: source.id });
    expect(snapshot.pageOffsets).toHaveLength(3);
    const offsets = snapshot.pageOffsets ?? [];
    PAGES.forEach((page, index) => {
      const pageText = snapshot.text.slice(offsets[index], offsets[index + 1] ?? snapshot.text.length);
      expect(recall(words(page), words(pageText)), pageText).toBeGreaterThanOrEqual(0.95);
    });

    const at = snapshot.text.indexOf('natural partner');
    expect(at).toBeGreaterThan(offsets[1] ?? 0);
    const span = { start: at, end: at + 'natural partner'.length };
    const quote = await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text: 'natural partner', span } });
    expect(quote.page).toBe(2);
    const workspace = contract.session.current;
    const [place] = workspace.snapshots.ocrRegions(quote.snapshotId, [span]);
    // In points on a 306 × 101 pt page; the words are on the first line of text.
    expect(place).toMatchObject({ page: 2 });
    expect(place && place.x > 0 && place.y > 0 && place.x + place.w <= 306 && place.y + place.h <= 101 && place.w > place.h).toBe(true);

    const briefing = workspace.briefings.create({
      title: 'Scan note',
      typeId: workspace.productTypes.list()[0]?.id ?? '',
      author: '',
      marking: '',
      date: null,
    });
    const root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'citation', targetKind: 'quote', targetId: quote.id }] }],
    };
    workspace.briefings.saveBody(BodySaveSchema.parse({ id: briefing.id, body: JSON.stringify({ root }), bodyText: '', wordCount: 0 }));
    const { model } = buildExportModel(workspace, briefing.id, () => []);
    expect(model.quotes[0]?.location).toBe(place ? `OCR, page 2, region ${place.x},${place.y},${place.w},${place.h}` : 'no region');
  });

  it('reads only the pages without a text layer in a mixed PDF, saying page by page how far it is', async () => {
    const control = recordingControl();
    const snapshot = await extractSnapshot(mixed, 'mixed.pdf', { reading: { language: 'eng', control } });
    const offsets = snapshot.pageOffsets ?? [];
    expect(offsets).toHaveLength(3);
    expect(snapshot.text.slice(0, offsets[1])).toBe(`${TYPED}\n\n`);
    expect(snapshot.text.slice(offsets[2])).toBe(TYPED);
    expect(recall(words(PAGES[1] ?? ''), words(snapshot.text.slice(offsets[1], offsets[2])))).toBeGreaterThanOrEqual(0.95);
    expect(snapshot.ocr?.pages).toEqual([2]);
    expect(snapshot.ocr?.words.every((word) => word.page === 2 && word.start >= (offsets[1] ?? 0))).toBe(true);
    expect(new Set(control.messages)).toEqual(new Set(['Reading page 2 with OCR (1 of 1)']));
  });

  it('stops when cancelled, storing nothing', async () => {
    const source = await contract.value<Source>('sources.create', { draft: { title: 'Cancelled scan', kind: 'other' } });
    const uploadId = contract.uploads.put(scan, 'scan.pdf');
    const started = contract.dispatcher.startJob('snapshots.attach', { sourceId: source.id, uploadId });
    if (!started.ok) throw new Error(started.error.message);
    // Cancelled once the OCR has begun (the first page's progress), not before the job starts.
    const deadline = Date.now() + 30_000;
    let job = await contract.value<{ status: string; message: string }>('jobs.get', { jobId: started.value.jobId });
    while (job.status === 'running' && !/with OCR/.test(job.message) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = await contract.value('jobs.get', { jobId: started.value.jobId });
    }
    await contract.value('jobs.cancel', { jobId: started.value.jobId });
    while (job.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await contract.value('jobs.get', { jobId: started.value.jobId });
    }
    expect(job.status).toBe('cancelled');
    expect(contract.session.current.snapshots.recheck(source.id)).toBeNull();
  });

  /** A scan stored before PDFs were read with OCR: its pages' text is blank and it says so. */
  function storedUnread(title: string, text = ''): Source {
    const workspace = contract.session.current;
    const source = workspace.sources.create(SourceDraftSchema.parse({ title, kind: 'other' }));
    workspace.snapshots.attach(source.id, {
      fileName: 'old-scan.pdf',
      mediaType: 'application/pdf',
      bytes: onePage,
      text,
      pageOffsets: [0],
      textNotice: 'no-text',
    });
    return source;
  }

  it('"Read with OCR" replaces a stored unreadable scan with its OCR reading, keeping its bytes, hash and capture time', async () => {
    const source = storedUnread('Old scan');
    const before = contract.session.current.snapshots.info(source.id);
    const job = await contract.job('snapshots.readWithOcr', { sourceId: source.id, ocrLanguage: 'eng' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const after = await contract.value<SnapshotText>('snapshots.text', { sourceId: source.id });
    expect(after).toMatchObject({
      sha256: before.sha256,
      capturedAt: before.capturedAt,
      size: before.size,
      textNotice: null,
      ocr: { pages: [1] },
    });
    expect(recall(words(PAGES[1] ?? ''), words(after.text))).toBeGreaterThanOrEqual(0.95);
    expect(contract.session.current.snapshots.content(source.id).bytes.equals(Buffer.from(onePage))).toBe(true);
    expect(contract.session.current.snapshots.recheck(source.id)?.hashCheck.state).toBe('matches');
    const found = await contract.value<{ sources: { items: { id: string }[] } }>('search.query', { text: 'maritime', limit: 10 });
    expect(found.sources.items.map((item) => item.id)).toContain(source.id);

    // Now it has text, so it is not read again.
    const again = await contract.job('snapshots.readWithOcr', { sourceId: source.id, ocrLanguage: 'eng' });
    expect(again.status).toBe('failed');
    expect(again.error?.message).toMatch(/already has text/);
  });

  it('"Read with OCR" is refused, changing nothing, when quotes point into the snapshot\'s text', async () => {
    // Text no reading could give (blank text cannot be quoted), to stand for any quote cut from it.
    const source = storedUnread('Quoted scan', 'Page one');
    await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text: 'Page', span: { start: 0, end: 4 } } });
    const job = await contract.job('snapshots.readWithOcr', { sourceId: source.id, ocrLanguage: 'eng' });
    expect(job.status).toBe('failed');
    expect(job.error?.message).toBe(
      'Quotes point into this snapshot’s text, so its reading cannot be replaced. Remove them (and empty them from the trash) first.',
    );
    expect(contract.session.current.snapshots.text(source.id)).toMatchObject({ text: 'Page one', textNotice: 'no-text', ocr: null });
  });
});
