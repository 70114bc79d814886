import type Database from 'better-sqlite3';
import { sourceFilterSql } from '../db/repositories/sources';
import { type Workspace } from '../db/workspace';
import { type Dispatcher } from '../src/contract/dispatch';
import { type SourceFilter, type SourceSortKey } from '../src/domain/source';
import { since, summarise, type Summary } from './stats';

export interface ListCase {
  label: string;
  sort: SourceSortKey;
  direction: 'asc' | 'desc';
  filter?: SourceFilter;
}

export interface ListResult {
  label: string;
  /** `dispatcher.call('sources.list', …)`: first page, 100 rows. */
  contract: Summary;
  /** `workspace.sources.list(…)`: the same without validation. */
  repository: Summary;
  /** The page statement alone (mirrored from sources.ts). */
  pageSql: Summary;
  /** The total (count) statement alone. */
  countSql: Summary;
  /** Proposed page + count statements together (same rows and total, checked), where there is a proposal. */
  proposedSql: Summary | null;
  /** What the proposal changes: 'order' (index-friendly ORDER BY) or 'tag' (tag subtree by ids, count from links). */
  proposal: 'order' | 'tag' | null;
  /** Whether SQLite sorts the whole filtered table for this page (USE TEMP B-TREE FOR ORDER BY). */
  sortsInTempBtree: boolean;
  total: number;
}

/** Columns and ORDER BY of db/repositories/sources.ts, mirrored here to time the statements one by one. */
const COLUMNS = `s.num, s.id, s.title, s.kind, s.url, s.author, s.publisher, s.published_date, s.accessed_date, s.language, s.reliability, s.notes,
  EXISTS (SELECT 1 FROM snapshots sn WHERE sn.source_id = s.id) AS has_snapshot, s.created_at, s.updated_at`;

function productOrderBy(sort: SourceSortKey, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'title':
      return `s.title COLLATE NOCASE ${dir}, s.num ${dir}`;
    case 'published':
      return `s.published_date IS NULL, s.published_date ${dir}, s.num ${dir}`;
    case 'accessed':
      return `s.accessed_date IS NULL, s.accessed_date ${dir}, s.num ${dir}`;
    case 'reliability':
      return `s.reliability IS NULL, s.reliability ${dir}, s.num ${dir}`;
    case 'updated':
      return `s.updated_at ${dir}, s.num ${dir}`;
  }
}

const NULLABLE: Partial<Record<SourceSortKey, string>> = { published: 's.published_date', accessed: 's.accessed_date', reliability: 's.reliability' };

/**
 * The same order, written so that the sort key's index (sources_by_published etc.) can deliver
 * it: descending needs no `IS NULL` term (SQLite already puts NULLs last when descending);
 * ascending reads the non-null rows in index order, then the NULL ones (SQLite runs the arms of
 * UNION ALL in order; in the product this would be two statements, the second only when the first
 * runs out of rows).
 */
function indexedPageSql(sort: SourceSortKey, direction: 'asc' | 'desc', where: string, params: unknown[]): { sql: string; args: unknown[] } | null {
  const column = NULLABLE[sort];
  if (!column) return null;
  const page = { limit: 100, offset: 0 };
  if (direction === 'desc') return { sql: `SELECT ${COLUMNS} FROM sources s WHERE ${where} ORDER BY ${column} DESC, s.num DESC LIMIT @limit OFFSET @offset`, args: [...params, page] };
  return {
    sql: `SELECT * FROM (SELECT * FROM (SELECT ${COLUMNS} FROM sources s WHERE ${where} AND ${column} IS NOT NULL ORDER BY ${column}, s.num LIMIT @limit + @offset)
          UNION ALL SELECT * FROM (SELECT ${COLUMNS} FROM sources s WHERE ${where} AND ${column} IS NULL ORDER BY s.num LIMIT @limit + @offset)) LIMIT @limit OFFSET @offset`,
    args: [...params, ...params, page],
  };
}

/**
 * A tag filter resolved to its subtree's tag ids first (a few rows of `tags`). The total counts
 * distinct tagged sources from the links alone, minus trashed ones; then the page either matches
 * source numbers from a set built through the covering id index (few tagged sources), or walks
 * the sort index testing each source's own links (many tagged sources: the page fills quickly).
 */
const TAG_SET_LIMIT = 5000;

function tagStatements(
  db: Database.Database,
  listCase: ListCase,
): { page: string; walk: string; count: string; pageArgs: unknown[]; countArgs: unknown[] } | null {
  const tagId = listCase.filter?.tagId;
  if (!tagId || Object.keys(listCase.filter ?? {}).length !== 1) return null;
  const ids = JSON.stringify(
    db
      .prepare(`SELECT c.id FROM tags c JOIN tags root ON root.id = ? WHERE c.path_key = root.path_key OR substr(c.path_key, 1, length(root.path_key) + 1) = root.path_key || '/'`)
      .pluck()
      .all(tagId),
  );
  const tagged = 'SELECT x.num FROM source_tags l CROSS JOIN sources x ON x.id = l.source_id WHERE l.tag_id IN (SELECT value FROM json_each(?))';
  return {
    page: `SELECT ${COLUMNS} FROM sources s WHERE s.deleted_at IS NULL AND s.num IN (${tagged}) ORDER BY ${productOrderBy(listCase.sort, listCase.direction)} LIMIT ? OFFSET ?`,
    walk: `SELECT ${COLUMNS} FROM sources s WHERE s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM source_tags l WHERE l.source_id = s.id AND +l.tag_id IN (SELECT value FROM json_each(?)))
      ORDER BY ${productOrderBy(listCase.sort, listCase.direction)} LIMIT ? OFFSET ?`,
    pageArgs: [ids, 100, 0],
    count: `SELECT (SELECT count(DISTINCT source_id) FROM source_tags WHERE tag_id IN (SELECT value FROM json_each(?)))
      - (SELECT count(DISTINCT l.source_id) FROM sources s INDEXED BY sources_in_trash CROSS JOIN source_tags l ON l.source_id = s.id
         WHERE s.deleted_at IS NOT NULL AND l.tag_id IN (SELECT value FROM json_each(?)))`,
    countArgs: [ids, ids],
  };
}

function explain(db: Database.Database, sql: string, params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

async function contractList(dispatcher: Dispatcher, listCase: ListCase): Promise<number> {
  const result = await dispatcher.call('sources.list', { sort: listCase.sort, direction: listCase.direction, ...(listCase.filter ? { filter: listCase.filter } : {}) });
  if (!result.ok) throw new Error(`sources.list ${listCase.label} failed: ${result.error.message}`);
  return (result.value as { total: number }).total;
}

export async function runListBench(options: {
  dispatcher: Dispatcher;
  workspace: () => Workspace;
  raw: Database.Database;
  cases: ListCase[];
  iterations: number;
  plans: Record<string, string[]>;
}): Promise<ListResult[]> {
  const results: ListResult[] = [];
  for (const listCase of options.cases) {
    const { where, params } = sourceFilterSql(listCase.filter ?? {});
    const pageSql = `SELECT ${COLUMNS} FROM sources s WHERE ${where} ORDER BY ${productOrderBy(listCase.sort, listCase.direction)} LIMIT ? OFFSET ?`;
    const page = options.raw.prepare(pageSql);
    const count = options.raw.prepare(`SELECT count(*) FROM sources s WHERE ${where}`).pluck();
    const plan = explain(options.raw, pageSql, [...params, 100, 0]);
    options.plans[`sources.list ${listCase.label}`] = plan;
    // The proposal, if any: page and count statements, checked to give the same rows and total.
    let proposal: ListResult['proposal'] = null;
    let runProposed: (() => { ids: string; total: number }) | null = null;
    const indexedSql = indexedPageSql(listCase.sort, listCase.direction, where, params);
    const tag = tagStatements(options.raw, listCase);
    if (indexedSql) {
      const indexed = options.raw.prepare(indexedSql.sql);
      options.plans[`sources.list ${listCase.label} (index-friendly ORDER BY)`] = explain(options.raw, indexedSql.sql, indexedSql.args);
      proposal = 'order';
      runProposed = () => ({ ids: (indexed.all(...indexedSql.args) as { id: string }[]).map((row) => row.id).join(), total: count.get(...params) as number });
    } else if (tag) {
      const tagPage = options.raw.prepare(tag.page);
      const tagWalk = options.raw.prepare(tag.walk);
      const tagCount = options.raw.prepare(tag.count).pluck();
      options.plans[`sources.list ${listCase.label} (tag by ids)`] = explain(options.raw, tag.page, tag.pageArgs);
      options.plans[`sources.list ${listCase.label} (tag walk)`] = explain(options.raw, tag.walk, tag.pageArgs);
      proposal = 'tag';
      runProposed = () => {
        const total = tagCount.get(...tag.countArgs) as number;
        const rows = (total <= TAG_SET_LIMIT ? tagPage : tagWalk).all(...tag.pageArgs) as { id: string }[];
        return { ids: rows.map((row) => row.id).join(), total };
      };
    }
    if (runProposed) {
      const expected = { ids: (page.all(...params, 100, 0) as { id: string }[]).map((row) => row.id).join(), total: count.get(...params) as number };
      const actual = runProposed();
      if (expected.ids !== actual.ids || expected.total !== actual.total) throw new Error(`the proposed statements for ${listCase.label} return other rows`);
    }
    const times = { contract: [] as number[], repository: [] as number[], pageSql: [] as number[], countSql: [] as number[], proposed: [] as number[] };
    let total = 0;
    for (let iteration = -2; iteration < options.iterations; iteration += 1) {
      let start = process.hrtime.bigint();
      total = await contractList(options.dispatcher, listCase);
      const contractMs = since(start);
      start = process.hrtime.bigint();
      options.workspace().sources.list({ sort: listCase.sort, direction: listCase.direction, limit: 100, offset: 0, filter: listCase.filter ?? {} });
      const repositoryMs = since(start);
      start = process.hrtime.bigint();
      page.all(...params, 100, 0);
      const pageMs = since(start);
      start = process.hrtime.bigint();
      count.get(...params);
      const countMs = since(start);
      let proposedMs = Number.NaN;
      if (runProposed) {
        start = process.hrtime.bigint();
        runProposed();
        proposedMs = since(start);
      }
      if (iteration < 0) continue;
      times.contract.push(contractMs);
      times.repository.push(repositoryMs);
      times.pageSql.push(pageMs);
      times.countSql.push(countMs);
      if (runProposed) times.proposed.push(proposedMs);
    }
    results.push({
      label: listCase.label,
      contract: summarise(times.contract),
      repository: summarise(times.repository),
      pageSql: summarise(times.pageSql),
      countSql: summarise(times.countSql),
      proposedSql: runProposed ? summarise(times.proposed) : null,
      proposal,
      sortsInTempBtree: plan.some((detail) => detail.includes('TEMP B-TREE FOR ORDER BY')),
      total,
    });
  }
  return results;
}
