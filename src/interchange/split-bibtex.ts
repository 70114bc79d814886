import { type FileChunk, LineCounter } from './chunks';

const ENTRY_START = /@[ \t]*([A-Za-z_][\w:+-]*)[ \t\n]*([{(])/y;
const LINE_ENTRY_START = /\n[ \t]*@[ \t]*[A-Za-z_][\w:+-]*[ \t]*[{(]/y;

/** Where the entry that opens at `open` ends, or why it does not. */
type Scan = { end: number } | { broken: number; reason: string };

/**
 * Finds the end of an entry body by counting braces (ignoring escaped ones) and honouring
 * quoted values. A line that starts a new entry while braces are still open means this entry
 * is unbalanced: it is reported from there, and the next entry still gets its chance.
 */
function scanEntry(text: string, open: number, closer: '}' | ')'): Scan {
  let depth = 0;
  let quoted = false;
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
    } else if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      if (depth === 0) {
        if (closer === '}' && !quoted) return { end: i + 1 };
        return { broken: i, reason: 'a closing brace has no opening brace' };
      }
      depth -= 1;
    } else if (c === '"' && depth === 0) {
      quoted = !quoted;
    } else if (c === ')' && closer === ')' && depth === 0 && !quoted) {
      return { end: i + 1 };
    } else if (c === '\n') {
      LINE_ENTRY_START.lastIndex = i;
      if (LINE_ENTRY_START.test(text))
        return { broken: i + 1, reason: 'unbalanced braces: the entry is still open when the next entry starts' };
    }
  }
  return { broken: text.length, reason: 'the file ends inside this entry (truncated, or unbalanced braces)' };
}

/** The key given to an entry written without one, while it is parsed (never shown or stored). */
export const STAND_IN_KEY = 'warrant-unkeyed-line-';

/** `%@ARTICLE{…` is a commented-out entry: BibTeX ignores the line, and so does Warrant. */
function commentedOut(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*%/.test(text.slice(lineStart, at));
}

function keyOf(text: string, bodyStart: number): string | null {
  const comma = text.indexOf(',', bodyStart);
  const stop = comma === -1 ? Math.min(text.length, bodyStart + 200) : Math.min(comma, bodyStart + 200);
  const key = text.slice(bodyStart, stop).trim();
  return key === '' || /[\s{}"=]/.test(key) ? null : key;
}

/**
 * Splits BibTeX/BibLaTeX text into entries, macro definitions and broken stretches, one at a
 * time, so a bad entry costs only itself and memory holds one entry at a time. Text outside
 * entries is ignored, as BibTeX does; `@comment` and `@preamble` are skipped.
 */
export function* splitBibtex(text: string): Generator<FileChunk> {
  const lines = new LineCounter(text);
  let at = text.indexOf('@');
  while (at !== -1) {
    ENTRY_START.lastIndex = at;
    const match = ENTRY_START.exec(text);
    if (!match) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    if (commentedOut(text, at)) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    const type = (match[1] ?? '').toLowerCase();
    const open = ENTRY_START.lastIndex - 1;
    const line = lines.at(at);
    const key = type === 'string' || type === 'preamble' || type === 'comment' ? null : keyOf(text, open + 1);
    const scan = scanEntry(text, open, match[2] === '(' ? ')' : '}');
    if ('broken' in scan) {
      if (type !== 'comment') yield { kind: 'broken', line, key, reason: scan.reason };
      at = text.indexOf('@', scan.broken);
      continue;
    }
    // Mendeley and JabRef write `@article{,`: the entry is read under a stand-in key, and named by its line.
    const chunk =
      key === null && type !== 'string' && /^\s*,/.test(text.slice(open + 1, open + 200))
        ? `${text.slice(at, open + 1)}${STAND_IN_KEY}${line}${text.slice(open + 1, scan.end)}`
        : text.slice(at, scan.end);
    if (type === 'string') yield { kind: 'macro', text: chunk, line };
    else if (type !== 'comment' && type !== 'preamble') yield { kind: 'entry', text: chunk, line, key };
    at = text.indexOf('@', scan.end);
  }
}
