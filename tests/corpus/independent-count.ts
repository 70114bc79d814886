/**
 * How many entries a corpus file holds, counted without Warrant's splitters: the corpus report
 * checks the import against this, so a splitter that drops entries cannot hide its own loss.
 */

function looseText(bytes: Uint8Array): string {
  // Every format's entry markers are ASCII; UTF-16 shows as NULs beside them.
  let nulsEven = 0;
  let nulsOdd = 0;
  for (let i = 0; i < Math.min(bytes.length, 4096); i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) nulsEven += 1;
    else nulsOdd += 1;
  }
  if (nulsEven + nulsOdd > 0) return new TextDecoder(nulsEven > nulsOdd ? 'utf-16be' : 'utf-16le').decode(bytes);
  return new TextDecoder('latin1').decode(bytes);
}

const NOT_ENTRIES = new Set(['string', 'comment', 'preamble']);

export function countEntries(name: string, bytes: Uint8Array): number {
  const text = looseText(bytes)
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:\uFEFF|\u00ef\u00bb\u00bf)/, '');
  if (name.endsWith('.json')) {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return Array.isArray(value) ? value.length : 1;
  }
  if (name.endsWith('.ris')) {
    const ris = text.match(/^\s*TY {2}-/gm)?.length ?? 0;
    // A Web of Science "plain text" export (PT … ER) named .ris holds records all the same.
    return ris > 0 ? ris : (text.match(/^ER\s*$/gm)?.length ?? 0);
  }
  let count = 0;
  for (const match of text.matchAll(/^[ \t]*@[ \t]*([A-Za-z_][\w:+-]*)[ \t]*[{(]/gm))
    if (!NOT_ENTRIES.has((match[1] ?? '').toLowerCase())) count += 1;
  return count;
}

/** Failure messages that describe a real fault of the file rather than a defect of the reader. */
const FILE_FAULTS = [
  /unbalanced braces/,
  /file ends (?:inside|before)/,
  /closing brace has no opening/,
  /has no title/,
  /no end tag/,
  /not valid JSON/,
  /must be a JSON object/,
  /expected an item/,
];

export function isFaultOfFile(message: string): boolean {
  return FILE_FAULTS.some((pattern) => pattern.test(message));
}
