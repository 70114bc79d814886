/**
 * Chinese, Japanese and Korean text has no spaces between words, so a word tokenizer sees a
 * whole sentence as one token. Such runs are indexed as overlapping character pairs instead,
 * the usual approach for CJK search: any word of two or more characters is then a phrase of
 * pairs. Each run ends with its last character alone (日本政府 → 日本 本政 政府 府), so a
 * one-character search finds a character that only ends a word, and no phrase can run on
 * from one run into the next.
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

/** What goes into the CJK index for a piece of text: each run's pairs and its last character. */
export function cjkGrams(...fields: string[]): string {
  return fields
    .flatMap((field) =>
      cjkRuns(field).map((run) => {
        const chars = [...run];
        return chars.length === 1 ? run : [...pairs(run), chars[chars.length - 1]].join(' ');
      }),
    )
    .join(' ');
}

const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]+/gu;

/**
 * Text as the word index sees it: NFKC (full-width ＮＡＴＯ becomes NATO, as queries do) with
 * CJK runs set apart, so a Latin word written against CJK text (ストルテンベルグNATO事務総長)
 * is a word of its own.
 */
export function indexableText(text: string): string {
  return text.normalize('NFKC').replace(CJK_CHARS, (run) => ` ${run} `);
}

/** The FTS5 expression matching one CJK run: a phrase of its pairs, or a prefix for one character. */
export function cjkRunQuery(run: string): string {
  const grams = pairs(run);
  return grams.length === 1 && [...run].length === 1 ? `"${run}"*` : `"${grams.join(' ')}"`;
}
