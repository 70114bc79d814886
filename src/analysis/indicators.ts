import type { Indicator } from '../domain/indicator';

/** The calendar day of `at` where the analyst is (local time), as YYYY-MM-DD. */
export function localDay(at: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The day `days` after `day` (both YYYY-MM-DD), by the calendar, not by 24-hour steps. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const shifted = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days));
  return shifted.toISOString().slice(0, 10);
}

export type ReviewState = 'overdue' | 'due' | 'upcoming' | 'seen';

/**
 * Where an indicator stands on `today`: one already seen needs no review reminder; otherwise it is
 * overdue after its review day, due on it, upcoming before it. Days compare as text (YYYY-MM-DD).
 */
export function reviewState(indicator: Pick<Indicator, 'reviewOn' | 'seenOn'>, today: string): ReviewState {
  if (indicator.seenOn !== null) return 'seen';
  if (indicator.reviewOn < today) return 'overdue';
  return indicator.reviewOn === today ? 'due' : 'upcoming';
}

export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  overdue: 'Overdue',
  due: 'Due today',
  upcoming: 'Not yet due',
  seen: 'Seen',
};
