import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ACH_ANNEX_TITLE, ACH_LEGEND_TEXT, matricesOf } from '../../src/export/ach-annex';
import type { ExportModel } from '../../src/export/model';
import { heading } from './docx-parts';

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** Annex C in the Word document: each matrix as a table with its scores, verdict and legend. */
export function achAnnexDocx(model: ExportModel): (Paragraph | Table)[] {
  const matrices = matricesOf(model);
  if (matrices.length === 0) return [];
  const out: (Paragraph | Table)[] = [heading(2, ACH_ANNEX_TITLE), new Paragraph(ACH_LEGEND_TEXT)];
  for (const table of matrices) {
    out.push(heading(3, table.title));
    if (table.question) out.push(new Paragraph(table.question));
    for (const h of table.hypotheses) out.push(new Paragraph(`${h.label}: ${h.text}${h.leads ? ' (leads)' : ''}`));
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['Ref', 'Evidence', 'Relevance / credibility', ...table.hypotheses.map((h) => h.label)].map((text) =>
              cell(text, true),
            ),
          }),
          ...table.rows.map(
            (row) =>
              new TableRow({
                children: [
                  cell(row.label),
                  cell(`${row.kind}: ${row.text}`),
                  cell(`${row.relevance} / ${row.credibility}`),
                  ...row.ratings.map((rating) => cell(rating === 'N' ? '·' : rating)),
                ],
              }),
          ),
          new TableRow({
            children: [
              cell(''),
              cell('Weighted inconsistency (lower is stronger)', true),
              cell(''),
              ...table.hypotheses.map((h) => cell(String(Math.round(h.score * 100) / 100), h.leads)),
            ],
          }),
        ],
      }),
    );
    out.push(new Paragraph(table.verdict));
    if (table.hangsOn.length > 0)
      out.push(new Paragraph(`The conclusion hangs on: ${table.hangsOn.map((text) => `“${text}”`).join('; ')}.`));
  }
  return out;
}
