import { briefingDocument } from './lexical-document';
import { escapeHtml } from './escape';
import { htmlSections, joinSections } from './html-sections';
import type { ExportModel } from './model';
import { DOCUMENT_CSS } from './print-css';

/** No scripts, no network, no forms, no frames: the page can only show itself. */
export const STANDALONE_CSP =
  "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SCREEN_CSS = `
body { max-width: 46rem; margin: 0 auto; padding: 1.5rem; background: #fff; }
.marking { text-align: center; font-weight: 700; color: #8a1c1c; letter-spacing: 0.04em; margin: 0 0 1rem; font-family: sans-serif; }
.marking--bottom { margin: 1.5rem 0 0; }
`;

/**
 * The briefing as a single inert HTML file: everything inline, a strict Content-Security-Policy
 * in the page itself, no script anywhere, the marking shown above and below.
 */
export function renderStandaloneHtml(model: ExportModel, fontFaceCss = ''): string {
  const parts = htmlSections(model, briefingDocument(model.body));
  const marking = model.briefing.marking.trim();
  const banner = (where: 'top' | 'bottom'): string =>
    marking === '' ? '' : `<p class="marking marking--${where}" role="note" aria-label="Handling marking">${escapeHtml(marking)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.briefing.title)}</title>
<style>
${fontFaceCss}
${DOCUMENT_CSS}
${SCREEN_CSS}
</style>
</head>
<body>
${banner('top')}
<main>
${joinSections(parts)}
</main>
${banner('bottom')}
</body>
</html>
`;
}
