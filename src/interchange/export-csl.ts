import type { SourceKind } from '../domain/source';
import type { CslItem } from './csl-map';
import { namesForExport } from './names';
import type { ExportSource } from './record';

const CSL_TYPE_BY_KIND: Readonly<Record<SourceKind, string>> = {
  speech: 'speech',
  news_report: 'article-newspaper',
  official_statement: 'document',
  document: 'document',
  social_media_post: 'post',
  interview: 'interview',
  dataset: 'dataset',
  imagery: 'graphic',
  other: 'document',
};

function dateParts(value: string | null): { 'date-parts': number[][] } | undefined {
  if (!value) return undefined;
  return { 'date-parts': [value.split('-').map(Number)] };
}

export { splitPeople } from './names';

/**
 * One source as a CSL-JSON item. Warrant's own fields (kind, grade) travel in `custom`, which
 * other tools ignore, so that a round trip through a file gives the same source back.
 */
export function sourceToCsl(source: ExportSource, id: string): CslItem {
  const { draft } = source;
  const item: CslItem = { id, type: CSL_TYPE_BY_KIND[draft.kind], title: draft.title };
  // People as {family, given}, organisations (and names never known in parts) as {literal}.
  const authors = namesForExport(draft.author, source.authorNames);
  if (authors.length > 0) item.author = authors;
  if (draft.publisher) item.publisher = draft.publisher;
  const issued = dateParts(draft.publishedDate);
  if (issued) item.issued = issued;
  const accessed = dateParts(draft.accessedDate);
  if (accessed) item.accessed = accessed;
  if (draft.url) item.URL = draft.url;
  if (source.doi) item.DOI = source.doi;
  if (source.isbn) item.ISBN = source.isbn;
  if (draft.language) item.language = draft.language;
  if (draft.notes) item.note = draft.notes;
  if (source.tags.length > 0) item.keyword = source.tags.join(', ');
  item.custom = { 'warrant-kind': draft.kind, ...(draft.reliability ? { 'warrant-reliability': draft.reliability } : {}) };
  return item;
}
