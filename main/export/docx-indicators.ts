import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import {
  INDICATOR_ANNEX_COLUMNS,
  INDICATORS_ANNEX_TITLE,
  indicatorsAnnexCells,
  indicatorsAnnexNote,
} from '../../src/export/indicators-annex';
import type { ExportModel } from '../../src/export/model';
import { heading } from './docx-parts';

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** Annex E in the Word document: one table of the indicators, as the other formats print it. */
export function indicatorsAnnexDocx(model: ExportModel): (Paragraph | Table)[] {
  const rows = indicatorsAnnexCells(model);
  if (rows.length === 0) return [];
  return [
    heading(2, INDICATORS_ANNEX_TITLE),
    new Paragraph(indicatorsAnnexNote(model)),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: INDICATOR_ANNEX_COLUMNS.map((text) => cell(text, true)) }),
        ...rows.map((cells) => new TableRow({ children: cells.map((text) => cell(text)) })),
      ],
    }),
  ];
}
