// Types for the plain-JS build scripts the tests import.
declare module '*/scripts/electronegativity-gate.mjs' {
  export interface Finding {
    check: string;
    level: string;
    file: string;
    line: number;
    sample: string;
  }
  export interface AllowEntry {
    check: string;
    /** The SARIF level reviewed; a finding at a higher level is not covered. */
    level: string;
    file: string;
    /** The exact flagged code (HTML: the whole line). */
    sample: string;
    reason: string;
  }
  export function findingsFromSarif(sarif: unknown, readScanned: (file: string) => string): Finding[];
  export function covers(entry: AllowEntry, finding: Finding): boolean;
  export function unlisted(findings: Finding[], allowlist: AllowEntry[]): Finding[];
  export function stale(findings: Finding[], allowlist: AllowEntry[]): AllowEntry[];
}
