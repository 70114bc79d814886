// citation-js ships no type declarations; these cover the few internals Warrant calls.

declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  /** A BibTeX entry as the grammar reads it: field values are still LaTeX. */
  export interface RawBibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
  }
  export function parse(text: string): RawBibtexEntry[];
}

declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  import type { RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
  /** Decodes LaTeX in every field and maps BibLaTeX entries to CSL items. */
  export function parse(entries: RawBibtexEntry[]): Record<string, unknown>[];
}

declare module '@citation-js/plugin-ris/lib/ris.js' {
  /** Splits RIS text into records of tag → value(s). */
  export function parse(text: string): Record<string, string | string[]>[];
  /** Maps one RIS record (old or new tag set) to a CSL item. */
  export function parseMixed(record: Record<string, string | string[]>): Record<string, unknown>;
}

declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** The `@string` macros the grammar starts every file with. */
  export const defaultStrings: Record<string, string>;
}
