import type { SourceDraft } from '../domain/source';
import type { Identifiers } from './record';

/** What merging an entry into an existing source may change. */
export interface Mergeable extends Identifiers {
  draft: SourceDraft;
  /** Structured author names as stored (JSON), when an import knew them. */
  authorNamesJson: string | null;
  tags: string[];
}

/**
 * Folds an imported entry into what is already there without overwriting an analyst's work:
 * empty fields are filled, notes that add something are appended, tags are united, and the
 * grade is never changed by an import.
 */
export function mergeInto(existing: Mergeable, incoming: Mergeable): Mergeable {
  const a = existing.draft;
  const b = incoming.draft;
  const notes = b.notes === '' || a.notes.includes(b.notes) ? a.notes : a.notes === '' ? b.notes : `${a.notes}\n\n${b.notes}`;
  const tags = new Map(existing.tags.map((tag) => [tag.toLowerCase(), tag]));
  for (const tag of incoming.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return {
    draft: {
      title: a.title,
      kind: a.kind === 'other' ? b.kind : a.kind,
      url: a.url ?? b.url,
      author: a.author || b.author,
      publisher: a.publisher || b.publisher,
      publishedDate: a.publishedDate ?? b.publishedDate,
      accessedDate: a.accessedDate ?? b.accessedDate,
      language: a.language || b.language,
      reliability: a.reliability,
      notes: notes.slice(0, 200_000),
    },
    // The names go with the author text they spell.
    authorNamesJson: a.author ? existing.authorNamesJson : incoming.authorNamesJson,
    doi: existing.doi ?? incoming.doi,
    isbn: existing.isbn ?? incoming.isbn,
    tags: [...tags.values()],
  };
}
