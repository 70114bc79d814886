import { parse as parseBibtexEntries } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import { parse as parseBibtexText, type RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { parse as parseRisText, parseMixed as risToCsl } from '@citation-js/plugin-ris/lib/ris.js';
import type { CslItem, WarrantExtras } from '../../src/interchange/csl-map';

/** One entry handed to citation-js, and what came back: a CSL item, or why not. */
export type ParsedEntry = { ok: true; item: CslItem; extras: WarrantExtras } | { ok: false; reason: string };

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The grammar's messages carry a rule trace and a source excerpt; the first line says enough.
  return (message.split('\n')[0] ?? message).replace(/\s*\(Main->.*$/, '').slice(0, 300);
}

/** Fields whose line breaks matter (they become a source's notes). */
const MULTILINE_FIELDS = ['note', 'annote', 'annotation', 'abstract'];
const LINE_BREAK = '\uE001';
const PARAGRAPH = '\uE000';

/**
 * citation-js folds all whitespace into single spaces. LaTeX's own breaks (`\\`, `\par`) are
 * swapped for private-use characters before it reads a note, and back into line breaks after,
 * so notes keep their lines.
 */
function protectBreaks(entry: RawBibtexEntry): RawBibtexEntry {
  const properties = { ...entry.properties };
  for (const field of MULTILINE_FIELDS) {
    const value = properties[field];
    if (typeof value === 'string') properties[field] = value.replace(/\\\\/g, LINE_BREAK).replace(/\\par\b\s*/g, PARAGRAPH);
  }
  return { ...entry, properties };
}

function restoreBreaks(item: CslItem): CslItem {
  for (const field of ['note', 'abstract']) {
    const value = item[field];
    if (typeof value === 'string') item[field] = value.replace(/ ?\uE001 ?/g, '\n').replace(/ ?\uE000 ?/g, '\n\n');
  }
  return item;
}

function toCsl(raw: RawBibtexEntry[]): ParsedEntry[] {
  const items = parseBibtexEntries(raw.map(protectBreaks)).map(restoreBreaks);
  return raw.map((entry, i) => ({ ok: true as const, item: items[i] ?? {}, extras: { kind: entry.properties['warrant-kind'], reliability: entry.properties['warrant-reliability'] } }));
}

/**
 * Parses BibTeX entries (already split, each balanced) with citation-js, which decodes LaTeX
 * escapes and maps fields to CSL. `macros` are the file's `@string` definitions so far. The
 * whole batch is tried at once (fast); if that fails, each entry alone, so one bad entry costs
 * only itself.
 */
export function parseBibtexBatch(macros: string, entries: readonly string[]): ParsedEntry[] {
  try {
    const raw = parseBibtexText(`${macros}\n${entries.join('\n')}`);
    if (raw.length === entries.length) return toCsl(raw);
  } catch {
    // Fall through to one entry at a time, to find which one failed.
  }
  return entries.map((entry): ParsedEntry => {
    try {
      const raw = parseBibtexText(`${macros}\n${entry}`);
      if (raw.length !== 1) return { ok: false, reason: 'the entry could not be read (no fields?)' };
      return toCsl(raw)[0] ?? { ok: false, reason: 'the entry could not be read' };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  });
}

/** Parses one RIS record (TY … ER) to a CSL item. */
export function parseRisRecord(text: string): ParsedEntry {
  try {
    const [record] = parseRisText(text);
    if (!record) return { ok: false, reason: 'the record has no fields' };
    const extras: WarrantExtras = {};
    const item = risToCsl(record);
    return { ok: true, item, extras };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

/** Parses one CSL-JSON item (already split from its list). */
export function parseCslItem(text: string): ParsedEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${reasonOf(error)}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'an item must be a JSON object' };
  const item = value as CslItem;
  const custom = item.custom && typeof item.custom === 'object' ? (item.custom as Record<string, unknown>) : {};
  return { ok: true, item, extras: { kind: custom['warrant-kind'], reliability: custom['warrant-reliability'] } };
}
