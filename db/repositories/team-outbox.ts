// The outbox of a team workspace's local writes: TEMP triggers (per connection, so the schema check
// never sees them) note each written row of a table the team documents mirror, for the team client
// to copy into the documents after the command (library-projection.ts reads and empties it).
import type Database from 'better-sqlite3';
import type { LibraryKind } from '../../src/team/library-fields';
import { WATCHED_BRIEFING_TABLES } from './briefing-records-projection';

/** The tables written through the local handlers, watched so that their changes can go to the team documents. */
const WATCHED: readonly { table: string; kind: LibraryKind; key: (row: 'NEW' | 'OLD') => string; update: boolean }[] = [
  { table: 'sources', kind: 'sources', key: (row) => `${row}.id`, update: true },
  { table: 'quotes', kind: 'quotes', key: (row) => `${row}.id`, update: true },
  { table: 'tags', kind: 'tags', key: (row) => `${row}.id`, update: true },
  { table: 'snapshots', kind: 'snapshots', key: (row) => `${row}.id`, update: false },
  { table: 'source_tags', kind: 'tag-links', key: (row) => `'source|' || ${row}.source_id || '|' || ${row}.tag_id`, update: false },
  { table: 'quote_tags', kind: 'tag-links', key: (row) => `'quote|' || ${row}.quote_id || '|' || ${row}.tag_id`, update: false },
  { table: 'source_derivations', kind: 'derivations', key: (row) => `${row}.source_id || '|' || ${row}.origin_id`, update: false },
  ...WATCHED_BRIEFING_TABLES.map(({ table, kind }) => ({ table, kind, key: (row: 'NEW' | 'OLD') => `${row}.id`, update: true })),
];

/** Creates the TEMP outbox and its triggers (idempotent). */
export function createOutbox(db: Database.Database): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS team_outbox (num INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL)');
  for (const { table, kind, key, update } of WATCHED) {
    const events: ['INSERT' | 'UPDATE' | 'DELETE', 'NEW' | 'OLD'][] = [
      ['INSERT', 'NEW'],
      ['DELETE', 'OLD'],
    ];
    if (update) events.push(['UPDATE', 'NEW']);
    for (const [event, row] of events) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS team_outbox_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
         BEGIN INSERT INTO team_outbox (kind, id) VALUES ('${kind}', ${key(row)}); END`,
      );
    }
  }
}

/** Drops the TEMP triggers and the outbox. */
export function dropOutbox(db: Database.Database): void {
  for (const { table, update } of WATCHED)
    for (const event of update ? ['insert', 'delete', 'update'] : ['insert', 'delete'])
      db.exec(`DROP TRIGGER IF EXISTS temp.team_outbox_${table}_${event}`);
  db.exec('DROP TABLE IF EXISTS temp.team_outbox');
}
