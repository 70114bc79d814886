import type Database from 'better-sqlite3';

/** Answers kept before the cache starts over (one per distinct word typed). */
const MAX_CACHED = 5000;

/**
 * Whether a phrase is in more than `limit` documents of an index, found by counting at most
 * `limit + 1` of its matches (a bounded walk of its doclist, about a millisecond), and remembered
 * until the indexes change: as-you-type search asks again at every keystroke.
 */
export class MatchCounter {
  private readonly answers = new Map<string, boolean>();
  private generation = -1;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    /** Anything whose generation grows when the indexes change (the SearchIndexer). */
    private readonly indexer: { readonly generation: number },
    private readonly limit: number,
  ) {}

  exceeds(table: string, phrase: string): boolean {
    if (this.generation !== this.indexer.generation || this.answers.size >= MAX_CACHED) {
      this.answers.clear();
      this.generation = this.indexer.generation;
    }
    const key = `${table}\u0000${phrase}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = (this.count(table).get(phrase) as number) > this.limit;
      this.answers.set(key, answer);
    }
    return answer;
  }

  private count(table: string): Database.Statement {
    let statement = this.statements.get(table);
    if (!statement) {
      statement = this.db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ${this.limit + 1})`).pluck();
      this.statements.set(table, statement);
    }
    return statement;
  }
}
