import type { SourceDraft } from '../domain/source';
import type { PersonName } from './names';

/** One entry of an imported file, mapped and validated, ready to become (or merge into) a source. */
export interface ImportRecord {
  /** Its place among the file's entries (0-based), which names it in duplicate decisions. */
  ordinal: number;
  /** Citation key (BibTeX, RIS `ID`, CSL `id`), when the file gives one. */
  key: string | null;
  /** 1-based line where the entry starts. */
  line: number;
  draft: SourceDraft;
  doi: string | null;
  isbn: string | null;
  /**
   * The authors' structured names when the file gave them (they spell `draft.author` exactly), as
   * the JSON text they are stored as: a read holds every entry, and text is a third of the objects.
   */
  authorNamesJson: string | null;
  /** Tag paths from the entry's keywords. */
  tags: string[];
  /** Things dropped or changed on the way in (a refused URL, an unreadable date). */
  warnings: string[];
}

/** Fields the interchange formats carry beyond the source draft; stored beside each source. */
export interface Identifiers {
  doi: string | null;
  isbn: string | null;
}

/** A source as exported: its draft fields, identifiers and tag paths. */
export interface ExportSource extends Identifiers {
  id: string;
  draft: SourceDraft;
  /** Structured author names (family, given), when an import knew them. */
  authorNames: PersonName[] | null;
  tags: string[];
}

/** How an entry is named in a report: its key, else its title, else only its line in the file. */
export function entryName(entry: { readonly key: string | null; readonly title?: string; readonly line: number }): string {
  if (entry.key) return `“${entry.key}” (line ${entry.line})`;
  if (entry.title) return `“${entry.title.length > 120 ? `${entry.title.slice(0, 120)}…` : entry.title}” (line ${entry.line})`;
  return `the entry at line ${entry.line}`;
}
