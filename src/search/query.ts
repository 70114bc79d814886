import { cjkRunQuery, cjkRuns } from './cjk';

/** Longest search input considered; the rest is ignored rather than refused. */
export const MAX_QUERY_LENGTH = 500;

export interface ParsedQuery {
  /** FTS5 MATCH expression for the word index, or null when there are no word terms. */
  words: string | null;
  /** FTS5 MATCH expression for the CJK pair index, or null when there is no CJK text. */
  cjk: string | null;
  /** The CJK runs searched for, to locate them in text for snippets. */
  cjkRuns: string[];
  /** Plain terms, for highlighting outside FTS. */
  terms: string[];
  /** Each word token on its own: its FTS5 expression and its words folded as the index folds them. */
  phrases: QueryPhrase[];
}

/** One quoted word or phrase of the word index query. */
export interface QueryPhrase {
  /** The FTS5 expression for this phrase alone (e.g. `"nato summit"` or `"miss"*`). */
  match: string;
  /** Its words, lower-cased without diacritics, as the unicode61 tokenizer stores them. */
  words: string[];
  /** Whether the last word matches as a prefix. */
  prefix: boolean;
}

/** A word as the index stores it: lower case, diacritics removed (unicode61 remove_diacritics 2). */
export function foldWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

interface Token {
  text: string;
  phrase: boolean;
  prefix: boolean;
}

/** Splits user input into words, "quoted phrases" (closing quote optional) and prefix* terms. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"?(\*)?|(\S+)/g;
  for (const match of input.slice(0, MAX_QUERY_LENGTH).matchAll(pattern)) {
    if (match[1] !== undefined) tokens.push({ text: match[1], phrase: true, prefix: match[2] === '*' });
    else if (match[3] !== undefined) {
      const raw = match[3];
      const prefix = raw.endsWith('*');
      tokens.push({ text: prefix ? raw.replace(/\*+$/, '') : raw, phrase: false, prefix });
    }
  }
  return tokens;
}

/** Letters and digits only: what the unicode61 tokenizer would keep, minus CJK runs. */
function wordPart(text: string): string {
  return text
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]+/gu, ' ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** Every term becomes a quoted FTS5 string, so no input can be read as FTS syntax. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Turns what a person typed into safe FTS5 expressions. Operators, NEAR(, column filters,
 * stray quotes and parentheses are just text here: the result is results or nothing, never
 * a syntax error.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const words: string[] = [];
  const cjk: string[] = [];
  const runs: string[] = [];
  const terms: string[] = [];
  const phrases: QueryPhrase[] = [];
  for (const token of tokenize(input.normalize('NFKC'))) {
    const plain = wordPart(token.text);
    if (plain !== '') {
      const match = `${quote(plain)}${token.prefix ? '*' : ''}`;
      words.push(match);
      terms.push(...plain.split(' '));
      phrases.push({ match, words: plain.split(' ').map(foldWord), prefix: token.prefix });
    }
    for (const run of cjkRuns(token.text)) {
      cjk.push(cjkRunQuery(run));
      runs.push(run);
    }
  }
  return {
    words: words.length > 0 ? words.join(' AND ') : null,
    cjk: cjk.length > 0 ? cjk.join(' AND ') : null,
    cjkRuns: runs,
    terms,
    phrases,
  };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words === null && query.cjk === null;
}
