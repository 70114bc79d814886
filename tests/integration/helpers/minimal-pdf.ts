/**
 * Small PDFs assembled byte by byte for extraction tests, with a correct cross-reference table:
 * a page that draws only shapes (what a scan without a text layer gives a text extractor), and
 * a pure XFA form (pages that exist only as XFA data, as in government forms).
 */

/** A PDF of the given objects (object n is `objects[n - 1]`), object 1 being the catalog. */
function assemble(objects: readonly string[]): Uint8Array {
  let body = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function stream(content: string, dictionary = ''): string {
  return `<< ${dictionary} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** `pages` pages that paint a grey rectangle each and hold no text at all. */
export function shapesOnlyPdf(pages = 1): Uint8Array {
  const pageIds = Array.from({ length: pages }, (_, index) => 3 + index * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`,
  ];
  for (const id of pageIds) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${id + 1} 0 R >>`);
    objects.push(stream('0.5 g 50 50 495 742 re f'));
  }
  return assemble(objects);
}

/** A pure XFA form: a printed label `label` and a text field whose filled-in value is `value`. */
export function xfaFormPdf(label: string, value: string): Uint8Array {
  const xdp = `<?xml version="1.0" encoding="UTF-8"?>
<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">
<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">
<subform name="form1" layout="tb" locale="en_US">
<pageSet><pageArea name="Page1" id="Page1"><contentArea x="0.25in" y="0.25in" w="8in" h="10.5in"/><medium stock="letter" short="8.5in" long="11in"/></pageArea></pageSet>
<subform name="main" w="8in" h="10.5in">
<draw name="Label" x="0in" y="0in" w="6in" h="0.5in"><value><text>${label}</text></value></draw>
<field name="FamilyName" x="0in" y="1in" w="3in" h="0.5in"><ui><textEdit/></ui></field>
</subform>
</subform>
</template>
<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1><main><FamilyName>${value}</FamilyName></main></form1></xfa:data></xfa:datasets>
</xdp:xdp>`;
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R /NeedsRendering true /AcroForm << /Fields [] /XFA 4 0 R >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    stream(xdp),
  ]);
}
