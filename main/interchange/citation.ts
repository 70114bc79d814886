import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import type { CslItem, WarrantExtras } from '../../src/interchange/csl-map';
import { risPublished, tidyRisRecord } from '../../src/interchange/ris-fields';

/** The citation-js parsers Warrant calls. */
export interface CitationJs {
  parseBibtexText: (text: string) => RawBibtexEntry[];
  parseBibtexEntries: (entries: RawBibtexEntry[]) => Record<string, unknown>[];
  parseRisText: (text: string) => Record<string, string | string[]>[];
  risToCsl: (record: Record<string, string | string[]>) => Record<string, unknown>;
  /** One BibTeX field's LaTeX decoded as citation-js's value grammar does (bibtex-values.ts). */
  decodeBibtexValue: (text: string, field: string) => unknown;
  /** citation-js's mapping of entries whose values are already decoded to CSL items. */
  mapBibtexEntries: (entries: { type: string; label: string; properties: Record<string, unknown> }[]) => Record<string, unknown>[];
  /** The CSL fields Warrant reads, mapped directly (bibtex-csl.ts); null when citation-js's mapping must do it. */
  mapDecodedEntries: (entries: { type: string; label: string; properties: Record<string, unknown> }[]) => Record<string, unknown>[] | null;
  /** The macros every BibTeX file starts with (month abbreviations, a few journals). */
  defaultStrings: Readonly<Record<string, string>>;
}

let loading: Promise<CitationJs> | null = null;

/**
 * citation-js loads on the first BibTeX or RIS import, not at start: every start of the app and
 * the browser host paid for importing it (150 ms at load 4, about 0.4 s in a loaded startup bench).
 */
export function loadCitationJs(): Promise<CitationJs> {
  loading ??= Promise.all([
    import('@citation-js/plugin-bibtex/lib/input/file.js'),
    import('@citation-js/plugin-bibtex/lib/input/entries.js'),
    import('@citation-js/plugin-ris/lib/ris.js'),
    import('@citation-js/plugin-bibtex/lib/input/constants.js'),
    import('@citation-js/plugin-bibtex/lib/mapping/index.js'),
    import('./bibtex-values'),
    import('./bibtex-csl'),
  ]).then(([file, entries, ris, constants, mapping, values, direct]) => ({
    parseBibtexText: file.parse,
    parseBibtexEntries: entries.parse,
    parseRisText: ris.parse,
    risToCsl: ris.parseMixed,
    defaultStrings: constants.defaultStrings,
    decodeBibtexValue: values.decodeValue,
    mapBibtexEntries: mapping.parse,
    mapDecodedEntries: direct.mapDecodedEntries,
  }));
  return loading;
}

/** One entry handed to citation-js, and what came back: a CSL item, or why not. */
export type ParsedEntry = { ok: true; item: CslItem; extras: WarrantExtras } | { ok: false; reason: string };

export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The grammar's messages carry a rule trace and a source excerpt; the first line says enough.
  return (message.split('\n')[0] ?? message).replace(/\s*\(Main->.*$/, '').slice(0, 300);
}

/** Parses one RIS record (TY … ER) to a CSL item. */
export function parseRisRecord({ parseRisText, risToCsl }: CitationJs, text: string): ParsedEntry {
  try {
    const [raw] = parseRisText(text);
    if (!raw) return { ok: false, reason: 'the record has no fields' };
    // Warrant reads the dates itself and settles repeated tags first: citation-js fails a record
    // on a repeated DO and stores "JUN 19" beside "PY 2018" as the year 19.
    const { record, extraNotes } = tidyRisRecord(raw);
    const extras: WarrantExtras = { published: risPublished(raw), extraNotes };
    const item = risToCsl(record);
    // citation-js maps PB only for some record types; a journal article's publisher is still one.
    if (item.publisher === undefined && typeof record.PB === 'string') item.publisher = record.PB;
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
