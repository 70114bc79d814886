import { namesForExport, splitPeople, type PersonName } from './names';
import type { ExportSource } from './record';

const SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '@': '{@}',
  // Markup has no meaning in BibTeX; escaping it keeps a payload inert wherever the file is pasted.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * A value as BibTeX text: LaTeX's special characters escaped (so braces always balance and no
 * value can end its field or start a new entry), Unicode kept as it is (BibLaTeX reads UTF-8).
 */
export function escapeBibtex(value: string): string {
  // `--` and `---` are dashes to BibTeX readers; an empty group between the hyphens keeps them hyphens.
  return value.replace(/[\\{}%&$#_~^@<>]/g, (c) => SPECIALS[c] ?? c).replace(/-(?=-)/g, '-{}');
}

/** Multi-line text (notes): each line break becomes LaTeX's `\\`, which BibTeX readers keep. */
function escapeLines(value: string): string {
  return escapeBibtex(value).replace(/\n/g, '\\\\\n');
}

/** URLs and DOIs are verbatim in BibLaTeX: only braces (which would unbalance the entry) are encoded. */
function escapeVerbatim(value: string): string {
  return value.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '')
    .slice(0, 24);
}

/** A name part in braces when BibTeX would otherwise split it (a comma, or a space in a family name). */
function namePart(value: string, keepSpaces: boolean): string {
  const escaped = escapeBibtex(value);
  return /,|\band\b/i.test(value) || (!keepSpaces && /\s/.test(value)) ? `{${escaped}}` : escaped;
}

/**
 * One author as BibTeX reads it: `von Family, Jr, Given` for a person, the whole name in braces
 * for an organisation or a name never known in parts (BibTeX then takes it as one piece).
 */
function bibtexName(name: PersonName): string {
  if ('literal' in name) return `{${escapeBibtex(name.literal)}}`;
  const particle = [name['dropping-particle'], name['non-dropping-particle']].filter((text) => text !== undefined && text !== '').join(' ');
  const last = `${particle ? `${escapeBibtex(particle)} ` : ''}${namePart(name.family, false)}`;
  const given = name.given ? namePart(name.given, true) : '';
  if (name.suffix) return `${last}, ${namePart(name.suffix, true)}, ${given}`.trimEnd();
  return given ? `${last}, ${given}` : last;
}

/** Readable, unique citation keys: author, year and first title word (authoryear2017title). */
export class CitationKeys {
  private readonly used = new Set<string>();

  next(source: ExportSource): string {
    const firstAuthor = splitPeople(source.draft.author)[0] ?? '';
    const base =
      `${slug(firstAuthor.split(/\s+/).pop() ?? '').toLowerCase()}${source.draft.publishedDate?.slice(0, 4) ?? ''}${slug(source.draft.title.split(/\s+/).find((word) => slug(word).length > 3) ?? '').toLowerCase()}` ||
      'source';
    let key = base;
    for (let n = 2; this.used.has(key); n += 1) key = `${base}-${n}`;
    this.used.add(key);
    return key;
  }
}

/** One source as a BibLaTeX entry; Warrant's kind and grade travel in `warrant-*` fields. */
export function sourceToBibtex(source: ExportSource, key: string): string {
  const { draft } = source;
  const fields: [string, string][] = [['title', draft.title]];
  const authors = namesForExport(draft.author, source.authorNames);
  if (authors.length > 0) fields.push(['author', authors.map(bibtexName).join(' and ')]);
  const isNews = draft.kind === 'news_report';
  if (draft.publisher) fields.push([isNews ? 'journaltitle' : 'publisher', draft.publisher]);
  if (draft.publishedDate) fields.push(['date', draft.publishedDate]);
  if (draft.accessedDate) fields.push(['urldate', draft.accessedDate]);
  if (draft.url) fields.push(['url', draft.url]);
  if (source.doi) fields.push(['doi', source.doi]);
  if (source.isbn) fields.push(['isbn', source.isbn]);
  if (draft.language) fields.push(['language', draft.language]);
  if (draft.notes) fields.push(['note', draft.notes]);
  if (source.tags.length > 0) fields.push(['keywords', source.tags.join(', ')]);
  fields.push(['warrant-kind', draft.kind]);
  if (draft.reliability) fields.push(['warrant-reliability', draft.reliability]);
  const body = fields
    .map(
      ([name, value]) =>
        `  ${name} = {${name === 'author' ? value : name === 'url' || name === 'doi' ? escapeVerbatim(value) : name === 'note' ? escapeLines(value) : escapeBibtex(value.replace(/\s+/g, ' '))}}`,
    )
    .join(',\n');
  return `@${isNews ? 'article' : 'misc'}{${key},\n${body}\n}\n`;
}
