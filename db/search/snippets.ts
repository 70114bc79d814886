import type Database from 'better-sqlite3';
import { MATCH_END, MATCH_START } from '../../src/domain/search';
import type { ParsedQuery } from '../../src/search/query';
import { SNIPPET_WORDS, wordSnippet } from '../../src/search/snippet';

const CJK_CONTEXT = 40;

/** Snippets for word queries: cut in JS from the row's own text, or by FTS5 when that finds none. */
export class SnippetStatements {
  constructor(private readonly prepare: (sql: string) => Database.Statement) {}

  /**
   * The fields come from the row already read, so most snippets cost no query. FTS5's snippet()
   * is the fallback (a match in a snapshot, or text this reading tokenises differently); it
   * re-runs the MATCH, which for a prefix means expanding it again.
   */
  words(table: string, query: ParsedQuery, fields: readonly string[], num: number): string {
    const cut = wordSnippet(fields, query.phrases);
    if (cut !== null) return cut;
    const snippet = this.prepare(
      `SELECT snippet(${table}, -1, ?, ?, '…', ${SNIPPET_WORDS}) FROM ${table} WHERE ${table} MATCH ? AND rowid = ?`,
    )
      .pluck()
      .get(MATCH_START, MATCH_END, query.words, num) as string | undefined;
    return snippet ?? fields[0]?.slice(0, CJK_CONTEXT * 2) ?? '';
  }
}

/** A snippet around the first CJK run found, cut from the first field that holds it (read lazily). */
export function cjkSnippet(query: ParsedQuery, fields: readonly (string | (() => string))[]): string {
  let first = '';
  for (const [index, entry] of fields.entries()) {
    const field = typeof entry === 'function' ? entry() : entry;
    if (index === 0) first = field;
    const normalised = field.normalize('NFKC');
    for (const run of query.cjkRuns) {
      const at = normalised.indexOf(run);
      if (at < 0) continue;
      const start = Math.max(0, at - CJK_CONTEXT);
      const end = Math.min(normalised.length, at + run.length + CJK_CONTEXT);
      return `${start > 0 ? '…' : ''}${normalised.slice(start, at)}${MATCH_START}${run}${MATCH_END}${normalised.slice(at + run.length, end)}${end < normalised.length ? '…' : ''}`;
    }
  }
  return first.slice(0, CJK_CONTEXT * 2);
}
