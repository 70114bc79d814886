/** How much of a known text OCR found, for the OCR tests. */

/** Share of the units of `expected` found, in order, in `found` (longest common subsequence). */
export function recall(expected: readonly string[], found: readonly string[]): number {
  let row = new Array<number>(found.length + 1).fill(0);
  for (const unit of expected) {
    const next = [0];
    for (let j = 0; j < found.length; j += 1) next.push(unit === found[j] ? (row[j] ?? 0) + 1 : Math.max(row[j + 1] ?? 0, next[j] ?? 0));
    row = next;
  }
  return (row[found.length] ?? 0) / expected.length;
}

/** Words, lower-cased, punctuation dropped. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Characters other than spaces and punctuation (for scripts written without spaces). */
export const characters = (text: string): string[] => Array.from(text.replace(/[\s\p{P}]/gu, ''));
