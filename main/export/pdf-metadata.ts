import type { ExportBriefing } from '../../src/export/model';
import { appendPdfInfo, type PdfInfo } from './pdf-info-update';

export const PDF_CREATOR = 'Warrant';

/**
 * Chromium writes only the Title into a PDF's information dictionary (and names itself the
 * Creator): set Author, Subject (the product type), Keywords (the briefing's tags) and Creator.
 * Chromium's own layout takes a cheap incremental update; anything else goes through pdf-lib.
 */
export async function setPdfMetadata(pdf: Uint8Array, briefing: ExportBriefing, appVersion: string): Promise<Uint8Array> {
  const info: PdfInfo = {
    Title: briefing.title,
    Author: briefing.author,
    Subject: briefing.typeName,
    Keywords: briefing.tags.join(' '),
    Creator: `${PDF_CREATOR} ${appVersion}`,
    Producer: `${PDF_CREATOR} ${appVersion} (Chromium)`,
  };
  return appendPdfInfo(pdf, info) ?? rewriteWithPdfLib(pdf, info);
}

async function rewriteWithPdfLib(pdf: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // Loaded on first use: pdf-lib is a third of a second of every host start, and most PDFs never need it.
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(info.Title, { showInWindowTitleBar: true });
  doc.setAuthor(info.Author);
  doc.setSubject(info.Subject);
  doc.setKeywords(info.Keywords === '' ? [] : info.Keywords.split(' '));
  doc.setCreator(info.Creator);
  doc.setProducer(info.Producer);
  doc.setLanguage('en');
  // Object streams would rewrite Chromium's structure tree needlessly; keep the file as printed.
  return doc.save({ useObjectStreams: false });
}
