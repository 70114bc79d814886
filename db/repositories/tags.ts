import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import { isTagWithin, TAG_COLOURS, TAG_SEPARATOR, type Tag, type Taggable } from '../../src/domain/tag';
import { assertVersion } from '../record-versions';
import type { StoreContext } from '../store-context';

interface TagRow {
  id: string;
  path: string;
  color: string;
  version: number;
}

/** Case-insensitive for every script (SQLite's NOCASE folds A–Z only). */
export function tagKey(path: string): string {
  return path.toLowerCase();
}

function notFound(): WarrantError {
  return new WarrantError('not_found', 'That tag no longer exists.');
}

/** Hierarchical tags: a tag's children are the tags whose path starts with its path and a slash. */
export class TagRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Every tag with how many live sources and quotes carry it. Links are counted straight from
   * the tag index, then those of trashed items (few, found through the trash indexes) are taken
   * off: joining every link to its item to check it is live costs seconds at a million quotes.
   * INDEXED BY and CROSS JOIN pin the plan to start from the trash: left to itself, SQLite may
   * walk every quote to find the few in trashed sources.
   */
  list(): Tag[] {
    return this.ctx.db
      .prepare(
        `WITH dead_sources AS MATERIALIZED (SELECT id FROM sources INDEXED BY sources_in_trash WHERE deleted_at IS NOT NULL),
         dead_quotes AS MATERIALIZED (
           SELECT id FROM quotes INDEXED BY quotes_in_trash WHERE deleted_at IS NOT NULL
           UNION SELECT q.id FROM dead_sources d CROSS JOIN quotes q ON q.source_id = d.id),
         dead_source_links AS MATERIALIZED (SELECT l.tag_id, count(*) AS n FROM dead_sources d CROSS JOIN source_tags l ON l.source_id = d.id GROUP BY l.tag_id),
         dead_quote_links AS MATERIALIZED (SELECT l.tag_id, count(*) AS n FROM dead_quotes d CROSS JOIN quote_tags l ON l.quote_id = d.id GROUP BY l.tag_id)
         SELECT t.id, t.path, t.color, t.version,
           (SELECT count(*) FROM source_tags l WHERE l.tag_id = t.id) - coalesce(ds.n, 0) AS sourceCount,
           (SELECT count(*) FROM quote_tags l WHERE l.tag_id = t.id) - coalesce(dq.n, 0) AS quoteCount
         FROM tags t LEFT JOIN dead_source_links ds ON ds.tag_id = t.id LEFT JOIN dead_quote_links dq ON dq.tag_id = t.id
         ORDER BY t.path_key`,
      )
      .all() as Tag[];
  }

  create(path: string, color: string | null): Tag {
    if (this.findByPath(path)) throw this.taken(path);
    const id = randomUUID();
    const count = this.ctx.db.prepare('SELECT count(*) FROM tags').pluck().get() as number;
    this.ctx.db
      .prepare('INSERT INTO tags (id, path, path_key, color, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, path, tagKey(path), color ?? TAG_COLOURS[count % TAG_COLOURS.length], this.ctx.now());
    this.ctx.afterWrite();
    return this.get(id);
  }

  /** The tag at `path`, made (with the next colour) when there is none. */
  ensure(path: string): Tag {
    const existing = this.findByPath(path);
    return existing ? this.get(existing.id) : this.create(path, null);
  }

  get(id: string): Tag {
    const tag = this.list().find((candidate) => candidate.id === id);
    if (!tag) throw notFound();
    return tag;
  }

  /** Renames a tag; its children follow (Actor/NATO/SG moves with Actor/NATO). */
  /** With `expectedVersion`, only if nobody renamed or recoloured the tag since (else `conflict`). */
  rename(id: string, newPath: string, color: string | null, expectedVersion?: number): Tag {
    this.ctx.db.transaction(() => {
      const tag = this.row(id);
      assertVersion('This tag', expectedVersion, tag.version, () => this.get(id));
      const clash = this.findByPath(newPath);
      if (clash && clash.id !== id) throw this.taken(newPath);
      if (isTagWithin(newPath, tag.path) && tagKey(newPath) !== tagKey(tag.path)) {
        throw new WarrantError('invalid_input', 'A tag cannot move inside itself.', {
          fields: { path: 'A tag cannot move inside itself.' },
        });
      }
      const children = this.subtree(tag.path).filter((child) => child.id !== id);
      // The tag moves first, so a child that lands on the tag's old path is not mistaken for it.
      this.setPath(id, newPath);
      if (color) this.ctx.db.prepare('UPDATE tags SET color = ?, version = version + 1 WHERE id = ?').run(color, id);
      for (const child of children) this.moveTo(child, newPath + child.path.slice(tag.path.length));
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /** Folds `sourceId` (and its children) into `targetId`: links move, duplicates collapse. */
  merge(sourceId: string, targetId: string): Tag {
    if (sourceId === targetId) throw new WarrantError('invalid_input', 'Choose two different tags to merge.');
    this.ctx.db.transaction(() => {
      const from = this.row(sourceId);
      const into = this.row(targetId);
      if (isTagWithin(into.path, from.path))
        throw new WarrantError('invalid_input', 'A tag cannot be merged into one of its own children.');
      const children = this.subtree(from.path).filter((child) => child.id !== from.id);
      // The tag goes first, so a child that lands on the target's path of the same name is kept.
      this.mergeRows(from, into);
      for (const child of children) this.moveTo(child, into.path + child.path.slice(from.path.length));
    })();
    this.ctx.afterWrite();
    return this.get(targetId);
  }

  /** Where a tag is used, to say so before deleting it. */
  usage(id: string): { sources: number; quotes: number } {
    const tag = this.get(id);
    return { sources: tag.sourceCount, quotes: tag.quoteCount };
  }

  /** Deletes the tag itself; items lose it, child tags stay. */
  delete(id: string): void {
    const result = this.ctx.db.prepare('DELETE FROM tags WHERE id = ?').run(id);
    if (result.changes === 0) throw notFound();
    this.ctx.afterWrite();
  }

  /** Adds (or removes) tags on many items at once; returns how many links changed. */
  apply(tagIds: readonly string[], items: readonly Taggable[], remove: boolean): number {
    let changed = 0;
    this.ctx.db.transaction(() => {
      for (const tagId of tagIds) this.row(tagId);
      for (const item of items) {
        const [table, column] = item.kind === 'source' ? ['source_tags', 'source_id'] : ['quote_tags', 'quote_id'];
        const live =
          item.kind === 'source'
            ? 'SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL'
            : 'SELECT 1 FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ? AND q.deleted_at IS NULL AND s.deleted_at IS NULL';
        if (this.ctx.db.prepare(live).get(item.id) === undefined) {
          throw new WarrantError('not_found', `That ${item.kind} no longer exists.`);
        }
        for (const tagId of tagIds) {
          const statement = remove
            ? `DELETE FROM ${table} WHERE ${column} = ? AND tag_id = ?`
            : `INSERT OR IGNORE INTO ${table} (${column}, tag_id) VALUES (?, ?)`;
          changed += this.ctx.db.prepare(statement).run(item.id, tagId).changes;
        }
      }
    })();
    this.ctx.afterWrite();
    return changed;
  }

  private row(id: string): TagRow {
    const row = this.ctx.db.prepare('SELECT id, path, color, version FROM tags WHERE id = ?').get(id) as TagRow | undefined;
    if (!row) throw notFound();
    return row;
  }

  private findByPath(path: string): TagRow | undefined {
    return this.ctx.db.prepare('SELECT id, path, color, version FROM tags WHERE path_key = ?').get(tagKey(path)) as TagRow | undefined;
  }

  private setPath(id: string, path: string): void {
    this.ctx.db.prepare('UPDATE tags SET path = ?, path_key = ?, version = version + 1 WHERE id = ?').run(path, tagKey(path), id);
  }

  /** Gives a tag a new path, folding it into a tag already there. */
  private moveTo(tag: TagRow, path: string): void {
    const existing = this.findByPath(path);
    if (existing && existing.id !== tag.id) this.mergeRows(tag, existing);
    else this.setPath(tag.id, path);
  }

  /** The tag at `path` and every tag below it, shallowest first so parents move before children. */
  private subtree(path: string): TagRow[] {
    const rows = this.ctx.db.prepare('SELECT id, path, color, version FROM tags').all() as TagRow[];
    return rows
      .filter((row) => isTagWithin(row.path, path))
      .sort((a, b) => a.path.split(TAG_SEPARATOR).length - b.path.split(TAG_SEPARATOR).length);
  }

  private mergeRows(from: TagRow, into: TagRow): void {
    this.ctx.db
      .prepare('INSERT OR IGNORE INTO source_tags (source_id, tag_id) SELECT source_id, ? FROM source_tags WHERE tag_id = ?')
      .run(into.id, from.id);
    this.ctx.db
      .prepare('INSERT OR IGNORE INTO quote_tags (quote_id, tag_id) SELECT quote_id, ? FROM quote_tags WHERE tag_id = ?')
      .run(into.id, from.id);
    this.ctx.db.prepare('DELETE FROM tags WHERE id = ?').run(from.id);
  }

  private taken(path: string): WarrantError {
    return new WarrantError('invalid_input', `There is already a tag “${path}”. Merge into it instead.`, {
      fields: { path: 'A tag with this name exists; merge into it instead.' },
    });
  }
}
