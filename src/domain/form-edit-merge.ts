// A form saves its whole draft, but the analyst changed only some of its fields. Knowing what the
// form loaded (its base) tells the host which: the others keep whatever is stored now, so a field
// someone else changed meanwhile (another tab, a teammate) is not written back with its old value.
import type { Quote, QuoteDraft } from './quote';
import type { Source, SourceDraft } from './source';

export interface FormEditMerge<T> {
  /** The stored record with the form's changed fields laid over it. */
  merged: T;
  /** Fields the form and the stored record both changed from the base, to different values. */
  clashes: (keyof T)[];
}

/** Equal as stored: a missing optional value is the same as none. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Three-way merge, field by field: what the form changed from `base` wins, everything else stays as `stored`. */
export function mergeFormEdit<T extends object>(stored: T, base: T, draft: T): FormEditMerge<T> {
  const merged = { ...stored };
  const clashes: (keyof T)[] = [];
  for (const field of Object.keys(draft) as (keyof T)[]) {
    if (sameValue(draft[field], base[field])) continue;
    merged[field] = draft[field];
    const changedElsewhere = !sameValue(stored[field], base[field]);
    if (changedElsewhere && !sameValue(stored[field], draft[field])) clashes.push(field);
  }
  return { merged, clashes };
}

/** A stored source as the draft that would write it unchanged. */
export function sourceDraftOf(source: Source): SourceDraft {
  return {
    title: source.title,
    kind: source.kind,
    url: source.url,
    author: source.author,
    publisher: source.publisher,
    publishedDate: source.publishedDate,
    accessedDate: source.accessedDate,
    language: source.language,
    reliability: source.reliability,
    notes: source.notes,
  };
}

/** A stored quote as the draft that would write it unchanged. */
export function quoteDraftOf(quote: Quote): QuoteDraft {
  return {
    sourceId: quote.sourceId,
    text: quote.text,
    snapshotId: quote.snapshotId,
    span: quote.span,
    page: quote.page,
    region: quote.region,
    paragraph: quote.paragraph,
    timestamp: quote.timestamp,
    speaker: quote.speaker,
    dateSaid: quote.dateSaid,
    credibility: quote.credibility,
    verbatim: quote.verbatim,
    note: quote.note,
  };
}
