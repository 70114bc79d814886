import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { buildExportModel } from '../../main/export/build-model';
import { exportBriefing } from '../../main/export/export-service';
import { renderPrintHtml } from '../../src/export/print-html';
import { seedSampleBriefing, type SampleBriefing } from '../fixtures/export/sample-briefing';
import { TempDirs } from './helpers/temp-workspace';

const NO_CONTROL = { progress: () => undefined, throwIfCancelled: () => undefined };
const temp = new TempDirs();
let path: string;
let ws: Workspace;
let sample: SampleBriefing;
let anchoredQuoteId: string;

/**
 * What an attacker with the file does: the trigger only stops Warrant, so drop it, change the
 * captured bytes, and put the trigger back so the schema looks untouched.
 */
function rewriteSnapshotBytes(file: string, sourceId: string, bytes: Buffer): void {
  const db = new Database(file);
  const trigger = db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'snapshots_are_immutable'")
    .pluck()
    .get() as string;
  db.exec('DROP TRIGGER snapshots_are_immutable');
  db.prepare('UPDATE snapshots SET content = ? WHERE source_id = ?').run(bytes, sourceId);
  db.exec(trigger);
  db.close();
}

function reopen(): Workspace {
  ws.close();
  ws = Workspace.open(path, { snapshotCheckDelayMs: 0 });
  return ws;
}

beforeEach(() => {
  path = join(temp.make(), 'tampered.warrant');
  ws = Workspace.open(path, { create: true, snapshotCheckDelayMs: 0 });
  sample = seedSampleBriefing(ws, { extraParagraphs: 1 });
  const speech = sample.sources[0]?.id ?? '';
  // Selected in the snapshot, so its offsets check out against the snapshot's text.
  anchoredQuoteId = ws.quotes.create({
    sourceId: speech,
    text: 'North Korea',
    span: { start: 0, end: 11 },
    page: null,
    paragraph: '',
    timestamp: '',
    speaker: '',
    dateSaid: null,
    credibility: '2',
    verbatim: true,
    note: '',
  }).id;
});

afterEach(() => {
  ws.close();
  temp.cleanup();
});

describe('snapshot hashes are re-checked (issue 14 item 4)', () => {
  it('an untouched workspace checks out in the background after open', async () => {
    reopen();
    const speech = sample.sources[0]?.id ?? '';
    expect(ws.snapshots.info(speech).hashCheck.state).toBe('unchecked');
    expect(await ws.snapshotCheckDone).toBe(0);
    const check = ws.snapshots.info(speech).hashCheck;
    expect(check).toMatchObject({ state: 'matches', foundSha256: sample.snapshotSha });
    expect(check.checkedAt).not.toBeNull();
    expect(ws.quotes.get(anchoredQuoteId).integrity).toBe('verified');
  });

  it('bytes changed inside the file are found after open: on the source, its quotes and the export', async () => {
    const speech = sample.sources[0]?.id ?? '';
    ws.close();
    const forged = Buffer.from('North Korea is no threat and needs no response at all, says NATO.');
    rewriteSnapshotBytes(path, speech, forged);
    ws = Workspace.open(path, { snapshotCheckDelayMs: 0 });
    expect(await ws.snapshotCheckDone).toBe(1);

    const info = ws.snapshots.info(speech);
    expect(info.sha256).toBe(sample.snapshotSha);
    expect(info.hashCheck.state).toBe('mismatch');
    const found = info.hashCheck.foundSha256 ?? '';
    expect(found).toMatch(/^[0-9a-f]{64}$/);
    expect(found).not.toBe(sample.snapshotSha);
    // The text the quote points into is unchanged, so offsets alone would still say "verified".
    expect(ws.quotes.get(anchoredQuoteId).integrity).toBe('snapshot-altered');
    expect(ws.quotes.list({ sourceId: speech, limit: 10, offset: 0 }).items.map((quote) => quote.integrity)).toEqual(
      expect.arrayContaining(['snapshot-altered', 'unanchored']),
    );

    const { model } = buildExportModel(ws, sample.briefingId, () => sample.judgements);
    const problem = model.problems.find((entry) => entry.code === 'snapshot-hash-mismatch');
    expect(problem?.message).toContain('Speech at Keio University, Tokyo');
    expect(problem?.message).toContain(found);

    const annex = `hash mismatch: recorded ${sample.snapshotSha}, found ${found}`;
    expect(renderPrintHtml(model, { paper: 'a4', fontFaceCss: '' }).html).toContain(annex);
    for (const format of ['md', 'html'] as const) {
      const file = await exportBriefing(ws, { briefingId: sample.briefingId, format, paper: 'a4' }, NO_CONTROL, {
        appVersion: 'test',
        printer: null,
        loadJudgements: () => sample.judgements,
      });
      expect(Buffer.from(file.bytes).toString('utf8'), format).toContain(annex);
    }
    const docx = await exportBriefing(ws, { briefingId: sample.briefingId, format: 'docx', paper: 'a4' }, NO_CONTROL, {
      appVersion: 'test',
      printer: null,
      loadJudgements: () => sample.judgements,
    });
    const docxPath = join(temp.make(), 'out.docx');
    writeFileSync(docxPath, docx.bytes);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' })).toContain(annex);
  });

  it('the export re-hashes even when the bytes change after the background check said they matched', async () => {
    const speech = sample.sources[0]?.id ?? '';
    expect(await ws.snapshotCheckDone).toBe(0);
    expect(ws.snapshots.info(speech).hashCheck.state).toBe('matches');
    rewriteSnapshotBytes(path, speech, Buffer.from('Forged while the workspace was open.'));
    const { model } = buildExportModel(ws, sample.briefingId, () => sample.judgements);
    expect(model.problems.map((entry) => entry.code)).toContain('snapshot-hash-mismatch');
    expect(model.sources.find((source) => source.id === speech)?.snapshotFoundSha256).not.toBe(sample.snapshotSha);
    expect(ws.snapshots.info(speech).hashCheck.state).toBe('mismatch');
    expect(ws.quotes.get(anchoredQuoteId).integrity).toBe('snapshot-altered');
  });

  it('an edit of the file’s own bytes (no SQL at all) is found too', async () => {
    const source = ws.sources.create({
      title: 'Captured page',
      kind: 'document',
      author: '',
      publisher: '',
      url: null,
      publishedDate: null,
      accessedDate: null,
      language: 'en',
      reliability: null,
      notes: '',
    });
    // The capture holds a marker its extracted text does not, so only the stored bytes change.
    ws.snapshots.attach(source.id, {
      fileName: 'page.html',
      mediaType: 'text/html',
      bytes: Buffer.from('<p>Allied ministers met.</p><!-- capture-marker-0001 -->'),
      text: 'Allied ministers met.',
      pageOffsets: null,
    });
    const recorded = ws.snapshots.info(source.id).sha256;
    ws.close();
    const file = readFileSync(path);
    const at = file.indexOf('capture-marker-0001');
    expect(at).toBeGreaterThan(0);
    expect(file.indexOf('capture-marker-0001', at + 1)).toBe(-1);
    file.write('capture-marker-6666', at);
    writeFileSync(path, file);
    ws = Workspace.open(path, { snapshotCheckDelayMs: 0 });
    expect(await ws.snapshotCheckDone).toBe(1);
    expect(ws.snapshots.info(source.id)).toMatchObject({ sha256: recorded, hashCheck: { state: 'mismatch' } });
    expect(ws.snapshots.info(sample.sources[0]?.id ?? '').hashCheck.state).toBe('matches');
  });

  it('a capture taken again starts from its own check, and the check stops at close', async () => {
    const speech = sample.sources[0]?.id ?? '';
    await ws.snapshotCheckDone;
    const again = ws.snapshots.attach(speech, {
      fileName: 'speech.txt',
      mediaType: 'text/plain',
      bytes: Buffer.from('Recaptured.'),
      text: 'Recaptured.',
      pageOffsets: null,
    });
    expect(again.hashCheck.state).toBe('matches');
    ws.close();
    const late = Workspace.open(path, { snapshotCheckDelayMs: 50 });
    late.close();
    expect(await late.snapshotCheckDone).toBe(0);
    ws = Workspace.open(path);
  });
});
