import { PDFDocument } from 'pdf-lib';
import type { ExportBriefing } from '../../src/export/model';

export const PDF_CREATOR = 'Warrant';

/**
 * Chromium writes only the Title into a PDF's information dictionary (and names itself the
 * Creator): set Author, Subject (the product type), Keywords (the briefing's tags) and Creator.
 */
export async function setPdfMetadata(pdf: Uint8Array, briefing: ExportBriefing, appVersion: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(briefing.title, { showInWindowTitleBar: true });
  doc.setAuthor(briefing.author);
  doc.setSubject(briefing.typeName);
  doc.setKeywords([...briefing.tags]);
  doc.setCreator(`${PDF_CREATOR} ${appVersion}`);
  doc.setProducer(`${PDF_CREATOR} ${appVersion} (Chromium)`);
  doc.setLanguage('en');
  // Object streams would rewrite Chromium's structure tree needlessly; keep the file as printed.
  return doc.save({ useObjectStreams: false });
}
