import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { type Macros, readBibtexEntry } from '../../src/interchange/bibtex-entry';
import { decodeUnknownLatex, isMappedField, stripLatex, verbatimUrl } from '../../src/interchange/bibtex-fields';
import type { CslItem } from '../../src/interchange/csl-map';
import { STAND_IN_KEY } from '../../src/interchange/split-bibtex';
import { type CitationJs, type ParsedEntry, reasonOf } from './citation';

/** Fields whose line breaks matter (they become a source's notes). */
const MULTILINE_FIELDS = ['note', 'annote', 'annotation', 'abstract'];
const LINE_BREAK = '\uE001';
const PARAGRAPH = '\uE000';
/** Unicode spaces (no-break, thin…) that citation-js would fold into plain ones; notes keep them. */
const SPACES = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';
const SPACE_STAND_INS = 0xe010;

function protectSpaces(value: string): string {
  return value.replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, (c) => String.fromCharCode(SPACE_STAND_INS + SPACES.indexOf(c)));
}

function restoreSpaces(value: string): string {
  return value.replace(/[\ue010-\ue01f]/g, (c) => SPACES[c.charCodeAt(0) - SPACE_STAND_INS] ?? ' ');
}

/**
 * What citation-js is given of an entry: only the fields Warrant maps (an unknown command in a
 * field Warrant ignores must not cost the entry), with the LaTeX it does not know decoded first.
 * citation-js folds all whitespace into single spaces, so LaTeX's own breaks (`\\`, `\par`) in
 * notes are swapped for private-use characters, and back into line breaks after.
 */
function prepare(entry: RawBibtexEntry): RawBibtexEntry {
  const properties: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(entry.properties)) {
    if (!isMappedField(name)) continue;
    let text = typeof value === 'string' && name !== 'url' ? decodeUnknownLatex(value) : value;
    if (typeof text === 'string' && MULTILINE_FIELDS.includes(name))
      text = protectSpaces(text.replace(/\\\\/g, LINE_BREAK).replace(/\\par\b\s*/g, PARAGRAPH));
    properties[name] = text;
  }
  return { ...entry, properties };
}

/** Warrant's own fields are read as written, but an exported `news\_report` is the kind news_report. */
function unescapeField(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value).replace(/\\_/g, '_');
}

function finish(entry: RawBibtexEntry, item: CslItem, warnings: string[]): ParsedEntry {
  for (const field of ['note', 'abstract']) {
    const value = item[field];
    if (typeof value === 'string') item[field] = restoreSpaces(value.replace(/ ?\uE001 ?/g, '\n').replace(/ ?\uE000 ?/g, '\n\n'));
  }
  const url = entry.properties.url;
  if (typeof url === 'string') item.URL = verbatimUrl(url);
  if (entry.label.startsWith(STAND_IN_KEY)) {
    delete item.id;
    delete item['citation-key'];
  }
  return {
    ok: true,
    item,
    extras: { kind: unescapeField(entry.properties['warrant-kind']), reliability: entry.properties['warrant-reliability'], warnings },
  };
}

/**
 * One entry citation-js could not decode: each field is tried alone, and one it cannot decode is
 * kept as plain text (commands and braces dropped) with a warning, instead of failing the entry.
 */
function decodeFieldByField({ parseBibtexEntries }: CitationJs, entry: RawBibtexEntry, prepared: RawBibtexEntry): ParsedEntry {
  const properties = { ...prepared.properties };
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    try {
      parseBibtexEntries([{ ...prepared, properties: { [name]: value } }]);
    } catch {
      if (typeof value !== 'string') continue;
      properties[name] = stripLatex(value);
      warnings.push(`its ${name} holds LaTeX that could not be read (“${value.slice(0, 60)}”); it was kept as plain text`);
    }
  }
  try {
    return finish(entry, parseBibtexEntries([{ ...prepared, properties }])[0] ?? {}, warnings);
  } catch (error) {
    return { ok: false, reason: `its fields could not be read: ${reasonOf(error)}` };
  }
}

/**
 * How far Warrant's own code goes before citation-js: `grammar`, nothing (citation-js reads,
 * decodes and maps every entry); `values`, Warrant's decoder with citation-js's mapping to CSL;
 * `direct`, Warrant's decoder and the direct mapping of the fields a source uses (bibtex-csl.ts).
 * The entry reader is Warrant's in `values` and `direct`. The corpus report compares them.
 */
export type BibtexPath = 'grammar' | 'values' | 'direct';

/**
 * Decodes and maps a batch as citation-js's `parseBibtexEntries` does; past `grammar`, the
 * values go through Warrant's decoder (the same rules, far less machinery). Biber annotations
 * and a language that is not text go to citation-js whole.
 */
function decodeEntries(citationJs: CitationJs, entries: RawBibtexEntry[], path: BibtexPath): Record<string, unknown>[] {
  const plain = (entry: RawBibtexEntry): boolean =>
    !('annotations' in entry) && (entry.properties.language === undefined || typeof entry.properties.language === 'string');
  if (path === 'grammar' || !entries.every(plain)) return citationJs.parseBibtexEntries(entries);
  const decoded = entries.map((entry) => {
    const properties: Record<string, unknown> = {};
    // citation-js decodes the language first (its key comes first), then every non-empty field in order.
    if (entry.properties.language !== undefined)
      properties.language = citationJs.decodeBibtexValue(String(entry.properties.language), 'language');
    for (const [name, value] of Object.entries(entry.properties))
      if (value !== '') properties[name] = citationJs.decodeBibtexValue(String(value), name);
    return { type: entry.type, label: entry.label, properties };
  });
  return (path === 'direct' && citationJs.mapDecodedEntries(decoded)) || citationJs.mapBibtexEntries(decoded);
}

function toCsl(citationJs: CitationJs, raw: readonly RawBibtexEntry[], path: BibtexPath): ParsedEntry[] {
  const prepared = raw.map(prepare);
  try {
    const items = decodeEntries(citationJs, prepared, path);
    return raw.map((entry, i) => finish(entry, items[i] ?? {}, []));
  } catch {
    return raw.map((entry, i) => {
      const one = prepared[i];
      if (!one) return { ok: false, reason: 'the entry could not be read' };
      try {
        return finish(entry, citationJs.parseBibtexEntries([one])[0] ?? {}, []);
      } catch {
        return decodeFieldByField(citationJs, entry, one);
      }
    });
  }
}

const TOKENS: Readonly<Record<string, string>> = {
  label: 'a citation key',
  comma: '“,”',
  lbrace: '“{”',
  rbrace: '“}”',
  lparen: '“(”',
  rparen: '“)”',
  equals: '“=”',
  quote: '“"”',
  text: 'text',
  command: 'a LaTeX command',
  number: 'a number',
  identifier: 'a field name',
  EOF: 'the end of the entry',
};
const token = (name: string): string => TOKENS[name] ?? `“${name}”`;

/**
 * The grammar's complaint in words a user can act on, at the line of the file it concerns (the
 * grammar counts lines in the text it was given: the macros, then the entry).
 */
function grammarReason(error: unknown, entryLine: number, macroLines: number): string {
  const message = reasonOf(error);
  const found = /expected "?(\w+)"?, got "?(\w+)"? at line (\d+) col \d+/.exec(message);
  if (!found) return message;
  const line = entryLine + Number(found[3]) - macroLines - 1;
  return `the entry could not be read at line ${line}: expected ${token(found[1] ?? '')} but found ${token(found[2] ?? '')}`;
}

/** The grammar's reading of one entry alone (with the file's macros so far), or why it could not. */
function grammarEntry(
  { parseBibtexText }: CitationJs,
  macros: string,
  entry: { text: string; line: number },
): RawBibtexEntry | { reason: string } {
  try {
    const raw = parseBibtexText(`${macros}\n${entry.text}`);
    return raw.length === 1 && raw[0] ? raw[0] : { reason: 'the entry could not be read (no fields?)' };
  } catch (error) {
    return { reason: grammarReason(error, entry.line, (macros.match(/\n/g)?.length ?? 0) + 1) };
  }
}

/**
 * Parses BibTeX entries (already split, each balanced) with citation-js, which decodes LaTeX
 * escapes and maps fields to CSL. Each entry's fields are read by Warrant's own reader when it
 * can (`fastMacros` holds the file's `@string` definitions so far; null once one of them was
 * beyond it), else by citation-js's grammar, given `macros`, the definitions' text. When every
 * entry reads, the batch is mapped at once (crossref sees the whole batch); else each entry
 * alone, so one bad entry costs only itself.
 */
export function parseBibtexBatch(
  citationJs: CitationJs,
  macros: string,
  fastMacros: Macros | null,
  entries: readonly { text: string; line: number }[],
  path: BibtexPath = 'direct',
): ParsedEntry[] {
  const raw = entries.map((entry) => (fastMacros && readBibtexEntry(entry.text, fastMacros)) || grammarEntry(citationJs, macros, entry));
  const read = raw.filter((entry): entry is RawBibtexEntry => !('reason' in entry));
  if (read.length === raw.length) return toCsl(citationJs, read, path);
  return raw.map((entry) =>
    'reason' in entry
      ? { ok: false, reason: entry.reason }
      : (toCsl(citationJs, [entry], path)[0] ?? { ok: false, reason: 'the entry could not be read' }),
  );
}
