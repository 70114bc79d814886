import type Database from 'better-sqlite3';
import { cjkGrams } from '../src/search/cjk';

/** Bump when cjkGrams changes, so every workspace rebuilds its pair indexes once. */
export const CJK_INDEX_VERSION = 1;

/**
 * The CJK pair indexes are written here (the word indexes are kept by SQL triggers). Rows
 * without CJK text get no entry, so the indexes stay small for mostly-Latin libraries.
 */
export class CjkIndex {
  private readonly putSource;
  private readonly dropSource;
  private readonly putQuote;
  private readonly dropQuote;

  constructor(private readonly db: Database.Database) {
    this.putSource = db.prepare('INSERT INTO sources_cjk (rowid, grams) VALUES (?, ?)');
    this.dropSource = db.prepare('DELETE FROM sources_cjk WHERE rowid = ?');
    this.putQuote = db.prepare('INSERT INTO quotes_cjk (rowid, grams) VALUES (?, ?)');
    this.dropQuote = db.prepare('DELETE FROM quotes_cjk WHERE rowid = ?');
  }

  indexSource(num: number, fields: { title: string; author: string; publisher: string; notes: string; snapshot: string }): void {
    this.dropSource.run(num);
    const grams = cjkGrams(fields.title, fields.author, fields.publisher, fields.notes, fields.snapshot);
    if (grams !== '') this.putSource.run(num, grams);
  }

  indexQuote(num: number, fields: { text: string; speaker: string; note: string }): void {
    this.dropQuote.run(num);
    const grams = cjkGrams(fields.text, fields.speaker, fields.note);
    if (grams !== '') this.putQuote.run(num, grams);
  }

  /** Rebuilds both pair indexes when they predate this build's segmentation. */
  ensureCurrent(): void {
    const row = this.db.prepare("SELECT version FROM index_state WHERE name = 'cjk'").get() as { version: number } | undefined;
    if (row?.version === CJK_INDEX_VERSION) return;
    this.db.transaction(() => {
      this.db.exec("DELETE FROM sources_cjk; DELETE FROM quotes_cjk;");
      const sources = this.db
        .prepare("SELECT s.num, s.title, s.author, s.publisher, s.notes, coalesce(sn.text, '') AS snapshot FROM sources s LEFT JOIN snapshots sn ON sn.source_id = s.id")
        .iterate() as IterableIterator<{ num: number; title: string; author: string; publisher: string; notes: string; snapshot: string }>;
      for (const source of sources) this.indexSource(source.num, source);
      const quotes = this.db.prepare('SELECT num, text, speaker, note FROM quotes').iterate() as IterableIterator<{ num: number; text: string; speaker: string; note: string }>;
      for (const quote of quotes) this.indexQuote(quote.num, quote);
      this.db.prepare("INSERT INTO index_state (name, version) VALUES ('cjk', ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version").run(CJK_INDEX_VERSION);
    })();
  }
}
