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
  for (const token of tokenize(input.normalize('NFKC'))) {
    const plain = wordPart(token.text);
    if (plain !== '') {
      words.push(`${quote(plain)}${token.prefix ? '*' : ''}`);
      terms.push(...plain.split(' '));
    }
    for (const run of cjkRuns(token.text)) {
      cjk.push(cjkRunQuery(run));
      runs.push(run);
    }
  }
  return { words: words.length > 0 ? words.join(' AND ') : null, cjk: cjk.length > 0 ? cjk.join(' AND ') : null, cjkRuns: runs, terms };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words === null && query.cjk === null;
}
