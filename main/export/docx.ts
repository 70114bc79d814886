import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { BRIEFING_STATUS_LABELS, YARDSTICK_LABELS } from '../../src/domain/briefing';
import { STANCE_LABELS, YARDSTICK_TERMS, describeLikelihood, describeRange, likelihoodTerm } from '../../src/domain/judgement';
import type { Block, BriefingDocument, Inline } from '../../src/export/document';
import { annexSnapshotDetail, type ExportModel } from '../../src/export/model';
import {
  CONFIDENCE_LEVEL_NAMES,
  MISSING_SOURCE,
  References,
  evidenceGrade,
  noteParts,
  type ResolvedNote,
} from '../../src/export/references';
import { imageSize } from './image-size';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const MAX_IMAGE_WIDTH = 600;

interface Ctx {
  readonly notes: ReadonlyMap<number, ResolvedNote>;
  readonly images: ReadonlyMap<string, { mediaType: string; base64: string }>;
}

function heading(level: number, text: string): Paragraph {
  return new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1], children: [new TextRun(text)] });
}

function image(imageId: string, alt: string, ctx: Ctx): ParagraphChild {
  const found = ctx.images.get(imageId);
  const type =
    found?.mediaType === 'image/png' ? 'png' : found?.mediaType === 'image/jpeg' ? 'jpg' : found?.mediaType === 'image/gif' ? 'gif' : null;
  const bytes = found ? Buffer.from(found.base64, 'base64') : null;
  const size = bytes ? imageSize(bytes) : null;
  if (!type || !bytes || !size || size.width === 0) return new TextRun({ text: `[image${alt ? `: ${alt}` : ''}]`, italics: true });
  const scale = Math.min(1, MAX_IMAGE_WIDTH / size.width);
  return new ImageRun({
    type,
    data: bytes,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    altText: { name: alt || 'Image', description: alt, title: alt },
  });
}

function runs(children: readonly Inline[], ctx: Ctx): ParagraphChild[] {
  return children.flatMap((child): ParagraphChild[] => {
    switch (child.type) {
      case 'text':
        return [
          new TextRun({
            text: child.text,
            bold: child.marks.bold,
            italics: child.marks.italic,
            underline: child.marks.underline ? {} : undefined,
            strike: child.marks.strike,
            subScript: child.marks.sub,
            superScript: child.marks.sup,
            font: child.marks.code ? 'Courier New' : undefined,
          }),
        ];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'cite':
        return ctx.notes.get(child.note)?.state === 'live'
          ? [new FootnoteReferenceRun(child.note)]
          : [new FootnoteReferenceRun(child.note), new TextRun({ text: ` ${MISSING_SOURCE}`, bold: true, color: '8A1C1C' })];
      case 'image':
        return [image(child.imageId, child.alt, ctx)];
      case 'link':
        return child.url === null
          ? runs(child.children, ctx)
          : [
              new ExternalHyperlink({
                link: child.url,
                children: runs(child.children, ctx).filter((run): run is TextRun => run instanceof TextRun),
              }),
            ];
    }
  });
}

function blocks(list: readonly Block[], ctx: Ctx, listLevel = 0): (Paragraph | Table)[] {
  return list.flatMap((block): (Paragraph | Table)[] => {
    switch (block.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[Math.min(block.level + 1, 6) - 1], children: runs(block.children, ctx) })];
      case 'paragraph':
        return [new Paragraph({ children: runs(block.children, ctx) })];
      case 'quote':
        return [new Paragraph({ style: 'Quote', children: runs(block.children, ctx) })];
      case 'list':
        return block.items.flatMap((item) =>
          item.blocks.flatMap((inner, index) => {
            if (inner.type === 'list') return blocks([inner], ctx, listLevel + 1);
            if (index === 0 && (inner.type === 'paragraph' || inner.type === 'quote')) {
              const level = Math.min(listLevel, 8);
              return [
                new Paragraph({
                  children: runs(inner.children, ctx),
                  ...(block.ordered ? { numbering: { reference: 'ordered', level } } : { bullet: { level } }),
                }),
              ];
            }
            return blocks([inner], ctx, listLevel + 1);
          }),
        );
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row, index) =>
                new TableRow({
                  tableHeader: index === 0 && row.cells.every((cell) => cell.header),
                  children: row.cells.map((cell) => {
                    const content = blocks(cell.blocks, ctx);
                    return new TableCell({
                      children: content.length > 0 ? content : [new Paragraph('')],
                      shading: cell.header ? { fill: 'E8EBF2' } : undefined,
                    });
                  }),
                }),
            ),
          }),
        ];
      case 'section':
        return blocks(block.blocks, ctx, listLevel);
    }
  });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

function judgementsPart(model: ExportModel, refs: References): (Paragraph | Table)[] {
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

function annexes(model: ExportModel): (Paragraph | Table)[] {
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
            children: ['Ref', 'Source', 'URL', 'Accessed', 'Snapshot SHA-256', 'Grade'].map((text) => cell(text, true)),
          }),
          ...model.sources.map(
            (source, index) =>
              new TableRow({
                children: [
                  cell(`S${index + 1}`),
                  cell(source.title),
                  cell(source.url ?? '—'),
                  cell(source.accessedDate ?? '—'),
                  cell(annexSnapshotDetail(source)),
                  cell(source.reliability ?? 'Ungraded'),
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

function markingParagraph(marking: string, extra: ParagraphChild[] = []): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: marking, bold: true, color: '8A1C1C' }), ...extra],
  });
}

/** The briefing as a Word document: real headings, lists, tables and footnotes; the marking in header and footer. */
export async function renderDocx(model: ExportModel, doc: BriefingDocument): Promise<Uint8Array> {
  const b = model.briefing;
  const refs = new References(model);
  const resolved = doc.notes.map((note) => refs.resolve(note));
  const ctx: Ctx = { notes: new Map(resolved.map((note) => [note.note, note])), images: new Map(model.images.map((img) => [img.id, img])) };
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const note of resolved) {
    const parts = noteParts(note);
    footnotes[String(note.note)] = {
      children: [
        new Paragraph({
          children: [
            ...(parts.quote === null ? [] : [new TextRun(`“${parts.quote}” `)]),
            new TextRun({ text: parts.detail, bold: note.state === 'missing' }),
          ],
        }),
      ],
    };
  }
  const marking = b.marking.trim();
  const titleBlock = [
    new Paragraph({ children: [new TextRun({ text: b.typeName.toUpperCase(), bold: true, color: '1F2A44' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.title)] }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '1F2A44', space: 4 } },
      children: [
        new TextRun({ text: 'Date: ', bold: true }),
        new TextRun(`${b.date ?? '—'}    `),
        new TextRun({ text: 'Author: ', bold: true }),
        new TextRun(`${b.author || '—'}    `),
        new TextRun({ text: 'Status: ', bold: true }),
        new TextRun(BRIEFING_STATUS_LABELS[b.status]),
      ],
    }),
  ];
  const summary =
    b.summary.trim() === ''
      ? []
      : [
          heading(2, 'Summary'),
          ...b.summary
            .trim()
            .split(/\n{2,}/)
            .map((part) => new Paragraph(part)),
        ];
  const document = new Document({
    creator: 'Warrant',
    title: b.title,
    subject: b.typeName,
    keywords: b.tags.join(', '),
    description: b.summary.slice(0, 500),
    footnotes,
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_unused, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {},
        headers: { default: new Header({ children: marking ? [markingParagraph(marking)] : [] }) },
        footers: {
          default: new Footer({
            children: [
              ...(marking ? [markingParagraph(marking)] : []),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children: [...titleBlock, ...summary, ...judgementsPart(model, refs), ...blocks(doc.blocks, ctx), ...annexes(model)],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
