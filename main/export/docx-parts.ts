import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { YARDSTICK_LABELS } from '../../src/domain/briefing';
import { STANCE_LABELS, YARDSTICK_TERMS, describeLikelihood, describeRange, likelihoodTerm } from '../../src/domain/judgement';
import { caveatsOf, derivationText } from '../../src/export/product-page';
import { analysisLineOf } from '../../src/export/analysis-line';
import { annexLocation, annexSnapshotDetail, type ExportModel } from '../../src/export/model';
import { CONFIDENCE_LEVEL_NAMES, MISSING_SOURCE, evidenceGrade, type References } from '../../src/export/references';

/** The Word document's Key Judgements table and annexes (the body and title block are in docx.ts). */

export const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

export function heading(level: number, text: string): Paragraph {
  return new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1], children: [new TextRun(text)] });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

export function judgementsPart(model: ExportModel, refs: References): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(2, 'Key Judgements')];
  if (model.judgements.length === 0) return [...out, new Paragraph('No key judgements have been recorded.')];
  const header = new TableRow({
    tableHeader: true,
    children: ['Key judgement', 'Likelihood', 'Confidence', 'Evidence'].map(
      (text) =>
        new TableCell({ shading: { fill: 'E8EBF2' }, children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] }),
    ),
  });
  const rows = model.judgements.map((judgement, index) => {
    const term = likelihoodTerm(model.briefing.yardstick, judgement.likelihood);
    const evidence = judgement.evidence.map((link) => {
      const annex = refs.evidenceAnnex(link);
      return new Paragraph({
        children: [
          new TextRun({ text: `${STANCE_LABELS[link.stance]} `, bold: true }),
          new TextRun(`${annex === null ? MISSING_SOURCE : `S${annex}`} · ${evidenceGrade(link)} · ${link.item.text}`),
        ],
      });
    });
    const statement = [
      new Paragraph({ children: [new TextRun({ text: `KJ${index + 1}. `, bold: true }), new TextRun(judgement.statement)] }),
    ];
    for (const caveat of caveatsOf(model, judgement.id))
      statement.push(
        new Paragraph({
          shading: { fill: 'FDF3E1' },
          children: [new TextRun({ text: 'Caveat: ', bold: true, color: '8A4B00' }), new TextRun(caveat)],
        }),
      );
    const analysis = analysisLineOf(model, judgement.id);
    if (analysis !== null) statement.push(labelled('Analysis', analysis));
    if (judgement.rationale.trim()) statement.push(labelled('Rationale', judgement.rationale));
    return new TableRow({
      children: [
        new TableCell({ children: statement }),
        new TableCell({ children: [new Paragraph(term ? describeLikelihood(term) : 'Not stated')] }),
        new TableCell({ children: [new Paragraph(judgement.confidence ? CONFIDENCE_LEVEL_NAMES[judgement.confidence] : 'Not stated')] }),
        new TableCell({ children: evidence.length > 0 ? evidence : [new Paragraph('None linked')] }),
      ],
    });
  });
  return [...out, new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })];
}

export function annexes(model: ExportModel, refs: References): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(2, 'Annex A: Sourcing')];
  if (model.sources.length === 0) out.push(new Paragraph('No sources are cited or linked.'));
  else {
    const cell = (text: string, bold = false): TableCell =>
      new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['Ref', 'Source', 'URL', 'Accessed', 'Snapshot SHA-256', 'Grade', 'Derivation'].map((text) => cell(text, true)),
          }),
          ...model.sources.map(
            (source, index) =>
              new TableRow({
                children: [
                  cell(`S${index + 1}`),
                  cell(source.title),
                  cell(annexLocation(source)),
                  cell(source.accessedDate ?? '—'),
                  cell(annexSnapshotDetail(source)),
                  cell(source.reliability ?? 'Ungraded'),
                  cell(derivationText(source, (id) => refs.annexNumber(id)) || '—'),
                ],
              }),
          ),
        ],
      }),
    );
  }
  out.push(heading(2, `Annex B: Probability yardstick (${YARDSTICK_LABELS[model.briefing.yardstick]})`));
  out.push(
    new Table({
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['Term', 'Probability'].map(
            (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] }),
          ),
        }),
        ...YARDSTICK_TERMS[model.briefing.yardstick].map(
          (term) =>
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph(term.words.join(' / '))] }),
                new TableCell({ children: [new Paragraph(describeRange(term))] }),
              ],
            }),
        ),
      ],
    }),
  );
  return out;
}
