/**
 * Chinese, Japanese and Korean text has no spaces between words, so a word tokenizer sees a
 * whole sentence as one token. Such runs are indexed as overlapping character pairs instead
 * (日本政府 → 日本 本政 政府), the usual approach for CJK search: any word of two or more
 * characters is then a phrase of pairs.
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]+/gu;

export function hasCjk(text: string): boolean {
  CJK_RUN.lastIndex = 0;
  return CJK_RUN.test(text);
}

/** The runs of CJK characters in `text`, in order. */
export function cjkRuns(text: string): string[] {
  return text.normalize('NFKC').match(CJK_RUN) ?? [];
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let index = 0; index + 1 < chars.length; index += 1) out.push(`${chars[index]}${chars[index + 1]}`);
  return out;
}

/** What goes into the CJK index for a piece of text: its pairs, space-separated ('' if none). */
export function cjkGrams(...fields: string[]): string {
  return fields.flatMap((field) => cjkRuns(field).map((run) => pairs(run).join(' '))).join(' ');
}

/** The FTS5 expression matching one CJK run: a phrase of its pairs, or a prefix for one character. */
export function cjkRunQuery(run: string): string {
  const grams = pairs(run);
  return grams.length === 1 && [...run].length === 1 ? `"${run}"*` : `"${grams.join(' ')}"`;
}
