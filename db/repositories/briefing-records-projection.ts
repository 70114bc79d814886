// A shared briefing's own records (its title block, its key judgements, their evidence links and a
// custom product type) projected from the team documents into the tables, as library records are
// (library-projection.ts calls these for the briefing kinds). The body is not here: it is projected
// from `briefing/<id>` (main/team-client/briefing-projection.ts) into the row this creates.
import type Database from 'better-sqlite3';
import type { JudgementFieldChange } from '../../src/domain/judgement';
import { LIBRARY_FIELDS, type FieldValue, type LibraryKind, type LibraryRecord } from '../../src/team/library-fields';
import { indexableText } from '../../src/search/cjk';
import type { StoreContext } from '../store-context';
import { JudgementChangeRepository } from './judgement-changes';

export type BriefingRecordKind = 'product-types' | 'briefings' | 'judgements' | 'evidence-links';

/**
 * What a briefing row holds until its body's document is projected into it: an empty text. It is
 * never sent anywhere (the body is not a record field).
 */
export const AWAITED_BODY = JSON.stringify({
  root: {
    children: [{ children: [], direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' }],
    direction: null,
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
});

/** The tables behind the briefing kinds, for the outbox triggers (every one is edited in place, so updates count). */
export const WATCHED_BRIEFING_TABLES: readonly { table: string; kind: BriefingRecordKind }[] = [
  { table: 'briefings', kind: 'briefings' },
  { table: 'judgements', kind: 'judgements' },
  { table: 'evidence_links', kind: 'evidence-links' },
];

/** The judgement fields the judgement's own change log follows (as a local edit logs them). */
const LOGGED_JUDGEMENT_FIELDS = ['statement', 'likelihood', 'confidence'] as const;

export function isBriefingRecordKind(kind: LibraryKind): kind is BriefingRecordKind {
  return kind === 'product-types' || kind === 'briefings' || kind === 'judgements' || kind === 'evidence-links';
}

/** Whether the record's parent is in the tables: a judgement waits for its briefing, a link for its judgement. */
export function briefingParentPresent(db: Database.Database, kind: BriefingRecordKind, record: LibraryRecord): boolean {
  const exists = (table: string, id: FieldValue | undefined): boolean =>
    db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  switch (kind) {
    case 'briefings':
      return exists('product_types', record.type_id);
    case 'judgements':
      return exists('briefings', record.briefing_id);
    case 'evidence-links':
      return exists('judgements', record.judgement_id);
    default:
      return true;
  }
}

/**
 * Writes one incoming briefing record over the row (`stored`: the row as a record, null when new).
 * Changed judgement fields also go into the judgement's change log under their author's name, so
 * the judgement panel names who changed what, as it does for a local edit.
 */
export function upsertBriefingRecord(
  ctx: StoreContext,
  kind: BriefingRecordKind,
  id: string,
  record: LibraryRecord,
  stored: LibraryRecord | null,
  authorOf: (field: string) => string,
): void {
  const db = ctx.db;
  const now = ctx.now();
  const fields = LIBRARY_FIELDS[kind];
  const values: Record<string, unknown> = { ...record, id };
  switch (kind) {
    case 'product-types': {
      values.name = freeTypeName(db, String(record.name), id);
      values.name_key = String(values.name).toLowerCase();
      upsertRow(db, 'product_types', [...fields, 'name_key'], values, { built_in: 0 }, '');
      return;
    }
    case 'briefings': {
      upsertRow(
        db,
        'briefings',
        fields,
        { ...values, updated_at: now },
        { body: AWAITED_BODY, body_text: '', word_count: 0, updated_at: now },
        ', meta_version = meta_version + 1, updated_at = excluded.updated_at',
      );
      indexBriefing(db, id);
      return;
    }
    case 'judgements': {
      upsertRow(db, 'judgements', fields, values, {}, ', version = version + 1');
      if (stored !== null) logJudgementChanges(ctx, id, stored, record, authorOf);
      return;
    }
    case 'evidence-links': {
      // A link is one judgement, one item: two analysts who linked the same item offline keep the first to arrive.
      db.prepare(
        `INSERT INTO evidence_links (id, ${fields.join(', ')}) VALUES (@id, ${fields.map((field) => `@${field}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET stance = excluded.stance, note = excluded.note
         ON CONFLICT DO NOTHING`,
      ).run(values);
      return;
    }
  }
}

/**
 * Writes the first body a teammate's briefing receives into its awaiting row, without the revision
 * an ordinary save keeps of the text before it (that text is only the empty placeholder). False when
 * the row holds a body already: the caller saves as usual. The word and citation indexes follow the
 * new version, as after any save.
 */
export function fillAwaitedBody(ctx: StoreContext, id: string, projected: { body: string; bodyText: string; wordCount: number }): boolean {
  const filled = ctx.db
    .prepare(
      `UPDATE briefings SET body = ?, body_text = ?, word_count = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND body = ? AND deleted_at IS NULL`,
    )
    .run(projected.body, projected.bodyText, projected.wordCount, ctx.now(), id, AWAITED_BODY);
  if (filled.changes > 0) ctx.afterWrite();
  return filled.changes > 0;
}

/** Removes a record deleted for good elsewhere (a purge from the trash); what hangs off it goes with it. */
export function removeBriefingRecord(db: Database.Database, kind: BriefingRecordKind, id: string): void {
  const table = { 'product-types': 'product_types', briefings: 'briefings', judgements: 'judgements', 'evidence-links': 'evidence_links' }[
    kind
  ];
  // A product type still used by a briefing here stays (the foreign key would refuse it anyway).
  if (kind === 'product-types' && db.prepare('SELECT 1 FROM briefings WHERE type_id = ?').get(id) !== undefined) return;
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
}

/** INSERT … ON CONFLICT (id) DO UPDATE of the record's fields; `extra` columns are written only on insert. */
function upsertRow(
  db: Database.Database,
  table: string,
  fields: readonly string[],
  values: Record<string, unknown>,
  extra: Record<string, unknown>,
  onUpdate: string,
): void {
  const insertColumns = [...fields, ...Object.keys(extra).filter((column) => !fields.includes(column))];
  const row = { ...extra, ...values };
  db.prepare(
    `INSERT INTO ${table} (id, ${insertColumns.join(', ')}) VALUES (@id, ${insertColumns.map((column) => `@${column}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${fields.map((field) => `${field} = excluded.${field}`).join(', ')}${onUpdate}`,
  ).run(row);
}

/** The briefing's title and stored text in the word index (out of it while in the trash), marked current. */
function indexBriefing(db: Database.Database, id: string): void {
  const row = db.prepare('SELECT num, title, body_text, deleted_at FROM briefings WHERE id = ?').get(id) as {
    num: number;
    title: string;
    body_text: string;
    deleted_at: string | null;
  };
  db.prepare('DELETE FROM briefings_fts WHERE rowid = ?').run(row.num);
  if (row.deleted_at === null)
    db.prepare('INSERT INTO briefings_fts (rowid, title, body) VALUES (?, ?, ?)').run(
      row.num,
      indexableText(row.title),
      indexableText(row.body_text),
    );
  db.prepare('UPDATE briefings SET indexed_version = version WHERE num = ?').run(row.num);
}

/** Two analysts may each have made a type of one name; names are unique, so the later one gets its id's first characters. */
function freeTypeName(db: Database.Database, name: string, id: string): string {
  const holder = db.prepare('SELECT id FROM product_types WHERE name_key = ?').pluck().get(name.toLowerCase()) as string | undefined;
  return holder === undefined || holder === id ? name : `${name} (${id.slice(0, 8)})`;
}

function logJudgementChanges(
  ctx: StoreContext,
  id: string,
  stored: LibraryRecord,
  record: LibraryRecord,
  authorOf: (field: string) => string,
): void {
  const byAuthor = new Map<string, JudgementFieldChange[]>();
  for (const field of LOGGED_JUDGEMENT_FIELDS) {
    if (stored[field] === record[field]) continue;
    const author = authorOf(field);
    const change: JudgementFieldChange = { field, from: fieldString(stored[field]), to: fieldString(record[field]) };
    byAuthor.set(author, [...(byAuthor.get(author) ?? []), change]);
  }
  const log = new JudgementChangeRepository(ctx);
  for (const [author, changes] of byAuthor) log.record(id, author, changes);
}

function fieldString(value: FieldValue | undefined): string | null {
  return value === undefined || value === null ? null : String(value);
}
