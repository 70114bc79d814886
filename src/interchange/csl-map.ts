import { RELIABILITY_GRADES, type ReliabilityGrade } from '../domain/admiralty';
import { isPartialIsoDate, isWebUrl } from '../domain/fields';
import { MAX_NOTES_LENGTH, MAX_TITLE_LENGTH, SOURCE_KINDS, type SourceDraft, SourceDraftSchema, type SourceKind } from '../domain/source';
import { normaliseTagPath } from '../domain/tag';
import { cleanDoi, doiFromUrl, firstIsbn } from './identifiers';
import { namesJson, structuredNames } from './names';
import type { ImportRecord } from './record';

export { cleanDoi } from './identifiers';

/** A CSL-JSON item as read from a file: nothing about it is trusted. */
export type CslItem = Record<string, unknown>;

const KIND_BY_CSL_TYPE: Readonly<Record<string, SourceKind>> = {
  speech: 'speech',
  'article-newspaper': 'news_report',
  'article-magazine': 'news_report',
  broadcast: 'news_report',
  legislation: 'official_statement',
  bill: 'official_statement',
  regulation: 'official_statement',
  treaty: 'official_statement',
  hearing: 'official_statement',
  post: 'social_media_post',
  'post-weblog': 'social_media_post',
  interview: 'interview',
  dataset: 'dataset',
  graphic: 'imagery',
  map: 'imagery',
  figure: 'imagery',
};

const MAX_TAGS = 50;

/** Warrant's own fields, carried in CSL `custom` and BibTeX `warrant-*` fields so a round trip keeps them. */
export interface WarrantExtras {
  kind?: unknown;
  reliability?: unknown;
  /** The publication date when the format's reader worked it out itself (RIS), beside what it dropped. */
  published?: { date: string | null; warnings: string[] };
  /** Values the file gave that have no field of their own (a repeated tag): kept in the notes. */
  extraNotes?: string[];
  /** What the format's reader changed or dropped on the way. */
  warnings?: string[];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value))
    return value
      .map(text)
      .filter((part) => part !== '')
      .join('; ');
  return '';
}

/** citation-js marks BibTeX formatting (\emph, case protection) with a few HTML tags; only those go. */
function plain(value: string): string {
  // Most values carry no markup, no entity and no run of spaces: they skip the replacements (a tenth of an import's mapping).
  const bare = value.includes('<') ? value.replace(/<\/?(?:i|b|sup|sub|span(?: class="nocase"| style="[^"]*")?)>/g, '') : value;
  const decoded = decodeEntities(bare);
  return /\s\s|[^\S ]/.test(decoded) ? decoded.replace(/\s+/g, ' ').trim() : decoded.trim();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ACCENTS: Readonly<Record<string, string>> = {
  acute: '\u0301',
  grave: '\u0300',
  uml: '\u0308',
  circ: '\u0302',
  tilde: '\u0303',
  cedil: '\u0327',
  ring: '\u030a',
};

/** Database exports leave HTML entities in names and titles (`Gim&eacute;nez`); they are characters. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value
    .replace(/&([A-Za-z])(acute|grave|uml|circ|tilde|cedil|ring);/g, (_, letter: string, accent: string) =>
      `${letter}${ACCENTS[accent] ?? ''}`.normalize('NFC'),
    )
    .replace(/&#(\d{1,7});|&#x([0-9a-f]{1,6});/gi, (whole, dec: string | undefined, hex: string | undefined) => {
      const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Runs of spaces carry nothing in a note, and no format keeps them alike; each line is tidied. */
function tidyLines(value: string): string {
  return value
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .trim();
}

/** BibLaTeX's list fields (publisher) come as arrays; they are joined back as BibLaTeX wrote them. */
function names(value: unknown): string {
  return Array.isArray(value)
    ? value
        .map(text)
        .filter((part) => part !== '')
        .join(' and ')
    : text(value);
}

function personName(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (!value || typeof value !== 'object') return '';
  const name = value as Record<string, unknown>;
  const literal = text(name.literal);
  if (literal) return literal;
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
    .map(text)
    .filter((part) => part !== '')
    .join(' ');
}

function people(value: unknown): string {
  if (!Array.isArray(value)) return text(value);
  return value
    .map(personName)
    .filter((name) => name !== '')
    .join('; ');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A CSL date (date-parts, raw or literal) as YYYY, YYYY-MM or YYYY-MM-DD, or null. */
export function cslDate(value: unknown): string | null {
  if (!value || typeof value !== 'object') return typeof value === 'string' ? isoPrefix(value) : null;
  const date = value as Record<string, unknown>;
  const parts = Array.isArray(date['date-parts']) ? date['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length > 0) {
    const [year, month, day] = parts.map((part) => Number(part));
    if (year === undefined || !Number.isInteger(year) || year < 1000 || year > 9999) return null;
    let iso = String(year).padStart(4, '0');
    if (month !== undefined && Number.isInteger(month)) {
      iso += `-${pad(month)}`;
      if (day !== undefined && Number.isInteger(day)) iso += `-${pad(day)}`;
    }
    return isPartialIsoDate(iso) ? iso : null;
  }
  return isoPrefix(text(date.raw) || text(date.literal));
}

function isoPrefix(value: string): string | null {
  const match = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value.trim());
  return match && isPartialIsoDate(match[0]) ? match[0] : null;
}

function tagsFrom(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.map(text) : text(value).split(/[,;]/);
  const seen = new Map<string, string>();
  for (const keyword of raw) {
    const path = normaliseTagPath(plain(keyword));
    if (path !== '' && path.length <= 200 && !seen.has(path.toLowerCase())) seen.set(path.toLowerCase(), path);
  }
  return [...seen.values()].slice(0, MAX_TAGS);
}

/** Why an entry could not become a source. */
export class EntryError extends Error {}

/**
 * The draft as the schema would give it, without running the schema over every entry (a quarter
 * of this mapping's time): what `cslToRecord` builds is typed, its URL already checked, and
 * the schema's trims are done here. Anything the schema could refuse or change beyond that (no
 * title, a title or notes over the limit, a date or URL not checked above) goes through the
 * schema itself, so the outcome and its message stay the schema's. The corpus report checks that
 * every draft passes the schema unchanged.
 */
function checkedDraft(fields: SourceDraft): SourceDraft {
  const { title, url, publishedDate, accessedDate, notes } = fields;
  const plainSailing =
    title !== '' &&
    title.length <= MAX_TITLE_LENGTH &&
    title === title.trim() &&
    notes.length <= MAX_NOTES_LENGTH &&
    (url === null || (url !== '' && url === url.trim() && url.length <= 4000)) &&
    (publishedDate === null || isPartialIsoDate(publishedDate)) &&
    (accessedDate === null || isPartialIsoDate(accessedDate));
  if (plainSailing) {
    // `fields` is the caller's own new object: trimmed in place rather than copied.
    fields.author = fields.author.trim();
    fields.publisher = fields.publisher.trim();
    fields.language = fields.language.trim();
    return fields;
  }
  const parsed = SourceDraftSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const reason =
    title === '' ? 'it has no title' : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new EntryError(reason);
}

/**
 * Maps one CSL item (from a CSL-JSON file, or produced by citation-js from BibTeX or RIS) to
 * a validated source draft. Throws EntryError with a reason a user can act on.
 */
export function cslToRecord(
  item: CslItem,
  place: { ordinal: number; key: string | null; line: number },
  extras: WarrantExtras = {},
): ImportRecord {
  const warnings: string[] = [];
  const title = plain(text(item.title) || text(item['title-short']) || text(item['container-title']));
  const rawUrl = text(item.URL);
  let url: string | null = null;
  if (rawUrl !== '') {
    if (isWebUrl(rawUrl) && rawUrl.length <= 4000) url = rawUrl;
    else warnings.push(`its URL “${rawUrl.slice(0, 80)}” is not a web address and was left out`);
  }
  warnings.push(...(extras.warnings ?? []));
  const published = extras.published ? extras.published.date : cslDate(item.issued);
  if (extras.published) warnings.push(...extras.published.warnings);
  else if (published === null && item.issued !== undefined) warnings.push('its publication date could not be read and was left out');
  const extraNotes = (extras.extraNotes ?? []).join('\n');
  const notes = [tidyLines(text(item.note)), text(item.abstract) ? `Abstract: ${tidyLines(text(item.abstract))}` : '', extraNotes]
    .filter((part) => part !== '')
    .join('\n\n');
  const rawDoi = text(item.DOI);
  const doi = rawDoi === '' ? (url === null ? null : doiFromUrl(url)) : cleanDoi(rawDoi);
  if (rawDoi !== '' && doi === null) warnings.push(`its DOI “${rawDoi.slice(0, 80)}” could not be read and was left out`);
  const customKind = text(extras.kind);
  const kind: SourceKind = (SOURCE_KINDS as readonly string[]).includes(customKind)
    ? (customKind as SourceKind)
    : (KIND_BY_CSL_TYPE[text(item.type)] ?? (item.type === undefined ? 'other' : 'document'));
  const grade = text(extras.reliability).toUpperCase();
  const reliability = (RELIABILITY_GRADES as readonly string[]).includes(grade) ? (grade as ReliabilityGrade) : null;
  const authors = [item.author, item.editor, item.director, item.interviewer].find((list) => people(list) !== '');
  const author = plain(people(authors))
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .join('; ')
    .slice(0, 500);
  const draft = checkedDraft({
    title,
    kind,
    url,
    author,
    publisher: plain(text(item['container-title']) || names(item.publisher)).slice(0, 500),
    publishedDate: published,
    accessedDate: cslDate(item.accessed),
    language: text(item.language).slice(0, 35),
    reliability,
    notes,
  });
  return {
    ...place,
    draft,
    doi,
    isbn: firstIsbn(text(item.ISBN)),
    authorNamesJson: namesJson(structuredNames(authors, draft.author, plain)),
    tags: tagsFrom(item.keyword ?? item.keywords),
    warnings,
  };
}
