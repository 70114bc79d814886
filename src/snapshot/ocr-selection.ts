import { sliceCodePoints, toCodePointOffset } from '../text/code-points';
import type { OcrWord } from './ocr';

/** A point in an image's word overlay: which word, and how far into its text (UTF-16). */
export interface WordPoint {
  item: number;
  offset: number;
}

/**
 * The span of the snapshot text (code points) a selection over an image's OCR words covers:
 * from the start point's word to the end point's, with what the stored text holds between them
 * (spaces, line breaks), and without whitespace at its ends; null when it selects no character.
 */
export function spanOfWordSelection(
  text: string,
  words: readonly OcrWord[],
  start: WordPoint,
  end: WordPoint,
): { start: number; end: number } | null {
  const at = ({ item, offset }: WordPoint): number | null => {
    const word = words[item];
    if (!word) return null;
    const content = sliceCodePoints(text, word.start, word.end);
    return Math.min(word.end, word.start + toCodePointOffset(content, Math.max(0, offset)));
  };
  let from = at(start);
  let to = at(end);
  if (from === null || to === null) return null;
  const chars = Array.from(text);
  while (from < to && /\s/u.test(chars[from] ?? '')) from += 1;
  while (to > from && /\s/u.test(chars[to - 1] ?? '')) to -= 1;
  return to > from ? { start: from, end: to } : null;
}
