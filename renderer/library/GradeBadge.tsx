import {
  combinedGrade,
  CREDIBILITY_LABELS,
  describeReliability,
  type CredibilityGrade,
  type ReliabilityGrade,
} from '../../src/domain/admiralty';

/** A source's reliability (A–F) or a quote's combined grade (e.g. B2), with its meaning on hover. */
export function GradeBadge({
  reliability,
  credibility,
  quote = false,
}: {
  reliability: ReliabilityGrade | null;
  credibility?: CredibilityGrade | null;
  quote?: boolean;
}) {
  if (!quote) {
    return (
      <span className={reliability ? `grade grade-${reliability}` : 'grade grade-none'} title={describeReliability(reliability)}>
        {reliability ?? 'Ungraded'}
      </span>
    );
  }
  const grade = combinedGrade(reliability, credibility ?? null);
  const meaning = `${describeReliability(reliability)}; ${credibility ? `${credibility} — ${CREDIBILITY_LABELS[credibility]}` : 'information ungraded'}`;
  return (
    <span className={credibility && reliability ? 'grade' : 'grade grade-none'} title={meaning} aria-label={`Grade ${grade}: ${meaning}`}>
      {grade}
    </span>
  );
}
