import type Database from 'better-sqlite3';
import { summarise, timeSync, type Summary } from './stats';

/**
 * Alternatives to product statements, timed on the raw connection next to the product's own SQL
 * (mirrored here), with their results checked equal. Nothing here is used by the app.
 */

/** tags.list as db/repositories/tags.ts writes it: two correlated counts per tag, each joining to the rows. */
const TAG_COUNTS_PRODUCT = `SELECT t.id, t.path, t.color,
    (SELECT count(*) FROM source_tags l JOIN sources s ON s.id = l.source_id WHERE l.tag_id = t.id AND s.deleted_at IS NULL) AS sourceCount,
    (SELECT count(*) FROM quote_tags l JOIN quotes q ON q.id = l.quote_id JOIN sources s ON s.id = q.source_id
       WHERE l.tag_id = t.id AND q.deleted_at IS NULL AND s.deleted_at IS NULL) AS quoteCount
  FROM tags t ORDER BY t.path_key`;

/**
 * The same counts as "all links minus links of trashed rows": the first part reads only the
 * covering tag indexes, the second only the (small) trash through its partial indexes (INDEXED BY
 * and CROSS JOIN pin that order: without statistics the planner otherwise scans every quote).
 */
const TAG_COUNTS_PROPOSED = `WITH
  all_sources AS MATERIALIZED (SELECT tag_id, count(*) AS n FROM source_tags GROUP BY tag_id),
  dead_sources AS MATERIALIZED (SELECT l.tag_id, count(*) AS n FROM sources s INDEXED BY sources_in_trash CROSS JOIN source_tags l ON l.source_id = s.id WHERE s.deleted_at IS NOT NULL GROUP BY l.tag_id),
  all_quotes AS MATERIALIZED (SELECT tag_id, count(*) AS n FROM quote_tags GROUP BY tag_id),
  dead_quote_ids AS MATERIALIZED (
    SELECT id FROM quotes INDEXED BY quotes_in_trash WHERE deleted_at IS NOT NULL
    UNION SELECT q.id FROM sources s INDEXED BY sources_in_trash CROSS JOIN quotes q ON q.source_id = s.id WHERE s.deleted_at IS NOT NULL),
  dead_quotes AS MATERIALIZED (SELECT l.tag_id, count(*) AS n FROM dead_quote_ids d CROSS JOIN quote_tags l ON l.quote_id = d.id GROUP BY l.tag_id)
  SELECT t.id, t.path, t.color,
    coalesce(a.n, 0) - coalesce(b.n, 0) AS sourceCount,
    coalesce(c.n, 0) - coalesce(d.n, 0) AS quoteCount
  FROM tags t LEFT JOIN all_sources a ON a.tag_id = t.id LEFT JOIN dead_sources b ON b.tag_id = t.id
    LEFT JOIN all_quotes c ON c.tag_id = t.id LEFT JOIN dead_quotes d ON d.tag_id = t.id
  ORDER BY t.path_key`;

/** quotes.list's total for the whole library, as db/repositories/quotes.ts counts it. */
const QUOTE_TOTAL_PRODUCT = 'SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.deleted_at IS NULL AND s.deleted_at IS NULL';
/** The same number from the live-quotes partial index, minus live quotes of trashed sources. */
const QUOTE_TOTAL_PROPOSED = `SELECT (SELECT count(*) FROM quotes WHERE deleted_at IS NULL)
  - (SELECT count(*) FROM sources s INDEXED BY sources_in_trash CROSS JOIN quotes q ON q.source_id = s.id WHERE s.deleted_at IS NOT NULL AND q.deleted_at IS NULL)`;

export interface Alternative {
  label: string;
  product: Summary;
  proposed: Summary;
  same: boolean;
  productPlan: string[];
  proposedPlan: string[];
}

function plan(db: Database.Database, sql: string): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail);
}

function compare(db: Database.Database, label: string, productSql: string, proposedSql: string, iterations: number): Alternative {
  const product = db.prepare(productSql);
  const proposed = db.prepare(proposedSql);
  const same = JSON.stringify(product.raw().all()) === JSON.stringify(proposed.raw().all());
  const times = { product: [] as number[], proposed: [] as number[] };
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    times.product.push(timeSync(() => product.all()));
    times.proposed.push(timeSync(() => proposed.all()));
  }
  return { label, product: summarise(times.product), proposed: summarise(times.proposed), same, productPlan: plan(db, productSql), proposedPlan: plan(db, proposedSql) };
}

export function libraryAlternatives(db: Database.Database, iterations: number): Alternative[] {
  return [
    compare(db, 'tags.list counts', TAG_COUNTS_PRODUCT, TAG_COUNTS_PROPOSED, iterations),
    compare(db, 'quotes.list total (whole library)', QUOTE_TOTAL_PRODUCT, QUOTE_TOTAL_PROPOSED, iterations),
  ];
}

/** Raw capped candidate statements (quotes, newest N matches with bm25) at several caps. */
export function capSweep(db: Database.Database, terms: readonly string[], caps: readonly number[]): { cap: number; summary: Summary }[] {
  return caps.map((cap) => {
    const statement = db.prepare(`SELECT rowid, bm25(quotes_fts, 4.0, 2.0, 1.0) FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ${cap}`);
    for (const term of terms.slice(0, 5)) statement.all(`"${term}"`);
    return { cap, summary: summarise(terms.map((term) => timeSync(() => statement.all(`"${term}"`)))) };
  });
}

export interface FilterProxy {
  filter: string;
  /** Live quotes the filter keeps (of all quotes). */
  share: number;
  /** The search with this filter, through the contract ("the" + filter). */
  contract: Summary;
  /** A word whose quote count matches the filter's, and the bare FTS5 `"the" AND "word"` statement. */
  proxyTerm: string;
  proxyDocs: number;
  proxy: Summary;
}

/**
 * What a filter would cost if it were a term in the word index (a `facets` column holding
 * tokens such as kind_imagery or tag_<id>): FTS5 then intersects doclists itself and stops after
 * the newest FILTERED_CANDIDATE_CAP hits. Measured with a real word of the same document frequency.
 */
export function proxyStatement(db: Database.Database, limit: number): Database.Statement {
  return db.prepare(`SELECT rowid, bm25(quotes_fts, 4.0, 2.0, 1.0) FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ${limit}`);
}

export function nearestTerm(docs: ReadonlyMap<string, number>, target: number): { term: string; docs: number } {
  let best = { term: '', docs: Number.POSITIVE_INFINITY };
  for (const [term, count] of docs) {
    if (term.length < 4) continue;
    if (Math.abs(Math.log(count / target)) < Math.abs(Math.log(best.docs / target))) best = { term, docs: count };
  }
  return best;
}
