/** Fields of a PDF's document information dictionary, as plain text. */
export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
}

/** How far from the end the last trailer is looked for (Chromium's is a few hundred bytes). */
const TAIL_BYTES = 4096;

interface Trailer {
  size: number;
  root: string;
  info: { number: number; generation: number } | null;
  xrefOffset: number;
}

/** The last trailer of a file whose newest cross-reference section is a classic `xref` table. */
function readTrailer(pdf: Buffer): Trailer | null {
  const tailStart = Math.max(0, pdf.byteLength - TAIL_BYTES);
  const tail = pdf.subarray(tailStart).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!start?.[1] || trailerAt === -1 || trailerAt > start.index) return null;
  const dictionary = tail.slice(trailerAt, start.index);
  const size = /\/Size\s+(\d+)/.exec(dictionary)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dictionary)?.[1];
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(dictionary);
  const xrefOffset = Number(start[1]);
  if (!size || !root || /\/Encrypt\b/.test(dictionary) || xrefOffset >= pdf.byteLength) return null;
  if (pdf.subarray(xrefOffset, xrefOffset + 4).toString('latin1') !== 'xref') return null;
  return { size: Number(size), root, info: info ? { number: Number(info[1]), generation: Number(info[2]) } : null, xrefOffset };
}

/** A text string any reader takes: UTF-16BE with its byte-order mark, written in hex (nothing to escape). */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i += 1) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/**
 * Sets the information dictionary by an incremental update (ISO 32000-1, 7.5.6): the printed
 * bytes stay as they are and a new Info object, a one-entry xref section and a trailer are
 * appended. Re-parsing and re-writing the whole file with pdf-lib took 70 ms for a 4-page
 * briefing; this takes well under one. Returns null when the file is not laid out as Chromium
 * writes it (a classic xref table, no encryption), so the caller can take the slow path.
 */
export function appendPdfInfo(pdf: Uint8Array, info: PdfInfo, now = new Date()): Uint8Array | null {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const trailer = readTrailer(bytes);
  if (!trailer) return null;
  const number = trailer.info?.number ?? trailer.size;
  const generation = trailer.info?.generation ?? 0;
  const size = trailer.info ? trailer.size : trailer.size + 1;
  const date = textString(pdfDate(now));
  const fields = Object.entries(info)
    .map(([key, value]) => `/${key} ${textString(value)}`)
    .join('\n');
  const lead = bytes.at(-1) === 0x0a ? '' : '\n';
  const objectAt = bytes.byteLength + lead.length;
  const object = `${number} ${generation} obj\n<<${fields}\n/CreationDate ${date}\n/ModDate ${date}>>\nendobj\n`;
  const xrefAt = objectAt + Buffer.byteLength(object, 'latin1');
  const xref = `xref\n${number} 1\n${String(objectAt).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`;
  const tail = `trailer\n<</Size ${size}\n/Root ${trailer.root}\n/Info ${number} ${generation} R\n/Prev ${trailer.xrefOffset}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([bytes, Buffer.from(`${lead}${object}${xref}${tail}`, 'latin1')]);
}
