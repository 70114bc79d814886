import type Database from 'better-sqlite3';
import type { TagRef } from '../src/domain/tag';

/** Tags of many items in one query, keyed by item id. */
export function tagsOf(db: Database.Database, kind: 'source' | 'quote', ids: readonly string[]): Map<string, TagRef[]> {
  const result = new Map<string, TagRef[]>();
  if (ids.length === 0) return result;
  const table = kind === 'source' ? 'source_tags' : 'quote_tags';
  const column = kind === 'source' ? 'source_id' : 'quote_id';
  const rows = db
    .prepare(
      `SELECT l.${column} AS owner, t.id, t.path, t.color FROM ${table} l JOIN tags t ON t.id = l.tag_id WHERE l.${column} IN (SELECT value FROM json_each(?)) ORDER BY t.path_key`,
    )
    .all(JSON.stringify(ids)) as { owner: string; id: string; path: string; color: string }[];
  for (const row of rows) {
    const list = result.get(row.owner) ?? [];
    list.push({ id: row.id, path: row.path, color: row.color });
    result.set(row.owner, list);
  }
  return result;
}

/**
 * SQL condition: the item carries `tagId` or a tag below it. `?` is bound to the tag id. The
 * subtree's ids are found once; each item is then checked through its own tag links (a primary
 * key lookup), instead of first gathering every item that carries any tag of the subtree.
 */
export function taggedWithin(kind: 'source' | 'quote', idColumn: string): string {
  const table = kind === 'source' ? 'source_tags' : 'quote_tags';
  const column = kind === 'source' ? 'source_id' : 'quote_id';
  return `EXISTS (SELECT 1 FROM ${table} l WHERE l.${column} = ${idColumn} AND l.tag_id IN (SELECT t.id FROM tags t JOIN tags root ON root.id = ?
    WHERE t.path_key = root.path_key OR substr(t.path_key, 1, length(root.path_key) + 1) = root.path_key || '/'))`;
}

/** The ids of a tag and every tag below it (empty when the tag does not exist). */
export function tagSubtreeIds(db: Database.Database, tagId: string): string[] {
  return db
    .prepare(
      `SELECT t.id FROM tags t JOIN tags root ON root.id = ?
       WHERE t.path_key = root.path_key OR substr(t.path_key, 1, length(root.path_key) + 1) = root.path_key || '/'`,
    )
    .pluck()
    .all(tagId) as string[];
}

/**
 * SQL condition: the item carries one of the tags whose ids are bound (as a JSON array) to `?`.
 * `+` keeps SQLite on the item's own few links instead of probing the tag index per id.
 */
export function taggedWithAny(kind: 'source' | 'quote', idColumn: string): string {
  const table = kind === 'source' ? 'source_tags' : 'quote_tags';
  const column = kind === 'source' ? 'source_id' : 'quote_id';
  return `EXISTS (SELECT 1 FROM ${table} l WHERE l.${column} = ${idColumn} AND +l.tag_id IN (SELECT value FROM json_each(?)))`;
}
