import type Database from 'better-sqlite3';
import { cjkGrams, indexableText } from '../src/search/cjk';
import { JOIN_CURRENT_CAPTURE } from './current-capture';

/** Bump when indexableText or cjkGrams change: every workspace then rebuilds its indexes once. */
export const SEARCH_INDEX_VERSION = 3;
const REBUILD_BATCH = 5000;
/** Text that NFKC leaves alone and that holds no CJK character (printable ASCII and line breaks; anything else takes the full passes). */
const ASCII = /^[\t\n\r -~]*$/;

export interface SourceText {
  title: string;
  author: string;
  publisher: string;
  notes: string;
  snapshot: string;
}

export interface QuoteText {
  text: string;
  speaker: string;
  note: string;
}

/**
 * Writes the search indexes for sources and quotes, in the caller's transaction: the word index
 * gets normalised text, the CJK index the character pairs. Only live rows are indexed (trashing
 * takes a row out, restoring puts it back), so an unfiltered search needs no join at all.
 * (SQL triggers cannot normalise text, so they only take rows out when rows are deleted for good.)
 */
export class SearchIndexer {
  private readonly statements;
  private changes = 0;

  /** Grows with every change to the indexes, so readers can tell when what they cached is stale. */
  get generation(): number {
    return this.changes;
  }

  constructor(private readonly db: Database.Database) {
    this.statements = {
      dropSourceWords: db.prepare('DELETE FROM sources_fts WHERE rowid = ?'),
      putSourceWords: db.prepare('INSERT INTO sources_fts (rowid, title, people, publisher, notes, snapshot) VALUES (?, ?, ?, ?, ?, ?)'),
      dropSourceGrams: db.prepare('DELETE FROM sources_cjk WHERE rowid = ?'),
      putSourceGrams: db.prepare('INSERT INTO sources_cjk (rowid, grams) VALUES (?, ?)'),
      dropQuoteWords: db.prepare('DELETE FROM quotes_fts WHERE rowid = ?'),
      putQuoteWords: db.prepare('INSERT INTO quotes_fts (rowid, text, speaker, note) VALUES (?, ?, ?, ?)'),
      dropQuoteGrams: db.prepare('DELETE FROM quotes_cjk WHERE rowid = ?'),
      putQuoteGrams: db.prepare('INSERT INTO quotes_cjk (rowid, grams) VALUES (?, ?)'),
    };
  }

  indexSource(num: number, source: SourceText): void {
    this.changes += 1;
    const s = this.statements;
    s.dropSourceWords.run(num);
    s.putSourceWords.run(
      num,
      indexableText(source.title),
      indexableText(source.author),
      indexableText(source.publisher),
      indexableText(source.notes),
      indexableText(source.snapshot),
    );
    s.dropSourceGrams.run(num);
    const grams = cjkGrams(source.title, source.author, source.publisher, source.notes, source.snapshot);
    if (grams !== '') s.putSourceGrams.run(num, grams);
  }

  /**
   * Indexes a source inserted in this transaction (nothing to drop first: bulk imports skip that
   * work). It has no snapshot yet. Plain ASCII fields skip the NFKC and CJK passes, which change
   * nothing in them (most imported titles and names are ASCII).
   */
  indexNewSource(num: number, source: Omit<SourceText, 'snapshot'>): void {
    const s = this.statements;
    const { title, author, publisher, notes } = source;
    const ascii = ASCII.test(title) && ASCII.test(author) && ASCII.test(publisher) && ASCII.test(notes);
    if (ascii) {
      s.putSourceWords.run(num, title, author, publisher, notes, '');
      return;
    }
    s.putSourceWords.run(num, indexableText(title), indexableText(author), indexableText(publisher), indexableText(notes), '');
    const grams = cjkGrams(title, author, publisher, notes);
    if (grams !== '') s.putSourceGrams.run(num, grams);
  }

  indexQuote(num: number, quote: QuoteText): void {
    this.changes += 1;
    const s = this.statements;
    s.dropQuoteWords.run(num);
    s.putQuoteWords.run(num, indexableText(quote.text), indexableText(quote.speaker), indexableText(quote.note));
    s.dropQuoteGrams.run(num);
    const grams = cjkGrams(quote.text, quote.speaker, quote.note);
    if (grams !== '') s.putQuoteGrams.run(num, grams);
  }

  /** Takes a source out of the indexes (it went to the trash); its quotes go with it. */
  unindexSource(num: number, sourceId: string): void {
    this.changes += 1;
    const s = this.statements;
    s.dropSourceWords.run(num);
    s.dropSourceGrams.run(num);
    for (const quote of this.db
      .prepare('SELECT num FROM quotes WHERE source_id = ? AND deleted_at IS NULL')
      .pluck()
      .all(sourceId) as number[])
      this.unindexQuote(quote);
  }

  unindexQuote(num: number): void {
    this.changes += 1;
    this.statements.dropQuoteWords.run(num);
    this.statements.dropQuoteGrams.run(num);
  }

  /** Puts a restored source back, with its live quotes. */
  reindexSource(sourceId: string): void {
    const source = this.db
      .prepare(
        `SELECT s.num, s.title, s.author, s.publisher, s.notes, coalesce(sn.text, '') AS snapshot FROM sources s ${JOIN_CURRENT_CAPTURE} WHERE s.id = ?`,
      )
      .get(sourceId) as (SourceText & { num: number }) | undefined;
    if (!source) return;
    this.indexSource(source.num, source);
    const quotes = this.db
      .prepare('SELECT num, text, speaker, note FROM quotes WHERE source_id = ? AND deleted_at IS NULL')
      .all(sourceId) as (QuoteText & { num: number })[];
    for (const quote of quotes) this.indexQuote(quote.num, quote);
  }

  reindexQuote(quoteId: string): void {
    const quote = this.db.prepare('SELECT num, text, speaker, note FROM quotes WHERE id = ?').get(quoteId) as
      (QuoteText & { num: number }) | undefined;
    if (quote) this.indexQuote(quote.num, quote);
  }

  /** Rebuilds every index when it predates this build's text handling (or was never built). */
  ensureCurrent(): void {
    const row = this.db.prepare("SELECT version FROM index_state WHERE name = 'search'").get() as { version: number } | undefined;
    if (row?.version === SEARCH_INDEX_VERSION) return;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM sources_fts; DELETE FROM sources_cjk; DELETE FROM quotes_fts; DELETE FROM quotes_cjk;');
      // Batches by key: reading while writing on one connection is not allowed, and a million
      // quotes should not sit in memory at once.
      const sources = this.db.prepare(
        `SELECT s.num, s.title, s.author, s.publisher, s.notes, coalesce(sn.text, '') AS snapshot FROM sources s ${JOIN_CURRENT_CAPTURE} WHERE s.num > ? AND s.deleted_at IS NULL ORDER BY s.num LIMIT ?`,
      );
      for (let after = 0; ;) {
        const batch = sources.all(after, REBUILD_BATCH) as (SourceText & { num: number })[];
        for (const source of batch) this.indexSource(source.num, source);
        if (batch.length < REBUILD_BATCH) break;
        after = batch[batch.length - 1]?.num ?? after;
      }
      const quotes = this.db.prepare(
        'SELECT q.num, q.text, q.speaker, q.note FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.num > ? AND q.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY q.num LIMIT ?',
      );
      for (let after = 0; ;) {
        const batch = quotes.all(after, REBUILD_BATCH) as (QuoteText & { num: number })[];
        for (const quote of batch) this.indexQuote(quote.num, quote);
        if (batch.length < REBUILD_BATCH) break;
        after = batch[batch.length - 1]?.num ?? after;
      }
      this.db
        .prepare("INSERT INTO index_state (name, version) VALUES ('search', ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version")
        .run(SEARCH_INDEX_VERSION);
    })();
  }
}
