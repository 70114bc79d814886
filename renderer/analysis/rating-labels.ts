import type { AchRating, AchWeight } from '../../src/analysis/ach';

/** Heuer's scale in words, for screen readers, tooltips and the legend. */
export const RATING_LABELS: Readonly<Record<AchRating, string>> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral or not applicable',
  I: 'inconsistent',
  II: 'very inconsistent',
};

export const WEIGHT_LABELS: Readonly<Record<AchWeight, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Scores are sums of quarters; one decimal is what they need. */
export function scoreText(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '–';
}
