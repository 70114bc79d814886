// Apart from search.ts's schemas (built by zod at import): the library's results render snippets.

/** Snippets mark matches with these two characters (never HTML), for the UI to highlight. */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

/** Splits a snippet into plain and matched parts, for rendering as text (never as markup). */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let current = '';
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      if (current !== '') parts.push({ text: current, match });
      current = '';
      match = char === MATCH_START;
    } else current += char;
  }
  if (current !== '') parts.push({ text: current, match });
  return parts;
}
