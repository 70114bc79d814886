import { Paragraph, TextRun } from 'docx';
import { ASSUMPTIONS_ANNEX_KEY, ASSUMPTIONS_ANNEX_TITLE, annexAssumptions } from '../../src/export/assumptions-annex';
import type { ExportModel } from '../../src/export/model';
import { heading } from './docx-parts';

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(text)] });
}

/** Annex D in the Word document: each assumption with its status, reasons, what would show it wrong and who rests on it. */
export function assumptionsAnnexDocx(model: ExportModel): Paragraph[] {
  const items = annexAssumptions(model);
  if (items.length === 0) return [];
  const out: Paragraph[] = [heading(2, ASSUMPTIONS_ANNEX_TITLE), new Paragraph(ASSUMPTIONS_ANNEX_KEY)];
  for (const item of items) {
    out.push(heading(3, `${item.label}: ${item.text}`));
    out.push(labelled('Status:', item.status));
    if (item.rationale) out.push(labelled('Why it is believed:', item.rationale));
    if (item.wrongIf.length > 0) {
      out.push(new Paragraph({ children: [new TextRun({ text: 'It would be wrong if:', bold: true })] }));
      for (const line of item.wrongIf) out.push(new Paragraph({ text: line, bullet: { level: 0 } }));
    }
    out.push(new Paragraph(item.restingOn));
  }
  return out;
}
