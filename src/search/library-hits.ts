import type { SearchWithBriefings } from '../domain/briefing-search';
import { combinedGrade } from '../domain/quote';
import { snippetParts } from '../domain/search';

/** A quote or whole source offered for citing or linking, with the line that says what it is. */
export interface LibraryHit {
  ref: { kind: 'quote' | 'source'; id: string };
  text: string;
  detail: string;
}

/** A search snippet without its match marks. */
export function plainSnippet(snippet: string): string {
  return snippetParts(snippet)
    .map((part) => part.text)
    .join('');
}

/** What a library search found, quotes first, as the evidence picker and the library panel list it. */
export function libraryHits(found: SearchWithBriefings | null): LibraryHit[] {
  if (!found) return [];
  return [
    ...found.quotes.items.map((quote) => ({
      ref: { kind: 'quote' as const, id: quote.id },
      text: plainSnippet(quote.snippet),
      detail: `${quote.sourceTitle} · ${combinedGrade(quote.reliability, quote.credibility)}`,
    })),
    ...found.sources.items.map((source) => ({
      ref: { kind: 'source' as const, id: source.id },
      text: source.title,
      detail: `Whole source · ${source.reliability ?? '?'}`,
    })),
  ];
}
