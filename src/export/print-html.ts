import { briefingDocument } from './lexical-document';
import type { BriefingDocument } from './document';
import { escapeHtml } from './escape';
import { htmlSections, joinSections } from './html-sections';
import type { ExportModel, PaperSize } from './model';
import { DOCUMENT_CSS, pageCss } from './print-css';

/** Options of the print document; `fontFaceCss` holds the bundled fonts as data: URLs. */
export interface PrintOptions {
  readonly paper: PaperSize;
  readonly fontFaceCss: string;
}

/** The print HTML and what the PDF engine needs besides it. */
export interface PrintDocument {
  readonly html: string;
  readonly title: string;
  readonly doc: BriefingDocument;
}

/**
 * The briefing as one self-contained print HTML page: nothing is loaded from anywhere (fonts and
 * images are inline), and every piece of user text is escaped. Chromium prints it to PDF.
 */
export function renderPrintHtml(
  model: ExportModel,
  options: PrintOptions,
  doc: BriefingDocument = briefingDocument(model.body),
): PrintDocument {
  const parts = htmlSections(model, doc);
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(model.briefing.title)}</title>
<style>
${options.fontFaceCss}
${pageCss(options.paper, model.briefing.marking)}
${DOCUMENT_CSS}
</style>
</head>
<body>
<main>
${joinSections(parts)}
</main>
</body>
</html>
`;
  return { html, title: model.briefing.title, doc };
}
