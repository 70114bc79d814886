import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../db/search-indexer';
import { CANDIDATE_CAP } from '../../db/repositories/search';
import { QuoteDraftSchema } from '../../src/domain/quote';
import { MATCH_END, MATCH_START, type SearchResults } from '../../src/domain/search';
import { failure, ids, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();

beforeEach(() => {
  lib.open();
});

afterEach(() => {
  lib.close();
});

function sourceIds(text: string): string[] {
  return ids(lib.search(text).sources.items);
}

function quoteIds(text: string): string[] {
  return ids(lib.search(text).quotes.items);
}

const EMPTY: SearchResults = {
  sources: { items: [], total: 0, capped: false, order: 'relevance' },
  quotes: { items: [], total: 0, capped: false, order: 'relevance' },
};

describe('word search over sources and quotes', () => {
  it('finds a source by a word in its title, author, publisher or notes', () => {
    const title = lib.source({ title: 'Stoltenberg arrives in Tokyo' });
    const author = lib.source({ title: 'Report one', author: 'Hiroko Tabuchi' });
    const publisher = lib.source({ title: 'Report two', publisher: 'Yonhap News Agency' });
    const notes = lib.source({ title: 'Report three', notes: 'Cross-check with the Ministry transcript.' });
    expect(sourceIds('Stoltenberg')).toEqual([title.id]);
    expect(sourceIds('Tabuchi')).toEqual([author.id]);
    expect(sourceIds('yonhap')).toEqual([publisher.id]);
    expect(sourceIds('transcript')).toEqual([notes.id]);
    expect(sourceIds('nowhere')).toEqual([]);
  });

  it('finds a quote by a word in its text, speaker or note, with its source and grades', () => {
    const source = lib.source({ title: 'Keio speech', reliability: 'A' });
    const text = lib.quote(source.id, { text: 'We face the most dangerous security situation in decades.', credibility: '2' });
    const speaker = lib.quote(source.id, { text: 'Another line.', speaker: 'Shinzo Abe' });
    const note = lib.quote(source.id, { text: 'A third line.', note: 'Compare with the Seoul remarks.' });
    expect(lib.search('dangerous').quotes.items).toEqual([
      { id: text.id, sourceId: source.id, sourceTitle: 'Keio speech', reliability: 'A', credibility: '2', snippet: expect.any(String) },
    ]);
    expect(quoteIds('Abe')).toEqual([speaker.id]);
    expect(quoteIds('Seoul')).toEqual([note.id]);
  });

  it('follows edits: a quote is found by its new words, not its old ones', () => {
    const source = lib.source({ title: 'Source' });
    const quote = lib.quote(source.id, { text: 'Original wording here' });
    lib.ws.quotes.update(quote.id, QuoteDraftSchema.parse({ ...quote, text: 'Revised wording here' }));
    expect(quoteIds('original')).toEqual([]);
    expect(quoteIds('revised')).toEqual([quote.id]);
  });

  it('matches prefixes with tok*', () => {
    const source = lib.source({ title: 'Missile defence cooperation' });
    const quote = lib.quote(source.id, { text: 'Missiles were launched over Hokkaido.' });
    expect(sourceIds('miss*')).toEqual([source.id]);
    expect(quoteIds('miss*')).toEqual([quote.id]);
    expect(quoteIds('m*')).toEqual([quote.id]);
    expect(sourceIds('miss')).toEqual([]);
    expect(quoteIds('Hokk*')).toEqual([quote.id]);
  });

  it('matches a "quoted phrase" only with its words adjacent and in order', () => {
    const source = lib.source({ title: 'Source' });
    const exact = lib.quote(source.id, { text: 'a global threat needs a global response' });
    lib.quote(source.id, { text: 'the response to the threat was global' });
    expect(quoteIds('"global response"')).toEqual([exact.id]);
    expect(quoteIds('"response global"')).toEqual([]);
    // The closing quote is optional.
    expect(quoteIds('"global response')).toEqual([exact.id]);
  });

  it('needs every term (AND), in any field', () => {
    const both = lib.source({ title: 'Stoltenberg in Seoul', notes: 'Visit to the DMZ' });
    lib.source({ title: 'Stoltenberg in Tokyo' });
    lib.source({ title: 'Moon in Seoul' });
    expect(sourceIds('Stoltenberg Seoul')).toEqual([both.id]);
    expect(sourceIds('seoul dmz stoltenberg')).toEqual([both.id]);
    expect(sourceIds('Stoltenberg Pyongyang')).toEqual([]);
  });

  it('folds diacritics both ways', () => {
    const cafe = lib.source({ title: 'Meeting at the Café Zürich' });
    const quote = lib.quote(cafe.id, { text: 'Señor Müller déclined to comment.' });
    expect(sourceIds('cafe')).toEqual([cafe.id]);
    expect(sourceIds('zurich')).toEqual([cafe.id]);
    expect(sourceIds('CAFÉ')).toEqual([cafe.id]);
    expect(quoteIds('senor muller declined')).toEqual([quote.id]);
    // Decomposed input (e + combining acute) is the same word.
    expect(sourceIds('cafe\u0301')).toEqual([cafe.id]);
  });

  it('ranks a title match above a notes-only match', () => {
    for (let i = 0; i < 5; i += 1) lib.source({ title: `Filler ${i}`, notes: 'Unrelated material about fisheries.' });
    const inNotes = lib.source({
      title: 'Background pack',
      notes: 'Covers the Zapad exercise among many other long topics of the season and the region.',
    });
    const inTitle = lib.source({ title: 'Zapad exercise overview' });
    const inSnapshot = lib.source({ title: 'Some capture' });
    lib.snapshot(inSnapshot.id, 'Long captured text mentioning Zapad once among many other words of context.');
    const found = sourceIds('zapad');
    expect(found[0]).toBe(inTitle.id);
    expect(new Set(found)).toEqual(new Set([inTitle.id, inNotes.id, inSnapshot.id]));
  });

  it('marks the matched word in snippets', () => {
    const source = lib.source({ title: 'Stoltenberg visits Tokyo', notes: 'He met the Prime Minister.' });
    lib.quote(source.id, { text: 'The threat from North Korea is global.' });
    const results = lib.search('global');
    expect(results.quotes.items[0]?.snippet).toContain(`${MATCH_START}global${MATCH_END}`);
    expect(lib.search('tokyo').sources.items[0]?.snippet).toContain(`${MATCH_START}Tokyo${MATCH_END}`);
    expect(lib.search('minister').sources.items[0]?.snippet).toContain(`${MATCH_START}Minister${MATCH_END}`);
    expect(lib.search('glob*').quotes.items[0]?.snippet).toContain(`${MATCH_START}global${MATCH_END}`);
  });

  it('limits the items but counts them all, and is not capped for small sets', () => {
    const source = lib.source({ title: 'Source' });
    for (let i = 0; i < 7; i += 1) {
      lib.source({ title: `Sanctions report ${i}` });
      lib.quote(source.id, { text: `Sanctions line ${i}` });
    }
    const results = lib.search('sanctions', {}, 3);
    expect(results.sources).toMatchObject({ total: 7, capped: false });
    expect(results.sources.items).toHaveLength(3);
    expect(results.quotes).toMatchObject({ total: 7, capped: false });
    expect(results.quotes.items).toHaveLength(3);
    expect(lib.search('sanctions', {}, 100).quotes.items).toHaveLength(7);
  });
});

describe('large result sets', () => {
  it('counts at most the candidate cap and says the count is capped', () => {
    const raw = lib.raw();
    const insert = raw.prepare(
      "INSERT INTO sources (id, title, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    raw.transaction(() => {
      for (let i = 0; i < CANDIDATE_CAP + 5; i += 1) insert.run(`bulk-${i}`, `Common word ${i}`);
      // Rows written behind the store's back are indexed when the workspace next opens.
      raw.exec("DELETE FROM index_state WHERE name = 'search'");
    })();
    lib.reopen();
    const results = lib.search('common', {}, 10);
    // More matches than bm25 may rank as you type: newest first, and said so.
    expect(results.sources).toMatchObject({ total: CANDIDATE_CAP, capped: true, order: 'newest' });
    expect(results.sources.items.map((item) => item.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Common word ${CANDIDATE_CAP + 4 - i}`),
    );
    expect(results.sources.items[0]?.snippet).toBe(`${MATCH_START}Common${MATCH_END} word ${CANDIDATE_CAP + 4}`);
    expect(results.quotes).toEqual({ items: [], total: 0, capped: false, order: 'relevance' });
    // A filter looks only among the newest FILTER_SCAN_CAP matches, and says the count is capped.
    expect(lib.search('common', { reliability: ['A'] }, 10).sources).toEqual({ items: [], total: 0, capped: true, order: 'newest' });
    // A word in few documents is still ranked by relevance alongside it.
    lib.source({ title: 'Rare rare rare', notes: 'common' });
    lib.source({ title: 'Rare mention' });
    const rare = lib.search('rare', {}, 10).sources;
    expect(rare).toMatchObject({ total: 2, capped: false, order: 'relevance' });
    expect(rare.items.map((item) => item.title)).toEqual(['Rare rare rare', 'Rare mention']);
  });
});

describe('filters and the trash in search', () => {
  it('combines kind, reliability and tag filters for sources and quotes', () => {
    const nato = lib.tag('Actor/NATO');
    const sg = lib.tag('Actor/NATO/SG');
    const speech = lib.source({ title: 'Sanctions speech', kind: 'speech', reliability: 'A' });
    const report = lib.source({ title: 'Sanctions report', kind: 'news_report', reliability: 'C' });
    const ungraded = lib.source({ title: 'Sanctions blog', kind: 'social_media_post', reliability: null });
    const q1 = lib.quote(speech.id, { text: 'Sanctions must be enforced.' });
    const q2 = lib.quote(report.id, { text: 'Sanctions are leaking.' });
    lib.quote(ungraded.id, { text: 'Sanctions never work.' });
    lib.ws.tags.apply(
      [sg.id],
      [
        { kind: 'source', id: speech.id },
        { kind: 'quote', id: q1.id },
      ],
      false,
    );
    lib.ws.tags.apply(
      [nato.id],
      [
        { kind: 'source', id: report.id },
        { kind: 'quote', id: q2.id },
      ],
      false,
    );

    expect(ids(lib.search('sanctions', { kinds: ['speech'] }).sources.items)).toEqual([speech.id]);
    expect(ids(lib.search('sanctions', { kinds: ['speech'] }).quotes.items)).toEqual([q1.id]);
    expect(lib.search('sanctions', { reliability: ['ungraded'] }).sources.items.map((item) => item.title)).toEqual(['Sanctions blog']);
    expect(lib.search('sanctions', { reliability: ['A', 'C'] }).quotes.total).toBe(2);
    expect(lib.search('sanctions', { tagId: nato.id }).sources.total).toBe(2);
    expect(lib.search('sanctions', { tagId: nato.id }).quotes.total).toBe(2);
    expect(ids(lib.search('sanctions', { tagId: nato.id, reliability: ['C'] }).sources.items)).toEqual([report.id]);
    expect(ids(lib.search('sanctions', { tagId: nato.id, kinds: ['news_report'], reliability: ['C'] }).quotes.items)).toEqual([q2.id]);
    expect(lib.search('sanctions', { tagId: sg.id, kinds: ['news_report'] })).toEqual(EMPTY);
  });

  it('leaves out trashed sources, trashed quotes and quotes of trashed sources, and brings them back on restore', () => {
    const kept = lib.source({ title: 'Kept Kimchi source' });
    const trashed = lib.source({ title: 'Trashed Kimchi source' });
    const keptQuote = lib.quote(kept.id, { text: 'Kimchi kept' });
    const trashedQuote = lib.quote(kept.id, { text: 'Kimchi trashed' });
    const orphan = lib.quote(trashed.id, { text: 'Kimchi with a trashed source' });
    lib.ws.quotes.trash(trashedQuote.id);
    lib.ws.sources.trash(trashed.id);
    expect(sourceIds('kimchi')).toEqual([kept.id]);
    expect(quoteIds('kimchi')).toEqual([keptQuote.id]);
    expect(lib.search('kimchi').quotes.total).toBe(1);
    lib.ws.trash.restore({ kind: 'source', id: trashed.id });
    expect(new Set(quoteIds('kimchi'))).toEqual(new Set([keptQuote.id, orphan.id]));
  });

  it('no longer finds anything once the trash is emptied', () => {
    const source = lib.source({ title: 'Purged Pyongyang source', notes: '北朝鮮' });
    lib.quote(source.id, { text: 'Purged Pyongyang quote 北朝鮮' });
    lib.ws.sources.trash(source.id);
    lib.ws.trash.empty();
    expect(lib.search('pyongyang')).toEqual(EMPTY);
    expect(lib.search('北朝鮮')).toEqual(EMPTY);
    const raw = lib.raw();
    expect(raw.prepare("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'pyongyang'").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'pyongyang'").pluck().get()).toBe(0);
  });

  it('leaves no CJK index entries behind when the trash is emptied', () => {
    // Regression guard: TrashRepository.empty() deletes the rows, and the word indexes follow by trigger,
    // but nothing removes their entries from the CJK pair indexes (quotes_cjk, sources_cjk).
    const source = lib.source({ title: '防衛省の発表' });
    lib.quote(source.id, { text: '北朝鮮のミサイル' });
    lib.ws.sources.trash(source.id);
    lib.ws.trash.empty();
    const raw = lib.raw();
    expect(raw.prepare(`SELECT count(*) FROM sources_cjk WHERE sources_cjk MATCH '"防衛"'`).pluck().get()).toBe(0);
    expect(raw.prepare(`SELECT count(*) FROM quotes_cjk WHERE quotes_cjk MATCH '"北朝"'`).pluck().get()).toBe(0);
  });
});

describe('hostile and odd input', () => {
  const HOSTILE = [
    'NEAR(',
    'NEAR(a b',
    '"',
    '""',
    '"""',
    'a OR',
    'OR',
    '*',
    '**',
    '-',
    '-a',
    '^',
    '^a',
    '(((',
    ')',
    'title:x',
    'snapshot:zapad',
    '{a b}',
    '{title}: x',
    'AND',
    'NOT x',
    'a NOT',
    '!!!',
    '   ',
    '',
    '\u0000',
    'a"b',
    '"a" "',
    "'",
    '\\',
    '%',
    '_',
    '*a',
    'a**',
    '"*"',
    '+a',
    'a:b:c',
    '\u0301',
    '\u0301*',
    '😀',
    '。、',
    'ー',
    '𠮷*',
    '"防衛',
    '防"衛',
  ];

  beforeEach(() => {
    const source = lib.source({ title: 'Zapad exercise', notes: 'NEAR the border, OR not; title: x' });
    lib.quote(source.id, { text: 'A NOT so simple AND tricky quote (with parentheses) and "quotes".' });
  });

  it('returns results or the empty state for FTS syntax, never an error', () => {
    for (const input of HOSTILE) {
      let results: SearchResults | undefined;
      expect(() => {
        results = lib.search(input);
      }, input).not.toThrow();
      expect(results?.sources.total, input).toBeGreaterThanOrEqual(0);
      expect(results?.quotes.items.length, input).toBeLessThanOrEqual(20);
    }
  });

  it('reads operators as plain words', () => {
    expect(lib.search('NEAR(').sources.total).toBe(1);
    expect(lib.search('NOT simple').quotes.total).toBe(1);
    expect(lib.search('title:x').sources.total).toBe(1);
    expect(lib.search('snapshot:zapad')).toEqual(EMPTY);
    expect(lib.search('!!!')).toEqual(EMPTY);
    expect(lib.search('*')).toEqual(EMPTY);
    expect(lib.search('""')).toEqual(EMPTY);
  });

  it('survives 2,000 characters of random unicode, many times over', () => {
    let state = 0x9e3779b9;
    const next = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state;
    };
    const syntax = ['"', '*', '(', ')', ':', '^', '-', '+', '{', '}', ' AND ', ' OR ', ' NOT ', ' NEAR(', ' ', ' ', '\u0000', '\\'];
    for (let round = 0; round < 60; round += 1) {
      let input = '';
      while (input.length < 2000) {
        const pick = next() % 10;
        if (pick < 3) input += syntax[next() % syntax.length] ?? '';
        else if (pick < 5)
          input += String.fromCharCode(next() % 0x10000); // may be a lone surrogate
        else if (pick < 7)
          input += String.fromCodePoint(0x4e00 + (next() % 0x5000)); // Han
        else {
          const point = next() % 0x110000;
          input += String.fromCodePoint(point >= 0xd800 && point <= 0xdfff ? 0x41 : point);
        }
      }
      input = input.slice(0, 2000);
      expect(() => lib.search(input), `round ${round}`).not.toThrow();
    }
  });
});

describe('Chinese, Japanese and Korean', () => {
  it('finds Japanese in a quote and a source title by two characters, the whole word, and one character', () => {
    const source = lib.source({ title: '防衛省の発表' });
    const quote = lib.quote(source.id, { text: '防衛省は北朝鮮のミサイル発射を確認した。' });
    lib.source({ title: '外務省の声明' });
    for (const query of ['防衛', '防衛省', '衛']) {
      const results = lib.search(query);
      expect(ids(results.sources.items), query).toEqual([source.id]);
      expect(ids(results.quotes.items), query).toEqual([quote.id]);
    }
    expect(lib.search('防衛省').quotes.items[0]?.snippet).toContain(`${MATCH_START}防衛省${MATCH_END}`);
    expect(lib.search('衛省の発').sources.total).toBe(1);
    expect(lib.search('省防衛')).toEqual(EMPTY);
  });

  it('finds a single character at the end of a run', () => {
    // Regression guard: one-character queries become a prefix query over character pairs ("省"*), so a
    // character that only ends a run (防衛省 → 防衛 衛省) is never found.
    const source = lib.source({ title: '防衛省' });
    const korean = lib.source({ title: '국방부' });
    expect([sourceIds('省'), sourceIds('부')]).toEqual([[source.id], [korean.id]]);
  });

  it('finds Korean by a leading part of the word', () => {
    const source = lib.source({ title: '국방부 발표' });
    const quote = lib.quote(source.id, { text: '국방부는 북한의 미사일 발사를 규탄했다.' });
    expect(sourceIds('국방')).toEqual([source.id]);
    expect(quoteIds('국방')).toEqual([quote.id]);
    expect(quoteIds('국방부')).toEqual([quote.id]);
    expect(quoteIds('미사일')).toEqual([quote.id]);
  });

  it('finds Chinese by a word inside a run', () => {
    const source = lib.source({ title: '北约秘书长访问日本' });
    const quote = lib.quote(source.id, { text: '北约秘书长斯托尔滕贝格表示' });
    expect(sourceIds('秘书长')).toEqual([source.id]);
    expect(quoteIds('秘书长')).toEqual([quote.id]);
    expect(quoteIds('斯托尔滕贝格')).toEqual([quote.id]);
    expect(quoteIds('秘书处')).toEqual([]);
  });

  it('combines Latin words and CJK in one query (AND)', () => {
    const both = lib.source({ title: 'NATO 防衛 cooperation' });
    lib.source({ title: 'NATO summit' });
    lib.source({ title: '防衛 white paper' });
    const quote = lib.quote(both.id, { text: 'NATO and 防衛省 agree' });
    expect(sourceIds('NATO 防衛')).toEqual([both.id]);
    expect(quoteIds('NATO 防衛')).toEqual([quote.id]);
    expect(lib.search('NATO 防衛').sources.items[0]?.snippet).toContain(`${MATCH_START}NATO${MATCH_END}`);
    expect(sourceIds('Pyongyang 防衛')).toEqual([]);
  });

  it('finds a Latin word written directly against CJK text, as Japanese does', () => {
    // Regression guard: the unicode61 word tokenizer keeps "NATO事務総長が来日" as one token, and the query
    // side strips the CJK run, so "NATO" never matches it.
    const source = lib.source({ title: 'ストルテンベルグNATO事務総長が来日' });
    expect(sourceIds('事務総長')).toEqual([source.id]);
    expect(sourceIds('NATO')).toEqual([source.id]);
  });

  it('does not match a CJK word across two separate runs', () => {
    // Regression guard: every run's pairs are written into one token stream, so the last pair of one run
    // and the first pair of the next look adjacent: 日本 / 本部 match the phrase for 日本部.
    const source = lib.source({ title: '日本、本部' });
    const other = lib.source({ title: 'Tokyo', author: '日本', publisher: '本部' });
    expect(sourceIds('日本')).toEqual(expect.arrayContaining([source.id, other.id]));
    expect(sourceIds('日本部')).toEqual([]);
  });

  it('folds half-width katakana (NFKC) on both sides', () => {
    const source = lib.source({ title: 'ﾐｻｲﾙ発射' });
    expect(sourceIds('ミサイル')).toEqual([source.id]);
    expect(sourceIds('ﾐｻｲﾙ')).toEqual([source.id]);
  });

  it('finds full-width Latin letters, usual in Japanese text, by their ASCII form and as typed', () => {
    // Regression guard: queries are NFKC-normalised (ＮＡＴＯ → NATO) but the word index stores the text as
    // written, and unicode61 does not fold full-width forms, so ＮＡＴＯ in a source is unfindable.
    const source = lib.source({ title: 'ＮＡＴＯ事務総長 来日' });
    expect(sourceIds('事務総長')).toEqual([source.id]);
    expect(sourceIds('ＮＡＴＯ')).toEqual([source.id]);
    expect(sourceIds('NATO')).toEqual([source.id]);
  });

  it('rebuilds the search indexes on open when their state row is missing', () => {
    const source = lib.source({ title: '防衛省の発表' });
    const quote = lib.quote(source.id, { text: '北朝鮮のミサイル' });
    const raw = lib.raw();
    raw.exec("DELETE FROM index_state WHERE name = 'search'; DELETE FROM sources_cjk; DELETE FROM quotes_cjk;");
    expect(lib.search('防衛')).toEqual(EMPTY);
    lib.reopen();
    expect(sourceIds('防衛')).toEqual([source.id]);
    expect(quoteIds('北朝鮮')).toEqual([quote.id]);
    expect(lib.raw().prepare("SELECT version FROM index_state WHERE name = 'search'").pluck().get()).toBe(SEARCH_INDEX_VERSION);
  });

  it('keeps CJK search working across a plain reopen', () => {
    const source = lib.source({ title: '防衛省の発表' });
    lib.reopen();
    expect(sourceIds('防衛')).toEqual([source.id]);
  });
});

describe('transactions', () => {
  it('leaves no quote row and no index entry behind when a quote create fails', () => {
    const source = lib.source({ title: 'Transcript' });
    lib.snapshot(source.id, 'Opening remarks. 防衛省の発表 Closing remarks.');
    const error = failure(() => lib.quote(source.id, { text: '防衛省の発表 Opening', span: { start: 0, end: 11 }, note: 'Uniqueword' }));
    expect(error.code).toBe('invalid_input');
    const raw = lib.raw();
    expect(raw.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'uniqueword'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM quotes_cjk').pluck().get()).toBe(0);
    expect(lib.search('uniqueword').quotes.total).toBe(0);
    expect(lib.search('防衛省').quotes.total).toBe(0);
  });

  it('rolls back the word and CJK entries when the quote insert itself fails', () => {
    const source = lib.source({ title: 'Transcript' });
    const raw = lib.raw();
    raw.exec(
      "CREATE TRIGGER test_refuse AFTER INSERT ON quotes WHEN new.note = 'refuse' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
    );
    expect(() => lib.quote(source.id, { text: '防衛省 Uniqueword', note: 'refuse' })).toThrow(/refused by test/);
    expect(raw.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'uniqueword'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM quotes_cjk').pluck().get()).toBe(0);
    raw.exec('DROP TRIGGER test_refuse');
    const quote = lib.quote(source.id, { text: '防衛省 Uniqueword' });
    expect(quoteIds('uniqueword')).toEqual([quote.id]);
    expect(quoteIds('防衛省')).toEqual([quote.id]);
  });
});

describe('the trash and the indexes', () => {
  it('takes a trashed source and its quotes out of search, and puts them back on restore', () => {
    const source = lib.source({ title: 'Zeitenwende speech' });
    const quote = lib.quote(source.id, { text: 'A Zeitenwende in European security.' });
    const lone = lib.quote(source.id, { text: 'Zeitenwende means turning point.' });
    expect(sourceIds('zeitenwende')).toEqual([source.id]);
    expect(quoteIds('zeitenwende').sort()).toEqual([quote.id, lone.id].sort());

    lib.ws.quotes.trash(lone.id);
    expect(quoteIds('zeitenwende')).toEqual([quote.id]);
    lib.ws.sources.trash(source.id);
    expect(lib.search('zeitenwende')).toEqual(EMPTY);

    lib.ws.trash.restore({ kind: 'source', id: source.id });
    expect(sourceIds('zeitenwende')).toEqual([source.id]);
    // The quote trashed on its own stays in the trash; the one that went with the source is back.
    expect(quoteIds('zeitenwende')).toEqual([quote.id]);
    lib.ws.trash.restore({ kind: 'quote', id: lone.id });
    expect(quoteIds('zeitenwende').sort()).toEqual([quote.id, lone.id].sort());
  });
});
