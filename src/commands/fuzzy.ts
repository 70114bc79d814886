/**
 * Fuzzy matching for the command palette: the query's letters must appear in the title in order
 * (spaces in the query are ignored), so "gotr" finds "Go to Trash". The best placement of the
 * letters counts: letters that start a word or follow the previous one score higher, gaps lower.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = [...query.toLowerCase().replace(/\s+/g, '')];
  if (needle.length === 0) return 0;
  const hay = [...text.toLowerCase()];
  const wordStart = hay.map((_, at) => at === 0 || !/[\p{L}\p{N}]/u.test(hay[at - 1] ?? ''));
  // best[j]: the best score with the current letter of the query placed at hay[j].
  let best: (number | null)[] = hay.map((letter, at) =>
    letter === needle[0] ? 1 + (wordStart[at] ? 2 : 0) - Math.min(at, 3) * 0.25 : null,
  );
  for (const letter of needle.slice(1)) {
    best = hay.map((candidate, at) => {
      if (candidate !== letter) return null;
      let top: number | null = null;
      for (let before = 0; before < at; before++) {
        const previous = best[before];
        if (previous === null || previous === undefined) continue;
        const step = 1 + (before === at - 1 ? 3 : 0) + (wordStart[at] ? 2 : 0) - Math.min(at - before - 1, 3) * 0.25;
        if (top === null || previous + step > top) top = previous + step;
      }
      return top;
    });
  }
  const scores = best.filter((score): score is number => score !== null);
  return scores.length === 0 ? null : Math.max(...scores);
}

/** The items whose text matches, best first; equal scores keep their order. */
export function fuzzyFilter<T>(query: string, items: readonly T[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
