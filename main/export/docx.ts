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
import { DRAFT_MARK, titleFacts } from '../../src/export/product-page';
import type { Block, BriefingDocument, Inline } from '../../src/export/document';
import type { ExportModel } from '../../src/export/model';
import { MISSING_SOURCE, References, noteParts, type ResolvedNote } from '../../src/export/references';
import { achAnnexDocx } from './docx-ach';
import { assumptionsAnnexDocx } from './docx-assumptions';
import { DocxComments } from './docx-comments';
import { indicatorsAnnexDocx } from './docx-indicators';
import { HEADINGS, annexes, heading, judgementsPart } from './docx-parts';
import { imageSize } from './image-size';

const MAX_IMAGE_WIDTH = 600;

interface Ctx {
  readonly notes: ReadonlyMap<number, ResolvedNote>;
  readonly images: ReadonlyMap<string, { mediaType: string; base64: string }>;
  readonly comments: DocxComments;
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
      case 'comment':
        return ctx.comments.wrap(child.anchors, runs(child.children, ctx));
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

/** While the product is a draft, every page's header says so, large and red. */
function draftParagraph(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: DRAFT_MARK, bold: true, size: 40, color: 'C00000' })],
  });
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
  const comments = new DocxComments(model.comments ?? [], doc.blocks);
  const ctx: Ctx = {
    notes: new Map(resolved.map((note) => [note.note, note])),
    images: new Map(model.images.map((img) => [img.id, img])),
    comments,
  };
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
      children: titleFacts(b).flatMap(([label, value], index, all) => [
        new TextRun({ text: `${label}: `, bold: true }),
        new TextRun(`${value || '—'}${index === all.length - 1 ? '' : '    '}`),
      ]),
    }),
    ...(b.dissemination.trim()
      ? [new Paragraph({ children: [new TextRun({ text: 'Dissemination: ', bold: true }), new TextRun(b.dissemination.trim())] })]
      : []),
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
    ...(comments.options.length > 0 ? { comments: { children: comments.options } } : {}),
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
        headers: {
          default: new Header({
            children: [...(marking ? [markingParagraph(marking)] : []), ...(b.status === 'draft' ? [draftParagraph()] : [])],
          }),
        },
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
        children: [
          ...titleBlock,
          ...summary,
          ...judgementsPart(model, refs),
          ...blocks(doc.blocks, ctx),
          ...annexes(model, refs),
          ...achAnnexDocx(model),
          ...assumptionsAnnexDocx(model),
          ...indicatorsAnnexDocx(model),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
