import type { DocumentCount } from '../briefing/word-count';
import type { CitationTarget } from '../domain/briefing';
import type { TradecraftProblem } from './problem';

/** One citation in the body as the editor resolved it; `key` is whatever locates it (the node key). */
export interface CitationState {
  readonly key: string;
  /** Its number in the document, for the message (1-based), if known. */
  readonly number?: number;
  readonly target: Pick<CitationTarget, 'kind' | 'state'>;
}

/** The product's limit and each section's own cap, against the counts of `countSerialized`. */
export function checkWordLimits(count: DocumentCount, wordLimit: number | null, productName = 'this product'): TradecraftProblem[] {
  const problems: TradecraftProblem[] = [];
  if (wordLimit !== null && count.total > wordLimit) {
    problems.push({
      code: 'over-word-limit',
      severity: 'warning',
      message: `The text has ${count.total.toLocaleString('en')} words, over the ${wordLimit.toLocaleString('en')}-word limit of ${productName} by ${(count.total - wordLimit).toLocaleString('en')}.`,
      location: { kind: 'document' },
    });
  }
  for (const section of count.sections) {
    if (section.cap === null || section.words <= section.cap) continue;
    const name = section.heading === '' ? 'A section' : `The section “${section.heading}”`;
    problems.push({
      code: 'section-over-cap',
      severity: 'warning',
      message: `${name} has ${section.words.toLocaleString('en')} words, over its cap of ${section.cap.toLocaleString('en')}.`,
      location: { kind: 'section', sectionId: section.sectionId },
    });
  }
  return problems;
}

/** Citations whose quote or source is in the trash or gone. */
export function checkCitations(citations: readonly CitationState[]): TradecraftProblem[] {
  return citations
    .filter((citation) => citation.target.state !== 'live')
    .map((citation) => ({
      code: 'broken-citation' as const,
      severity: 'error' as const,
      message: `${citation.number === undefined ? 'A citation' : `Citation ${citation.number}`}: the cited ${citation.target.kind} ${citation.target.state === 'trashed' ? 'is in the trash' : 'no longer exists'}.`,
      location: { kind: 'citation' as const, key: citation.key },
    }));
}
