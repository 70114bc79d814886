/** A word of a text with its UTF-16 offsets, lower-cased and with typographic apostrophes folded. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Letters and digits, with inner apostrophes kept (isn't, won’t) so negated contractions stay
 * one word. Hyphens split words: "highly-likely" reads as "highly likely".
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ word: match[0].toLowerCase().replace(/’/g, "'"), start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * Whether two neighbouring tokens may belong to one phrase: only spaces or hyphens between
 * them. "very. Likely" or "highly (un)likely" are not phrases.
 */
export function joinable(text: string, left: Token, right: Token): boolean {
  return /^[\s\-‐‑]+$/u.test(text.slice(left.end, right.start));
}

/** Sentences as offsets: a sentence ends at . ! ? or a line break (abbreviations split early, which only ever hides a problem). */
export function sentences(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const END = /[.!?…]+(?=\s|$)|\n+/gu;
  let start = 0;
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim() !== '') found.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim() !== '') found.push({ start, end: text.length });
  return found;
}
