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
    file: string;
    sample: string;
    reason: string;
  }
  export function findingsFromSarif(sarif: unknown, readScanned: (file: string) => string): Finding[];
  export function unlisted(findings: Finding[], allowlist: AllowEntry[]): Finding[];
}
