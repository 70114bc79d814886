import type { SourceDraft } from '../../src/domain/source';

/** The columns of a `sources` row that make up a source's draft, as SQLite returns them. */
export interface SourceDraftRow {
  title: string;
  kind: SourceDraft['kind'];
  url: string | null;
  author: string;
  publisher: string;
  published_date: string | null;
  accessed_date: string | null;
  language: string;
  reliability: SourceDraft['reliability'];
  notes: string;
}

/** A row's draft fields in the domain's names (one mapping for the repository and the importer). */
export function sourceDraftOf(row: SourceDraftRow): SourceDraft {
  return {
    title: row.title,
    kind: row.kind,
    url: row.url,
    author: row.author,
    publisher: row.publisher,
    publishedDate: row.published_date,
    accessedDate: row.accessed_date,
    language: row.language,
    reliability: row.reliability,
    notes: row.notes,
  };
}
