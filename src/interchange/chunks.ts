/** One piece of an imported file, found before any field is parsed. */
export type FileChunk =
  /** An entry or record to parse; `key` is the citation key when the format has one. */
  | { kind: 'entry'; text: string; line: number; key: string | null }
  /** A BibTeX `@string` macro definition; later entries may use it. */
  | { kind: 'macro'; text: string; line: number }
  /** A stretch that cannot be an entry; it is reported and the split resumes after it. */
  | { kind: 'broken'; line: number; key: string | null; reason: string };

/** Counts lines as a scanner moves forward through text, without rescanning from the start. */
export class LineCounter {
  private position = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The 1-based line of `offset`; offsets must not go backwards. */
  at(offset: number): number {
    for (let i = this.position; i < offset; i += 1) if (this.text.charCodeAt(i) === 10) this.line += 1;
    this.position = Math.max(this.position, offset);
    return this.line;
  }
}
