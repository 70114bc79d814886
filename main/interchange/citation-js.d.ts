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
  /** Field name → [container, kind]: how the value grammar reads a field. */
  export const fieldTypes: Record<string, [string, string] | undefined>;
  export const commands: Record<string, string | undefined>;
  export const mathCommands: Record<string, string | undefined>;
  export const diacritics: Record<string, string | undefined>;
  export const formattingEnvs: Record<string, string | undefined>;
  export const formattingCommands: Record<string, string | undefined>;
  export const argumentCommands: Record<string, unknown>;
  /** Format name → [opening, closing] markup. */
  export const formatting: Record<string, [string, string] | undefined>;
  export const ligaturePattern: RegExp;
  export const ligatures: Record<string, string | undefined>;
}

declare module '@citation-js/plugin-bibtex/lib/input/name.js' {
  /** One word of a name as the grammar reads it; `upperCase` is null when it has no cased letter. */
  export interface NamePart {
    value: string;
    upperCase: boolean | null;
  }
  export function getStringCase(text: string): boolean | null;
  /** The comma-separated pieces of one name, ordered into CSL name parts. */
  export function orderNamePieces(pieces: NamePart[][]): unknown;
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** Decodes one field's LaTeX value as citation-js does. */
  export function parse(text: string, field: string, languages?: unknown): unknown;
}

declare module '@citation-js/plugin-bibtex/lib/mapping/index.js' {
  /** Maps entries whose values are decoded to CSL items (BibLaTeX rules, crossref within the list). */
  export function parse(entries: { type: string; label: string; properties: Record<string, unknown> }[]): Record<string, unknown>[];
}

declare module '@citation-js/plugin-bibtex/lib/mapping/shared.js' {
  interface ToTarget {
    toTarget(...values: unknown[]): unknown;
  }
  /** The value converters of citation-js's BibLaTeX → CSL rules (dates, titles, names, lists). */
  export const Converters: Record<
    'DATE' | 'YEAR_MONTH' | 'TITLE' | 'PICK' | 'NAMES' | 'NAMES_ORCID' | 'KEYWORDS' | 'HOW_PUBLISHED',
    ToTarget
  >;
}
