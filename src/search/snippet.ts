import { MATCH_END, MATCH_START } from '../domain/search';
import { foldWord, type QueryPhrase } from './query';

/** Words shown around a match, as FTS5's snippet() would show (its last argument). */
export const SNIPPET_WORDS = 14;
/** Words shown before the first match, so it reads in context. */
const LEAD_WORDS = 4;
/**
 * Words read from one field at most. Fields longer than this (a long note) may hold their only
 * match further on; the caller then asks FTS5 for the snippet instead.
 */
const SCAN_WORDS = 5000;

/**
 * A word as the unicode61 tokenizer sees one: letters, digits, marks and private-use
 * characters. The indexer sets CJK runs apart, so each run is a word of its own.
 */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC])[\p{L}\p{N}\p{M}\p{Co}])+/gu;

interface Word {
  start: number;
  end: number;
  folded: string;
}

const PLAIN = /^[\x20-\x7e]*$/;

/** foldWord, without its four normalisations for the plain ASCII words most text is made of. */
function fold(word: string): string {
  return PLAIN.test(word) ? word.toLowerCase() : foldWord(word);
}

/**
 * The words of `text` up to the window around its first match: reading stops SNIPPET_WORDS
 * words after it. `more` says whether the text goes on after the last word read.
 */
function wordsOf(text: string, phrases: readonly QueryPhrase[]): { words: Word[]; first: number; more: boolean } {
  const words: Word[] = [];
  const longest = Math.max(...phrases.map((phrase) => phrase.words.length));
  let first = -1;
  for (const match of text.matchAll(WORD)) {
    if (words.length >= SCAN_WORDS || (first >= 0 && words.length >= first + SNIPPET_WORDS + longest)) return { words, first, more: true };
    words.push({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]) });
    // A phrase ending at the newest word may start up to `longest - 1` words back.
    if (first < 0) {
      for (let at = Math.max(0, words.length - longest); at < words.length && first < 0; at += 1)
        if (longestMatchAt(words, at, phrases) > 0) first = at;
    }
  }
  return { words, first, more: false };
}

/** How many words of `phrase` match starting at `at`, or 0. */
function matchAt(words: Word[], at: number, phrase: QueryPhrase): number {
  const count = phrase.words.length;
  if (at + count > words.length) return 0;
  for (let index = 0; index < count; index += 1) {
    const word = (words[at + index] as Word).folded;
    const wanted = phrase.words[index] as string;
    const last = index === count - 1;
    if (!(word === wanted || (last && phrase.prefix && word.startsWith(wanted)))) return 0;
  }
  return count;
}

function longestMatchAt(words: Word[], at: number, phrases: readonly QueryPhrase[]): number {
  let longest = 0;
  for (const phrase of phrases) longest = Math.max(longest, matchAt(words, at, phrase));
  return longest;
}

/**
 * The snippet FTS5 would give for the first field holding a match of `phrases`, built from text
 * the caller already has (no second full-text query per result): a window of words around the
 * first match with every match in it marked, and "…" where the field goes on. Null when no
 * field holds a match (then the match is in text the caller did not pass, or was tokenised in a
 * way this reading does not follow): ask FTS5.
 */
export function wordSnippet(fields: readonly string[], phrases: readonly QueryPhrase[]): string | null {
  if (phrases.length === 0) return null;
  for (const field of fields) {
    const { words, first, more } = wordsOf(field, phrases);
    if (first < 0) continue;
    const from = Math.max(0, Math.min(first - LEAD_WORDS, words.length - SNIPPET_WORDS));
    const to = Math.min(words.length, from + SNIPPET_WORDS);
    let out = from > 0 ? '…' : '';
    let cursor = (words[from] as Word).start;
    for (let at = from; at < to;) {
      const length = Math.min(longestMatchAt(words, at, phrases), to - at);
      if (length === 0) {
        at += 1;
        continue;
      }
      const start = (words[at] as Word).start;
      const end = (words[at + length - 1] as Word).end;
      out += `${field.slice(cursor, start)}${MATCH_START}${field.slice(start, end)}${MATCH_END}`;
      cursor = end;
      at += length;
    }
    out += field.slice(cursor, (words[to - 1] as Word).end);
    return to < words.length || more ? `${out}…` : out;
  }
  return null;
}
