/**
 * Reads the fields of one BibTeX entry (already split off and balanced) the way citation-js's
 * BibTeX grammar does, about ten times faster: the grammar lexes every character through a
 * general tokenizer, and it was a third of an import's reading time. Values stay LaTeX; macros
 * are expanded and `#` joins parts, as there. Anything this reader does not handle exactly as the
 * grammar would (annotations, a stray character) gives null, and the caller hands that entry to
 * the grammar itself, so the result never differs: tests/unit/interchange-bibtex-entry.test.ts
 * compares both on tricky entries, and the corpus report on every real file.
 */

/** An entry as citation-js's grammar returns it: type and field names lower-cased, values still LaTeX. */
export interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

/** `@string` definitions: the grammar's month and journal abbreviations, then the file's own. */
export type Macros = Map<string, string | number>;

const IDENTIFIER = /[a-zA-Z_][a-zA-Z0-9_:+-]*/y;
const NUMBER = /-?\d+/y;
const TYPE = /@\s*([a-zA-Z_][a-zA-Z0-9_:+-]*)\s*([{(])/y;
/** A key runs to the comma; the grammar lexes a leading brace, parenthesis or `%` as something else. */
const LABEL = /[^,\s{(%][^,\s]*/y;
const FIELD_START = /^[a-zA-Z_]$/;
const COMMENT = /%.*/y;
/** Biber annotations (`author+an = …`) are kept apart by the grammar; such entries go to it. */
const ANNOTATION_MARK = '+an';

class Unhandled extends Error {}

/** A cursor over one entry's text, with the grammar's idea of whitespace and `%` comments. */
class Reader {
  at = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.at);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || (c > 127 && /\s/.test(text[this.at] ?? ''))) {
        this.at += 1;
      } else if (c === 37 /* % */) {
        this.sticky(COMMENT);
      } else {
        return;
      }
    }
  }

  sticky(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (match) this.at = pattern.lastIndex;
    return match;
  }

  expect(char: string): void {
    if (this.text[this.at] !== char) throw new Unhandled();
    this.at += 1;
  }

  /** `{…}` with nested braces kept; `\\`, `\{` and `\}` are text, not braces. */
  braced(): string {
    const text = this.text;
    const start = this.at + 1;
    let depth = 0;
    for (let i = start; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) {
        const next = text.charCodeAt(i + 1);
        if (next === 92 || next === 123 || next === 125) i += 1;
      } else if (c === 123) {
        depth += 1;
      } else if (c === 125) {
        if (depth === 0) {
          this.at = i + 1;
          return text.slice(start, i);
        }
        depth -= 1;
      }
    }
    throw new Unhandled();
  }

  /** `"…"`: braces nest inside (and may hold quotes); outside them `\\` and `\{` are text, any other `"` ends the value. */
  quoted(): string {
    const text = this.text;
    let output = '';
    this.at += 1;
    for (let i = this.at; i < text.length;) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */) {
        this.at = i + 1;
        return output;
      }
      if (c === 123 /* { */) {
        this.at = i;
        output += `{${this.braced()}}`;
        i = this.at;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      const step = c === 92 && (next === 92 || next === 123) ? 2 : 1;
      output += text.slice(i, i + step);
      i += step;
    }
    throw new Unhandled();
  }
}

function part(reader: Reader, macros: Macros): string | number {
  const c = reader.text[reader.at];
  if (c === '{') return reader.braced();
  if (c === '"') return reader.quoted();
  const identifier = reader.sticky(IDENTIFIER);
  if (identifier) {
    const name = identifier[0].toLowerCase();
    // The grammar looks names up in a plain object, where `constructor` and its kin are not empty.
    if (name in Object.prototype) throw new Unhandled();
    return macros.get(name) || '';
  }
  const number = reader.sticky(NUMBER);
  if (number) return parseInt(number[0], 10);
  throw new Unhandled();
}

/** A value: one part, or parts joined by `#` (a lone number stays a number, as in the grammar). */
function expression(reader: Reader, macros: Macros): string | number {
  let output = part(reader, macros);
  reader.skipSpace();
  while (reader.text[reader.at] === '#') {
    reader.at += 1;
    reader.skipSpace();
    output += part(reader, macros).toString();
    reader.skipSpace();
  }
  return output;
}

function field(reader: Reader, macros: Macros): [string, string | number] {
  const name = reader.sticky(IDENTIFIER);
  if (!name) throw new Unhandled();
  reader.skipSpace();
  reader.expect('=');
  reader.skipSpace();
  return [name[0].toLowerCase(), expression(reader, macros)];
}

function closes(reader: Reader): boolean {
  reader.skipSpace();
  const c = reader.text[reader.at];
  if (c !== '}' && c !== ')') return false;
  reader.at += 1;
  reader.skipSpace();
  return reader.at === reader.text.length;
}

/** One entry's type, key and fields, or null when only the grammar can say what it holds. */
export function readBibtexEntry(text: string, macros: Macros): RawEntry | null {
  try {
    const reader = new Reader(text);
    const head = reader.sticky(TYPE);
    const type = head?.[1]?.toLowerCase();
    // The grammar takes any type that starts with one of these words for that word.
    if (!type || /^(?:string|preamble|comment)/.test(type)) return null;
    reader.skipSpace();
    const label = reader.sticky(LABEL)?.[0];
    if (!label) return null;
    reader.skipSpace();
    reader.expect(',');
    reader.skipSpace();
    const properties: Record<string, string | number> = {};
    while (FIELD_START.test(text[reader.at] ?? '')) {
      const [name, value] = field(reader, macros);
      if (name.includes(ANNOTATION_MARK) || name === '__proto__') return null;
      properties[name] = value;
      reader.skipSpace();
      if (text[reader.at] !== ',') break;
      reader.at += 1;
      reader.skipSpace();
    }
    return closes(reader) ? { type, label, properties } : null;
  } catch (error) {
    if (error instanceof Unhandled) return null;
    throw error;
  }
}

/** Reads a `@string{name = value}` definition into `macros`; false when only the grammar can. */
export function readBibtexMacro(text: string, macros: Macros): boolean {
  try {
    const reader = new Reader(text);
    const head = reader.sticky(TYPE);
    if (head?.[1]?.toLowerCase() !== 'string') return false;
    reader.skipSpace();
    const [name, value] = field(reader, macros);
    if (!closes(reader)) return false;
    macros.set(name, value);
    return true;
  } catch (error) {
    if (error instanceof Unhandled) return false;
    throw error;
  }
}
