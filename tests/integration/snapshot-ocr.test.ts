import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportModel } from '../../main/export/build-model';
import { BodySaveSchema } from '../../src/domain/briefing';
import type { SnapshotInfo, SnapshotText } from '../../src/domain/snapshot';
import { ocrRegionText } from '../../src/snapshot/ocr';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../e2e/support/chromium';
import { contractPerTest } from './helpers/contract';
import { characters, recall, words } from './helpers/ocr-recall';

// Screenshots rendered by Chromium from known text at 12 pt (16 px), read back with the OCR the
// app ships (tesseract.js and its English, Japanese and Korean models, no network).
const TEXTS = {
  eng: 'The Secretary General said that pressure is key and that the Alliance strongly supports a peaceful negotiated solution. Japan is a natural partner for cooperation in cyber defence and maritime security.',
  jpn: '事務総長は東京で演説し、北朝鮮に対する圧力が重要であると述べた。日本は自然なパートナーであり、サイバー防衛と海洋安全保障で協力を深める。',
  kor: '사무총장은 서울에서 한국 지도자들을 만나 제재와 외교적 해결을 지지한다고 말했다. 양측은 실질적인 협력을 확대하기로 합의했다.',
} as const;

let browser: Browser;
const shots = new Map<string, Buffer>();

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1000, height: 200 } });
  for (const [language, text] of Object.entries(TEXTS)) {
    await page.setContent(
      `<body style="margin:24px;font:16px 'Noto Sans CJK JP','WenQuanYi Zen Hei',sans-serif;background:#fff;color:#111"><p>${text}</p></body>`,
    );
    shots.set(language, await page.screenshot({ type: 'png' }));
  }
}, 60_000);
afterAll(() => browser?.close());

describe('image snapshots read with OCR', { timeout: 60_000 }, () => {
  const contract = contractPerTest();

  async function attachShot(language: keyof typeof TEXTS): Promise<{ source: Source; info: SnapshotInfo }> {
    const source = await contract.value<Source>('sources.create', { draft: { title: `Screenshot (${language})`, kind: 'other' } });
    const uploadId = contract.uploads.put(new Uint8Array(shots.get(language) ?? []), `post-${language}.png`);
    const job = await contract.job('snapshots.attach', { sourceId: source.id, uploadId, ocrLanguage: language });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    return { source, info: job.result as SnapshotInfo };
  }

  it('reads ≥ 95% of the words of an English screenshot, keeps the image and its hash, and records the OCR', async () => {
    const { source, info } = await attachShot('eng');
    expect(info).toMatchObject({ mediaType: 'image/png', ocr: { languages: ['eng'], width: 1000, height: 200 } });
    expect(info.ocr?.confidence).toBeGreaterThan(70);
    const snapshot = await contract.value<SnapshotText>('snapshots.text', { sourceId: source.id });
    expect(recall(words(TEXTS.eng), words(snapshot.text))).toBeGreaterThanOrEqual(0.95);
    const image = await contract.value<{ mediaType: string; base64: string }>('snapshots.image', { sourceId: source.id });
    expect(Buffer.from(image.base64, 'base64').equals(shots.get('eng') ?? Buffer.alloc(0))).toBe(true);
    const found = await contract.value<{ sources: { items: { id: string }[] } }>('search.query', { text: 'maritime', limit: 10 });
    expect(found.sources.items.map((item) => item.id)).toContain(source.id);

    // A quote cut from the OCR text keeps the region of the image it covers, and the export says so.
    const at = snapshot.text.indexOf('natural partner');
    expect(at).toBeGreaterThanOrEqual(0);
    const quote = await contract.value<Quote>('quotes.create', {
      draft: { sourceId: source.id, text: 'natural partner', span: { start: at, end: at + 'natural partner'.length } },
    });
    expect(quote.integrity).toBe('verified');
    const workspace = contract.session.current;
    const [region] = workspace.snapshots.ocrRegions(quote.snapshotId, [{ start: at, end: at + 'natural partner'.length }]);
    expect(region && region.x >= 0 && region.y >= 0 && region.x + region.w <= 1000 && region.y + region.h <= 200).toBe(true);
    expect(region && region.w > region.h).toBe(true);
    const briefing = workspace.briefings.create({
      title: 'OCR note',
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
    expect(model.quotes[0]?.location).toBe(region ? ocrRegionText(region) : 'no region');
  });

  it.each(['jpn', 'kor'] as const)(
    'reads at least 95 in 100 characters of a screenshot in %s (no spaces inside Japanese)',
    async (language) => {
      const { source } = await attachShot(language);
      const snapshot = await contract.value<SnapshotText>('snapshots.text', { sourceId: source.id });
      expect(recall(characters(TEXTS[language]), characters(snapshot.text))).toBeGreaterThanOrEqual(0.95);
      if (language === 'jpn') expect(snapshot.text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]/u);
    },
  );

  it('refuses an image whose bytes are not what its name says, and a language it has no model for', async () => {
    const source = await contract.value<Source>('sources.create', { draft: { title: 'Bad image', kind: 'other' } });
    const renamed = contract.uploads.put(new TextEncoder().encode('<p>not a picture</p>'), 'shot.png');
    const job = await contract.job('snapshots.attach', { sourceId: source.id, uploadId: renamed });
    expect(job.status).toBe('failed');
    expect(job.error?.message).toBe('“shot.png” is not a PNG image (it looks like text).');
    const unknown = contract.dispatcher.startJob('snapshots.attach', { sourceId: source.id, uploadId: 'x', ocrLanguage: 'deu' });
    expect(unknown.ok).toBe(false);
    // A PNG whose header is sound but whose pixels are cut off.
    const truncated = contract.uploads.put(new Uint8Array((shots.get('eng') ?? Buffer.alloc(0)).subarray(0, 200)), 'cut.png');
    const damaged = await contract.job('snapshots.attach', { sourceId: source.id, uploadId: truncated });
    expect(damaged.status).toBe('failed');
    expect(damaged.error?.message).toMatch(/^The image could not be read for OCR \(/);
    expect(contract.session.current.snapshots.recheck(source.id)).toBeNull();
  });

  it('stops when cancelled, storing nothing', async () => {
    const source = await contract.value<Source>('sources.create', { draft: { title: 'Cancelled', kind: 'other' } });
    const uploadId = contract.uploads.put(new Uint8Array(shots.get('eng') ?? []), 'post.png');
    const started = contract.dispatcher.startJob('snapshots.attach', { sourceId: source.id, uploadId });
    if (!started.ok) throw new Error(started.error.message);
    await contract.value('jobs.cancel', { jobId: started.value.jobId });
    const deadline = Date.now() + 30_000;
    let status = 'running';
    while (status === 'running' && Date.now() < deadline) {
      status = (await contract.value<{ status: string }>('jobs.get', { jobId: started.value.jobId })).status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe('cancelled');
    expect(contract.session.current.snapshots.recheck(source.id)).toBeNull();
  });
});
