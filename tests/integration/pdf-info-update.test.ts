import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { appendPdfInfo, type PdfInfo } from '../../main/export/pdf-info-update';
import { setPdfMetadata } from '../../main/export/pdf-metadata';
import type { ExportBriefing } from '../../src/export/model';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
afterAll(() => temp.cleanup());

const INFO: PdfInfo = {
  Title: 'Visits to Tokyo and Seoul: “pressure is key”',
  Author: 'Dana Analyst <script>alert(1)</script>',
  Subject: 'Briefing',
  Keywords: 'Region/Asia-Pacific 東京 서울',
  Creator: 'Warrant test',
  Producer: 'Warrant test (Chromium)',
};

/** A small PDF with a classic xref table and an Info dictionary, as Chromium lays them out. */
async function classicPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Key judgements');
  doc.setTitle('Printed title');
  doc.setCreator('HeadlessChrome');
  return doc.save({ useObjectStreams: false });
}

/** What poppler's pdfinfo reads from the bytes. */
function pdfinfo(bytes: Uint8Array): Record<string, string> {
  const path = join(temp.make(), 'doc.pdf');
  writeFileSync(path, bytes);
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

describe('the PDF information dictionary by incremental update', () => {
  it('appends to the printed bytes, and poppler and pdf-lib both read every field, in any script', async () => {
    const printed = await classicPdf();
    const updated = appendPdfInfo(printed, INFO);
    expect(updated).not.toBeNull();
    if (!updated) return;
    expect(Buffer.from(updated.subarray(0, printed.byteLength)).equals(Buffer.from(printed))).toBe(true);
    const info = pdfinfo(updated);
    expect(info).toMatchObject({
      Title: INFO.Title,
      Author: INFO.Author,
      Subject: INFO.Subject,
      Keywords: INFO.Keywords,
      Creator: INFO.Creator,
      Producer: INFO.Producer,
      Pages: '1',
    });
    const reread = await PDFDocument.load(updated, { updateMetadata: false });
    expect(reread.getAuthor()).toBe(INFO.Author);
    expect(reread.getTitle()).toBe(INFO.Title);
  });

  it('updates again on top of an update (the newest trailer wins)', async () => {
    const once = appendPdfInfo(await classicPdf(), INFO);
    const twice = once && appendPdfInfo(once, { ...INFO, Author: 'Second analyst' });
    expect(twice).not.toBeNull();
    if (twice) expect(pdfinfo(twice).Author).toBe('Second analyst');
  });

  it('declines a file with a cross-reference stream, and the metadata still lands through pdf-lib', async () => {
    const doc = await PDFDocument.load(await classicPdf());
    const streamed = await doc.save({ useObjectStreams: true });
    expect(appendPdfInfo(streamed, INFO)).toBeNull();
    const briefing: ExportBriefing = {
      id: 'b1',
      title: INFO.Title,
      typeName: 'Briefing',
      status: 'draft',
      author: INFO.Author,
      date: null,
      marking: '',
      summary: '',
      yardstick: 'icd203',
      tags: ['Region/Asia-Pacific'],
      wordCount: 0,
      wordLimit: null,
      reference: '',
      cutoffDate: null,
      dissemination: '',
    };
    const out = await setPdfMetadata(streamed, briefing, 'test');
    expect(pdfinfo(out)).toMatchObject({
      Author: INFO.Author,
      Subject: 'Briefing',
      Keywords: 'Region/Asia-Pacific',
      Creator: 'Warrant test',
    });
  });

  it('declines what is not a PDF it understands rather than damaging it', () => {
    expect(appendPdfInfo(new TextEncoder().encode('not a pdf at all'), INFO)).toBeNull();
    expect(
      appendPdfInfo(new TextEncoder().encode('%PDF-1.7\ntrailer\n<</Size 3 /Root 1 0 R /Encrypt 2 0 R>>\nstartxref\n0\n%%EOF\n'), INFO),
    ).toBeNull();
  });
});
