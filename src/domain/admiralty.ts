/**
 * The Admiralty / NATO code (STANAG 2511). Source reliability and information credibility
 * are graded separately and written together, e.g. `B2`.
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABELS: Readonly<Record<ReliabilityGrade, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_GRADES = ['1', '2', '3', '4', '5', '6'] as const;
export type CredibilityGrade = (typeof CREDIBILITY_GRADES)[number];

export const CREDIBILITY_LABELS: Readonly<Record<CredibilityGrade, string>> = {
  '1': 'Confirmed by other sources',
  '2': 'Probably true',
  '3': 'Possibly true',
  '4': 'Doubtful',
  '5': 'Improbable',
  '6': 'Truth cannot be judged',
};

/** "B — Usually reliable", or "Ungraded" when no grade has been chosen yet. */
export function describeReliability(grade: ReliabilityGrade | null): string {
  return grade === null ? 'Ungraded' : `${grade} — ${RELIABILITY_LABELS[grade]}`;
}

/** The Admiralty grade of a quote as written, e.g. `B2`; `?` stands for an ungraded half. */
export function combinedGrade(reliability: string | null, credibility: string | null): string {
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}
