import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import { refuseStaleWrite } from './stale-write';
import type { BodySave, Briefing, BriefingListQuery, BriefingMeta, BriefingSummary } from '../../src/domain/briefing';
import { proposedReference } from '../../src/domain/briefing';
import type { TagRef } from '../../src/domain/tag';
import { templateState, templateText } from '../../src/briefing/template';
import { indexableText } from '../../src/search/cjk';
import type { StoreContext } from '../store-context';
import type { BriefingRevisionRepository } from './briefing-revisions';
import type { ProductTypeRepository } from './product-types';

interface BriefingRow {
  num: number;
  id: string;
  title: string;
  type_id: string;
  type_name: string;
  word_limit: number | null;
  status: Briefing['status'];
  author: string;
  date: string | null;
  marking: string;
  summary: string;
  yardstick: Briefing['yardstick'];
  reference: string;
  cutoff_date: string | null;
  dissemination: string;
  body: string;
  body_text: string;
  word_count: number;
  version: number;
  meta_version: number;
  created_at: string;
  updated_at: string;
}

const SUMMARY_COLUMNS = 'b.id, b.title, b.type_id, t.name AS type_name, t.word_limit, b.status, b.word_count, b.updated_at';
const ALL_COLUMNS = `${SUMMARY_COLUMNS}, b.num, b.author, b.date, b.marking, b.summary, b.yardstick, b.reference, b.cutoff_date, b.dissemination, b.body, b.body_text, b.version, b.meta_version, b.created_at`;
const FROM = 'FROM briefings b JOIN product_types t ON t.id = b.type_id';

const ORDER: Readonly<Record<BriefingListQuery['sort'], string>> = {
  updated: 'b.updated_at',
  title: 'b.title COLLATE NOCASE',
  status: "CASE b.status WHEN 'draft' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END",
  words: 'b.word_count',
  type: 't.name_key',
};

/** Keeping a revision of the previous text when a save comes this long after the last one. */
export const AUTO_REVISION_INTERVAL_MS = 10 * 60 * 1000;

function notFound(): WarrantError {
  return new WarrantError('not_found', 'That briefing no longer exists (it may have been moved to the trash).');
}

function toSummary(row: BriefingRow): BriefingSummary {
  return {
    id: row.id,
    title: row.title,
    typeId: row.type_id,
    typeName: row.type_name,
    status: row.status,
    wordCount: row.word_count,
    wordLimit: row.word_limit,
    updatedAt: row.updated_at,
  };
}

/** What other stores keep in step with a briefing, run inside the briefing's own transaction. */
export interface BriefingHooks {
  /** The stored body changed (saved or restored): derived indexes follow it. */
  bodyChanged(briefingId: string): void;
  /** The yardstick changed: judgements' likelihoods move to the nearest terms. */
  yardstickChanged(briefingId: string, from: Briefing['yardstick'], to: Briefing['yardstick']): void;
}

/** Briefings: metadata, the stored editor body (saved as given), tags and the word index. */
export class BriefingRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly types: ProductTypeRepository,
    private readonly revisions: BriefingRevisionRepository,
    private readonly hooks: BriefingHooks | null = null,
  ) {}

  list(query: BriefingListQuery): BriefingSummary[] {
    const clauses = ['b.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (query.status) {
      clauses.push('b.status = ?');
      params.push(query.status);
    }
    if (query.typeId) {
      clauses.push('b.type_id = ?');
      params.push(query.typeId);
    }
    const text = query.text.trim().toLowerCase();
    if (text !== '') {
      clauses.push('instr(lower(b.title), ?) > 0');
      params.push(text);
    }
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const rows = this.ctx.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE ${clauses.join(' AND ')} ORDER BY ${ORDER[query.sort]} ${direction}, b.num ${direction}`,
      )
      .all(...params) as BriefingRow[];
    return rows.map(toSummary);
  }

  get(id: string): Briefing {
    const row = this.ctx.db.prepare(`SELECT ${ALL_COLUMNS} ${FROM} WHERE b.id = ? AND b.deleted_at IS NULL`).get(id) as
      BriefingRow | undefined;
    if (!row) throw notFound();
    const tags = this.ctx.db
      .prepare(
        'SELECT t.id, t.path, t.color FROM briefing_tags l JOIN tags t ON t.id = l.tag_id WHERE l.briefing_id = ? ORDER BY t.path_key',
      )
      .all(id) as TagRef[];
    return {
      ...toSummary(row),
      author: row.author,
      date: row.date,
      marking: row.marking,
      summary: row.summary,
      yardstick: row.yardstick,
      reference: row.reference,
      cutoffDate: row.cutoff_date,
      dissemination: row.dissemination,
      tags,
      body: row.body,
      bodyText: row.body_text,
      version: row.version,
      metaVersion: row.meta_version,
      createdAt: row.created_at,
    };
  }

  exists(id: string): boolean {
    return this.ctx.db.prepare('SELECT 1 FROM briefings WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
  }

  /** A new briefing from its product type's template; author and marking default from Settings. */
  create(input: {
    title: string;
    typeId: string;
    author: string;
    marking: string;
    date: string | null;
    /** The information cut-off date it starts with (the UI's new briefings: the day they are made). */
    cutoffDate?: string | null;
    /** Propose a reference number from the type, the date and the briefing's serial number. */
    proposeReference?: boolean;
  }): Briefing {
    const type = this.types.get(input.typeId);
    const id = randomUUID();
    const now = this.ctx.now();
    this.ctx.db.transaction(() => {
      const { lastInsertRowid } = this.ctx.db
        .prepare(
          `INSERT INTO briefings (id, title, type_id, author, date, marking, cutoff_date, body, body_text, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.title,
          type.id,
          input.author,
          input.date,
          input.marking,
          input.cutoffDate ?? null,
          templateState(type),
          templateText(type),
          now,
          now,
        );
      // The serial is the row's own number, known once it is inserted: unique in the workspace.
      if (input.proposeReference)
        this.ctx.db
          .prepare('UPDATE briefings SET reference = ? WHERE num = ?')
          .run(proposedReference(type.name, input.date ?? now.slice(0, 10), Number(lastInsertRowid)), lastInsertRowid);
      this.index(Number(lastInsertRowid), input.title, templateText(type));
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /**
   * Replaces the metadata; a change of status keeps a revision of the text at that moment. A
   * `baseVersion` other than the stored `metaVersion` is refused as a conflict, writing nothing.
   */
  updateMeta(id: string, meta: BriefingMeta, baseVersion?: number): Briefing {
    this.types.get(meta.typeId);
    this.ctx.db.transaction(() => {
      const row = this.ctx.db
        .prepare('SELECT num, status, yardstick, body_text, meta_version FROM briefings WHERE id = ? AND deleted_at IS NULL')
        .get(id) as { num: number; status: string; yardstick: Briefing['yardstick']; body_text: string; meta_version: number } | undefined;
      if (!row) throw notFound();
      refuseStaleWrite(
        baseVersion,
        row.meta_version,
        () => this.get(id),
        'The title block was changed in another tab or window since you opened it; nothing was saved.',
      );
      this.ctx.db
        .prepare(
          `UPDATE briefings SET title = @title, type_id = @typeId, status = @status, author = @author, date = @date, marking = @marking,
             summary = @summary, yardstick = @yardstick, reference = @reference, cutoff_date = @cutoffDate,
             dissemination = @dissemination, meta_version = meta_version + 1, updated_at = @now WHERE id = @id`,
        )
        .run({
          title: meta.title,
          typeId: meta.typeId,
          status: meta.status,
          author: meta.author,
          date: meta.date,
          marking: meta.marking,
          summary: meta.summary,
          yardstick: meta.yardstick,
          reference: meta.reference,
          cutoffDate: meta.cutoffDate,
          dissemination: meta.dissemination,
          id,
          now: this.ctx.now(),
        });
      this.ctx.db.prepare('DELETE FROM briefing_tags WHERE briefing_id = ?').run(id);
      const tag = this.ctx.db.prepare('INSERT OR IGNORE INTO briefing_tags (briefing_id, tag_id) SELECT ?, id FROM tags WHERE id = ?');
      for (const tagId of meta.tagIds) tag.run(id, tagId);
      if (row.status !== meta.status) this.revisions.record(id, 'status', '');
      if (row.yardstick !== meta.yardstick) this.hooks?.yardstickChanged(id, row.yardstick, meta.yardstick);
      this.index(row.num, meta.title, row.body_text);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /**
   * Stores the body exactly as given, in one transaction with its plain text and count. The word
   * index and the citation index follow later (`indexPending`): re-indexing a 50,000-word text on
   * every autosave was most of the save's time, and their readers bring them up to date first.
   * A save arriving long after the last revision first keeps the previous text as one. A
   * `baseVersion` other than the stored version is refused as a conflict, writing nothing.
   */
  saveBody(save: BodySave, baseVersion?: number): { version: number; updatedAt: string } {
    const now = this.ctx.now();
    let version = 0;
    this.ctx.db.transaction(() => {
      const row = this.ctx.db.prepare('SELECT version FROM briefings WHERE id = ? AND deleted_at IS NULL').get(save.id) as
        { version: number } | undefined;
      if (!row) throw notFound();
      refuseStaleWrite(
        baseVersion,
        row.version,
        () => this.get(save.id),
        'This briefing was saved in another tab or window since you opened it; your text was not saved over it.',
      );
      const last = this.revisions.lastAt(save.id);
      if (last === null || Date.parse(now) - Date.parse(last) >= AUTO_REVISION_INTERVAL_MS) this.revisions.record(save.id, 'auto', '');
      version = row.version + 1;
      this.ctx.db
        .prepare('UPDATE briefings SET body = ?, body_text = ?, word_count = ?, version = ?, updated_at = ? WHERE id = ?')
        .run(save.body, save.bodyText, save.wordCount, version, now, save.id);
    })();
    this.ctx.afterWrite();
    return { version, updatedAt: now };
  }

  trash(id: string): string {
    const deletedAt = this.ctx.now();
    this.ctx.db.transaction(() => {
      const row = this.ctx.db.prepare('SELECT num FROM briefings WHERE id = ? AND deleted_at IS NULL').get(id) as
        { num: number } | undefined;
      if (!row) throw notFound();
      this.ctx.db.prepare('DELETE FROM briefings_fts WHERE rowid = ?').run(row.num);
      this.ctx.db.prepare('UPDATE briefings SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
    })();
    this.ctx.afterWrite();
    return deletedAt;
  }

  /** Puts a restored briefing back into the word index (called inside the restore transaction). */
  reindex(id: string): void {
    const row = this.ctx.db.prepare('SELECT num, title, body_text FROM briefings WHERE id = ?').get(id) as
      { num: number; title: string; body_text: string } | undefined;
    if (row) this.index(row.num, row.title, row.body_text);
  }

  /** Indexes every live briefing saved since it was last indexed; returns how many. */
  indexPending(): number {
    const stale = this.ctx.db.prepare(
      'SELECT id, num, title, body_text FROM briefings WHERE indexed_version <> version AND deleted_at IS NULL',
    );
    let count = 0;
    this.ctx.db.transaction(() => {
      for (const row of stale.all() as { id: string; num: number; title: string; body_text: string }[]) {
        this.hooks?.bodyChanged(row.id);
        this.index(row.num, row.title, row.body_text);
        count += 1;
      }
    })();
    return count;
  }

  /** Indexes the text as stored now and marks the row current. */
  private index(num: number, title: string, text: string): void {
    this.ctx.db.prepare('DELETE FROM briefings_fts WHERE rowid = ?').run(num);
    this.ctx.db
      .prepare('INSERT INTO briefings_fts (rowid, title, body) VALUES (?, ?, ?)')
      .run(num, indexableText(title), indexableText(text));
    this.ctx.db.prepare('UPDATE briefings SET indexed_version = version WHERE num = ?').run(num);
  }
}
