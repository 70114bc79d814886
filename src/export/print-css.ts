import { cssString } from './escape';
import type { PaperSize } from './model';

/** Page sizes in CSS terms; margins leave room for the marking and page numbers. */
export const PAPER_CSS: Readonly<Record<PaperSize, string>> = { a4: 'A4', letter: 'letter' };

/** Body text first in the bundled faces, then CJK-capable faces (system), then anything. */
export const SERIF_STACK = `'Source Serif 4', 'Noto Serif CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'DejaVu Serif', serif`;
export const SANS_STACK = `'Source Sans 3', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'DejaVu Sans', sans-serif`;

/** The page rules: size, the marking top and bottom of every page, "Page X of Y". */
export function pageCss(paper: PaperSize, marking: string): string {
  const mark = marking.trim() === '' ? '' : `content: ${cssString(marking.trim())};`;
  const box = `font-family: ${SANS_STACK}; font-size: 8.5pt; font-weight: 700; letter-spacing: 0.04em; color: #8a1c1c;`;
  return `@page {
  size: ${PAPER_CSS[paper]};
  margin: 20mm 18mm 20mm 18mm;
  @top-center { ${mark} ${box} vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-center { ${mark} ${box} vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: ${SANS_STACK}; font-size: 8pt; color: #444; vertical-align: top; padding-top: 4mm; }
}`;
}

/** Layout of the document itself (print and screen). */
export const DOCUMENT_CSS = `
:root { color-scheme: light; }
html { font-family: ${SERIF_STACK}; font-size: 10.5pt; line-height: 1.42; color: #111; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6, .product-type, .title-facts, .kj-box .label, .judgement-facts, table th { font-family: ${SANS_STACK}; }
h2 { font-size: 13pt; margin: 1.3em 0 0.4em; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.1em 0 0.3em; break-after: avoid; }
h4, h5, h6 { font-size: 10.5pt; margin: 1em 0 0.3em; break-after: avoid; }
p { margin: 0 0 0.6em; orphans: 2; widows: 2; }
a { color: #1a4d8f; text-decoration: none; }
.title-block { border-bottom: 2px solid #1f2a44; padding-bottom: 8pt; margin-bottom: 12pt; }
.product-type { text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; color: #1f2a44; margin: 0 0 4pt; font-weight: 700; }
.title { font-size: 20pt; line-height: 1.15; margin: 0 0 8pt; }
.title-facts { display: flex; flex-wrap: wrap; gap: 4pt 18pt; margin: 0; font-size: 9pt; }
.title-facts div { display: flex; gap: 4pt; }
.title-facts dt { font-weight: 700; }
.title-facts dd { margin: 0; }
.summary { background: #f3f5f9; border-left: 4px solid #1f2a44; padding: 6pt 10pt; margin-bottom: 12pt; }
.summary h2 { margin-top: 2pt; }
.kj-box { border: 1.5pt solid #1f2a44; padding: 6pt 10pt 8pt; margin: 0 0 14pt; break-inside: auto; }
.kj-box h2 { margin-top: 2pt; }
.judgements { margin: 0; padding-left: 0; list-style: none; }
.judgement { margin: 0 0 8pt; padding-bottom: 6pt; border-bottom: 0.5pt solid #c9cfdb; break-inside: avoid; }
.judgement:last-child { border-bottom: none; }
.judgement-statement { font-weight: 600; margin-bottom: 3pt; }
.judgement-number { color: #1f2a44; }
.judgement-facts { display: flex; flex-wrap: wrap; gap: 2pt 16pt; margin: 0 0 3pt; font-size: 9pt; }
.judgement-facts div { display: flex; gap: 4pt; }
.judgement-facts dt { font-weight: 700; }
.judgement-facts dd { margin: 0; }
.judgement-rationale, .judgement-evidence { font-size: 9pt; margin: 0 0 2pt; }
.judgement-evidence ul { margin: 2pt 0 0; padding-left: 14pt; }
.label { font-weight: 700; }
.stance { font-weight: 600; }
.stance--contradicts { color: #8a1c1c; }
.missing-source, .missing-image { color: #8a1c1c; font-weight: 700; }
.note-ref { font-size: 0.75em; line-height: 0; }
.body blockquote { margin: 0 0 0.6em 1.2em; padding-left: 8pt; border-left: 2pt solid #c9cfdb; font-style: italic; }
.body-image { max-width: 100%; max-height: 180mm; display: block; margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.8em; font-size: 9pt; }
th, td { border: 0.5pt solid #9aa3b5; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #e8ebf2; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td p, th p { margin: 0; }
.notes, .annex { break-before: auto; }
.note-list { font-size: 9pt; padding-left: 18pt; }
.note-list li { margin-bottom: 3pt; }
.back-ref { margin-left: 3pt; }
.annex-table { table-layout: fixed; }
.annex-table col, .annex-table th:nth-child(1) { width: 8%; }
.annex-table th:nth-child(2) { width: 44%; }
.annex-table th:nth-child(3) { width: 13%; }
.annex-table th:nth-child(4) { width: 25%; }
.annex-table th:nth-child(5) { width: 10%; }
.annex-url, .annex-sha { overflow-wrap: anywhere; word-break: break-all; font-size: 8pt; }
.annex-meta { color: #444; font-size: 8pt; }
.annex-capture { word-break: normal; font-family: inherit; }
.annex-title { font-weight: 600; }
.annex-key { font-size: 8.5pt; color: #444; }
.yardstick-table { width: auto; min-width: 50%; }
.ach-annex-table { font-size: 8.5pt; }
.ach-annex-table .ach-rating { text-align: center; white-space: nowrap; }
.ach-hypotheses { font-size: 9pt; }
.indicators-annex-table { font-size: 8.5pt; }
.muted { color: #555; }
.dissemination { font-family: ${SANS_STACK}; font-size: 9pt; margin: 6pt 0 0; }
.judgement-caveat { font-size: 9pt; margin: 0 0 3pt; padding: 2pt 5pt; border-left: 2.5pt solid #b26b00; background: #fdf3e1; }
.annex-derivation { font-size: 8pt; font-style: italic; }
.draft-watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-family: ${SANS_STACK}; font-size: 110pt; font-weight: 700; letter-spacing: 0.1em; color: rgba(138, 28, 28, 0.13); transform: rotate(-32deg); pointer-events: none; z-index: 10; }
[contenteditable] { outline: none; }
`;
