import { MAX_NOTES_LENGTH } from '../domain/source';
import type { ImportRecord } from './record';

/**
 * Where an import puts a file's keywords. As tags, the way Zotero reads them, which suits a
 * library whose keywords are its owner's tags; in each source's notes, for a database export
 * (Web of Science, Scopus, PubMed) whose keywords are the indexers' and would fill the tag list
 * with dozens of one-off tags.
 */
export const KEYWORD_PLACES = ['tags', 'notes'] as const;
export type KeywordPlace = (typeof KEYWORD_PLACES)[number];

/** How many different keywords the entries carry, compared as tags are (without regard to case). */
export function distinctKeywords(records: readonly Pick<ImportRecord, 'tags'>[]): number {
  const seen = new Set<string>();
  for (const record of records) for (const tag of record.tags) seen.add(tag.toLowerCase());
  return seen.size;
}

/**
 * The entry with its keywords as a last line of its notes ("Keywords: a; b; c") instead of tags.
 * Keywords the notes have no room left for stay tags: none is lost.
 */
export function keywordsInNotes(record: ImportRecord): ImportRecord {
  if (record.tags.length === 0) return record;
  const before = record.draft.notes === '' ? '' : `${record.draft.notes}\n\n`;
  const room = MAX_NOTES_LENGTH - before.length - 'Keywords: '.length;
  const kept: string[] = [];
  let used = 0;
  for (const tag of record.tags) {
    const length = (kept.length === 0 ? 0 : 2) + tag.length;
    if (used + length > room) break;
    kept.push(tag);
    used += length;
  }
  if (kept.length === 0) return record;
  return { ...record, draft: { ...record.draft, notes: `${before}Keywords: ${kept.join('; ')}` }, tags: record.tags.slice(kept.length) };
}
