import type Database from 'better-sqlite3';
import { type SourceFilter, type SourceKind } from '../src/domain/source';
import { type Rng } from './prng';
import { CJK_QUERY_WORDS, COLLOCATIONS } from './vocabulary';

export const QUERY_CATEGORIES = ['common', 'mid', 'rare', 'prefix', 'phrase', 'and', 'cjk', 'filter', 'tag'] as const;
export type QueryCategory = (typeof QUERY_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<QueryCategory, string> = {
  common: 'very common word (≥ 5% of quotes)',
  mid: 'mid-frequency word (0.1–1%)',
  rare: 'rare word (≤ 50 quotes, some none)',
  prefix: 'prefix, 2–5 letters (miss*)',
  phrase: 'two-word phrase ("…")',
  and: 'two or three words (AND)',
  cjk: 'Japanese / Chinese / Korean',
  filter: 'word + kind or reliability filter',
  tag: 'word + tag filter',
};

export interface BenchQuery {
  category: QueryCategory;
  text: string;
  filter?: SourceFilter;
}

export interface TermBands {
  common: string[];
  mid: string[];
  rare: string[];
  /** Quote-document frequency of every word term, for reporting. */
  docs: Map<string, number>;
}

const WORD = /^[a-z]{2,}$/;

/** Word terms of the quote index grouped by how many quotes contain them (fts5vocab, temp schema only). */
export function termBands(db: Database.Database): TermBands {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_quote_terms USING fts5vocab(main, quotes_fts, row)');
  const total = db.prepare('SELECT count(*) FROM quotes').pluck().get() as number;
  const rows = db.prepare('SELECT term, doc FROM temp.bench_quote_terms ORDER BY term').all() as { term: string; doc: number }[];
  const docs = new Map<string, number>();
  const bands: TermBands = { common: [], mid: [], rare: [], docs };
  for (const { term, doc } of rows) {
    if (!WORD.test(term)) continue;
    docs.set(term, doc);
    if (doc >= total * 0.05) bands.common.push(term);
    else if (doc >= total * 0.001 && doc <= total * 0.01) bands.mid.push(term);
    else if (doc <= 50 && term.length >= 5) bands.rare.push(term);
  }
  return bands;
}

const KIND_FILTERS: SourceKind[][] = [
  ['news_report'],
  ['official_statement'],
  ['speech'],
  ['speech', 'interview'],
  ['imagery'],
  ['dataset'],
  ['document', 'official_statement'],
  ['social_media_post'],
];
const RELIABILITY_FILTERS: NonNullable<SourceFilter['reliability']>[] = [
  ['A'],
  ['A', 'B'],
  ['B', 'C'],
  ['ungraded'],
  ['E', 'F'],
  ['A', 'B', 'ungraded'],
];

/**
 * The search workload: `perCategory` queries in each category, shuffled together so that no
 * category runs with the caches another one warmed. Drawn with `rng` from the index itself, so
 * the same workspace and seed give the same queries.
 */
export function buildQueries(
  db: Database.Database,
  rng: Rng,
  perCategory: number,
  tagIds: { id: string; path: string }[],
): { queries: BenchQuery[]; bands: TermBands } {
  const bands = termBands(db);
  if (bands.common.length === 0 || bands.mid.length === 0 || bands.rare.length === 0)
    throw new Error('The workspace is too small for the query mix.');
  const queries: BenchQuery[] = [];
  const add = (category: QueryCategory, make: () => string | BenchQuery): void => {
    for (let index = 0; index < perCategory; index += 1) {
      const made = make();
      queries.push(typeof made === 'string' ? { category, text: made } : made);
    }
  };
  const common = (): string => rng.pick(bands.common);
  const mid = (): string => rng.pick(bands.mid);
  const rare = (): string => rng.pick(bands.rare);

  add('common', common);
  add('mid', mid);
  // One in ten rare queries finds nothing at all (a typo, a name not in the library).
  add('rare', () => (rng.chance(0.1) ? `${rare().slice(0, -2)}qz` : rare()));
  const prefixable = [...bands.common, ...bands.mid].filter((term) => term.length >= 6);
  let prefixCount = 0;
  add('prefix', () => {
    prefixCount += 1;
    if (prefixCount % 10 === 0) return 'miss*';
    const term = rng.pick(prefixable);
    return `${term.slice(0, rng.int(2, 5))}*`;
  });
  const sampleQuote = db.prepare('SELECT text FROM quotes WHERE num = ?').pluck();
  const maxNum = db.prepare('SELECT max(num) FROM quotes').pluck().get() as number;
  const twoWordCollocations = COLLOCATIONS.map((phrase) => phrase.split(' ')).filter((words) => words.length >= 2);
  add('phrase', () => {
    if (rng.chance(0.3)) {
      const words = rng.pick(twoWordCollocations);
      const at = rng.int(0, words.length - 2);
      return `"${words[at]} ${words[at + 1]}"`;
    }
    for (;;) {
      const words = (sampleQuote.get(rng.int(1, maxNum)) as string | undefined)?.toLowerCase().match(/[a-z]{2,}/g) ?? [];
      if (words.length < 2) continue;
      const at = rng.int(0, words.length - 2);
      return `"${words[at]} ${words[at + 1]}"`;
    }
  });
  const mixes: (() => string)[] = [
    () => `${common()} ${mid()}`,
    () => `${mid()} ${mid()}`,
    () => `${common()} ${common()}`,
    () => `${mid()} ${rare()}`,
    () => `${common()} ${mid()} ${mid()}`,
  ];
  add('and', () => rng.pick(mixes)());
  add('cjk', () => rng.pick(CJK_QUERY_WORDS));
  add('filter', () => {
    const text = rng.chance(0.4) ? common() : rng.chance(0.67) ? mid() : `${common()} ${mid()}`;
    const filter: SourceFilter = rng.chance(0.5) ? { kinds: rng.pick(KIND_FILTERS) } : { reliability: rng.pick(RELIABILITY_FILTERS) };
    return { category: 'filter', text, filter };
  });
  add('tag', () => ({ category: 'tag', text: rng.chance(0.5) ? common() : mid(), filter: { tagId: rng.pick(tagIds).id } }));
  return { queries: rng.shuffle(queries), bands };
}
