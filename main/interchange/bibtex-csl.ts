/**
 * The part of citation-js's BibLaTeX → CSL mapping that reaches a Warrant source, done directly:
 * citation-js's translator runs about eighty rules (with their conditions) over every entry to
 * fill CSL fields Warrant never reads, and was a seventh of an import's reading. Here only the
 * CSL fields `cslToRecord` reads are made, by citation-js's own value converters, and where
 * several rules write one field the last that applies wins, as in the translator (rules listed
 * in its order). Batches where an entry inherits fields are left to citation-js (`inherits`). tests/unit/interchange-bibtex-csl.test.ts and the corpus report's Δfast
 * column compare the records with citation-js's mapping.
 */
import { parse as citationJsMapping } from '@citation-js/plugin-bibtex/lib/mapping/index.js';
import { Converters } from '@citation-js/plugin-bibtex/lib/mapping/shared.js';
import type { CslItem } from '../../src/interchange/csl-map';

/** An entry whose values are decoded: type and key, and the fields that were not empty. */
export interface DecodedEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

/** How citation-js's translator treats a rule: it runs when one of its fields is there. */
const has = (fields: Record<string, unknown>, name: string): boolean => name in fields;
/** A later rule's outcome replaces an earlier one's, unless it is undefined (the translator sets only defined values). */
const later = (earlier: unknown, outcome: unknown): unknown => (outcome === undefined ? earlier : outcome);

/** The rules that write `container-title`, in the translator's order (the last that applies wins). */
function containerTitle(type: string, f: Record<string, unknown>): unknown {
  let value: unknown;
  if (has(f, 'journal') && !has(f, 'maintitle') && !has(f, 'booktitle') && !has(f, 'journaltitle')) value = f.journal;
  if (has(f, 'maintitle') || has(f, 'mainsubtitle') || has(f, 'maintitleaddon'))
    value = later(value, Converters.TITLE.toTarget(f.maintitle, f.mainsubtitle, f.maintitleaddon));
  if (!has(f, 'maintitle') && (has(f, 'booktitle') || has(f, 'booksubtitle') || has(f, 'booktitleaddon')))
    value = later(value, Converters.TITLE.toTarget(f.booktitle, f.booksubtitle, f.booktitleaddon));
  if (type === 'article' && (has(f, 'journaltitle') || has(f, 'journalsubtitle') || has(f, 'journaltitleaddon')))
    value = later(value, Converters.TITLE.toTarget(f.journaltitle, f.journalsubtitle, f.journaltitleaddon));
  return value;
}

/** The publisher rules' PICK of one field, replacing an earlier outcome unless it gives none. */
function pick(earlier: unknown, f: Record<string, unknown>, name: string): unknown {
  return later(earlier, Converters.PICK.toTarget(f[name]));
}

function publisher(f: Record<string, unknown>): unknown {
  let value: unknown;
  if (has(f, 'school') && !has(f, 'institution') && !has(f, 'organization') && !has(f, 'publisher')) value = pick(value, f, 'school');
  if (has(f, 'publisher')) value = pick(value, f, 'publisher');
  if (has(f, 'organization') && !has(f, 'publisher')) value = pick(value, f, 'organization');
  if (has(f, 'institution') && !has(f, 'publisher') && !has(f, 'organization')) value = pick(value, f, 'institution');
  const how = f.howpublished as { startsWith?: unknown } | undefined;
  if (how && !(how as string).startsWith('http') && !has(f, 'publisher') && !has(f, 'organization') && !has(f, 'institution'))
    value = pick(value, f, 'howpublished');
  return value;
}

function issued(f: Record<string, unknown>): unknown {
  if (has(f, 'date')) return Converters.DATE.toTarget(f.date);
  if (has(f, 'year') || has(f, 'month') || has(f, 'day')) return Converters.YEAR_MONTH.toTarget(f.year, f.month, f.day);
  return undefined;
}

function url(f: Record<string, unknown>): unknown {
  if (has(f, 'url')) return f.url;
  if (has(f, 'howpublished')) return Converters.HOW_PUBLISHED.toTarget(f.howpublished);
  return undefined;
}

/** Sets a CSL field as the translator does: an undefined outcome leaves it out. */
function put(item: CslItem, name: string, value: unknown): void {
  if (value !== undefined) item[name] = value;
}

/** citation-js's CSL type for each BibLaTeX type met so far, asked of its mapping once per type. */
const CSL_TYPES = new Map<string, unknown>();
function cslTypeOf(type: string): unknown {
  if (!CSL_TYPES.has(type)) CSL_TYPES.set(type, citationJsMapping([{ type, label: 'x', properties: {} }])[0]?.type);
  return CSL_TYPES.get(type);
}

/** The CSL fields Warrant reads, for one decoded BibLaTeX entry, as citation-js's mapping would give them. */
function directCsl(entry: DecodedEntry): CslItem {
  const f = entry.properties;
  const item: CslItem = {};
  put(item, 'abstract', f.abstract);
  put(item, 'accessed', has(f, 'urldate') ? Converters.DATE.toTarget(f.urldate) : undefined);
  if (has(f, 'author') || has(f, 'author+an:orcid')) put(item, 'author', Converters.NAMES_ORCID.toTarget(f.author, f['author+an:orcid']));
  put(item, 'container-title', containerTitle(entry.type, f));
  put(item, 'DOI', f.doi);
  if (has(f, 'editor')) put(item, 'editor', Converters.NAMES.toTarget(f.editor));
  put(item, 'type', cslTypeOf(entry.type));
  put(item, 'ISBN', f.isbn);
  put(item, 'issued', issued(f));
  if (has(f, 'keywords')) put(item, 'keyword', Converters.KEYWORDS.toTarget(f.keywords));
  put(item, 'language', has(f, 'language') ? Converters.PICK.toTarget(f.language) : f.langid);
  put(item, 'note', f.note);
  put(item, 'publisher', publisher(f));
  put(item, 'title-short', f.shorttitle);
  if (has(f, 'title') || has(f, 'subtitle') || has(f, 'titleaddon'))
    put(item, 'title', Converters.TITLE.toTarget(f.title, f.subtitle, f.titleaddon));
  put(item, 'URL', url(f));
  put(item, 'id', entry.label);
  put(item, 'citation-key', entry.label);
  return item;
}

/** Inheritance is citation-js's to do: an entry naming a `crossref`, or one keyed `undefined`, which its lookup takes as every entry's parent. */
function inherits(entry: DecodedEntry): boolean {
  return 'crossref' in entry.properties || entry.label === 'undefined';
}

/** A batch mapped as citation-js's mapping would map it, or null when it must map it itself (`inherits`). */
export function mapDecodedEntries(entries: readonly DecodedEntry[]): CslItem[] | null {
  if (entries.some(inherits)) return null;
  return entries.map(directCsl);
}
