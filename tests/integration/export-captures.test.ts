import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { buildExportModel } from '../../main/export/build-model';
import { exportBriefing } from '../../main/export/export-service';
import { formatCaptureTime, type SnapshotInfo } from '../../src/domain/snapshot';
import { SourceDraftSchema } from '../../src/domain/source';
import { cite, paragraph, state, text } from '../fixtures/export/sample-briefing';
import { squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const NO_CONTROL = { progress: () => undefined, throwIfCancelled: () => undefined };

/** A source captured twice, a quote cut from each capture, and a briefing citing both. */
describe('the export annex names the capture each cited quote came from', () => {
  const temp = new TempDirs();
  let ws: Workspace;
  let briefingId = '';
  let first: SnapshotInfo;
  let second: SnapshotInfo;
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 11, 1, 9, 0, (tick += 1))).toISOString();

  beforeAll(() => {
    ws = Workspace.open(join(temp.make(), 'captures.warrant'), { create: true, now: clock });
    const source = ws.sources.create(
      SourceDraftSchema.parse({ title: 'Ministry statement', kind: 'official_statement', url: 'https://gov.example/s' }),
    );
    const attach = (wording: string, fileName: string, mediaType: 'text/plain' | 'text/html') =>
      ws.snapshots.attach(source.id, { fileName, mediaType, bytes: new TextEncoder().encode(wording), text: wording, pageOffsets: null });
    const quote = (wording: string, snapshotId: string, body: string) => {
      const at = body.indexOf(wording);
      return ws.quotes.create({
        sourceId: source.id,
        snapshotId,
        text: wording,
        span: { start: at, end: at + wording.length },
        page: null,
        paragraph: '',
        timestamp: '',
        speaker: '',
        dateSaid: null,
        credibility: null,
        verbatim: true,
        note: '',
      });
    };
    const early = 'The launch was a grave provocation.';
    const late = 'The launch was a serious concern.';
    first = attach(early, 'first.txt', 'text/plain');
    second = attach(late, 'second.html', 'text/html');
    const q1 = quote('grave provocation', first.id, early);
    const q2 = quote('serious concern', second.id, late);
    const briefing = ws.briefings.create({ title: 'Captures', typeId: 'briefing', author: 'A. Analyst', marking: '', date: null });
    briefingId = briefing.id;
    const body = state([paragraph(text('First'), cite('quote', q1.id), text('. Then'), cite('quote', q2.id), text('.'))]);
    ws.briefings.saveBody({ id: briefing.id, body, bodyText: 'First. Then.', wordCount: 2 });
  });

  afterAll(() => {
    ws.close();
    temp.cleanup();
  });

  const exported = async (format: 'html' | 'md' | 'docx') =>
    exportBriefing(ws, { briefingId, format, paper: 'a4' }, NO_CONTROL, { appVersion: 'test', printer: null, loadJudgements: () => [] });

  it('in HTML (what the PDF prints) and Markdown: each note names its capture, the annex lists both cited captures', async () => {
    for (const format of ['html', 'md'] as const) {
      const out = squash(Buffer.from((await exported(format)).bytes).toString('utf8'));
      expect(formatCaptureTime(first.capturedAt)).not.toBe(formatCaptureTime(second.capturedAt));
      expect(out).toContain(`capture of ${formatCaptureTime(first.capturedAt)} (text, SHA-256 ${first.sha256.slice(0, 12)}…)`);
      expect(out).toContain(`capture of ${formatCaptureTime(second.capturedAt)} (HTML page, SHA-256 ${second.sha256.slice(0, 12)}…)`);
      expect(out).toContain(`Cited capture of ${formatCaptureTime(second.capturedAt)} (HTML page): ${second.sha256}`);
      expect(out).toContain(`Cited capture of ${formatCaptureTime(first.capturedAt)} (text): ${first.sha256}`);
    }
  });

  it('in Word', async () => {
    const path = join(temp.make(), 'captures.docx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, (await exported('docx')).bytes);
    const xml = (member: string) => execFileSync('unzip', ['-p', path, member], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
    expect(xml('word/footnotes.xml')).toContain(
      `capture of ${formatCaptureTime(first.capturedAt)} (text, SHA-256 ${first.sha256.slice(0, 12)}…)`,
    );
    const document = xml('word/document.xml');
    expect(document).toContain(`Cited capture of ${formatCaptureTime(second.capturedAt)} (HTML page): ${second.sha256}`);
    expect(document).toContain(`Cited capture of ${formatCaptureTime(first.capturedAt)} (text): ${first.sha256}`);
  });

  // Last: it alters the first capture's stored bytes.
  it('re-checks every cited capture: an altered earlier capture heads the problems and shows as a mismatch in the annex', async () => {
    const raw = new Database(ws.path);
    try {
      raw.pragma('busy_timeout = 5000');
      raw.exec('DROP TRIGGER snapshots_are_immutable');
      raw.prepare("UPDATE snapshots SET content = CAST('Forged.' AS BLOB) WHERE id = ?").run(first.id);
      raw.exec(`CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END`);
    } finally {
      raw.close();
    }
    const { model } = buildExportModel(ws, briefingId);
    expect(model.problems.map((problem) => problem.message)).toContainEqual(
      expect.stringContaining(`its capture of ${formatCaptureTime(first.capturedAt)} was changed after capture`),
    );
    const out = squash(Buffer.from((await exported('md')).bytes).toString('utf8'));
    expect(out).toContain(`(text): hash mismatch: recorded ${first.sha256}, found `);
    expect(out).toContain(`Cited capture of ${formatCaptureTime(second.capturedAt)} (HTML page): ${second.sha256}`);
  });
});
