import { describe, expect, it } from 'vitest';
import { addDays, localDay, reviewState } from '../../src/analysis/indicators';
import { isCalendarDay } from '../../src/domain/indicator';

describe('indicator review days', () => {
  it('is overdue after its review day, due on it, upcoming before it, and never once seen', () => {
    const open = { reviewOn: '2017-11-30', seenOn: null };
    expect(reviewState(open, '2017-12-01')).toBe('overdue');
    expect(reviewState(open, '2017-11-30')).toBe('due');
    expect(reviewState(open, '2017-11-29')).toBe('upcoming');
    expect(reviewState({ reviewOn: '2017-11-30', seenOn: '2017-11-02' }, '2018-06-01')).toBe('seen');
  });

  it('counts days by the calendar across months, leap days and years', () => {
    expect(addDays('2017-11-20', 30)).toBe('2017-12-20');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(localDay(new Date(2017, 10, 2, 23, 59))).toBe('2017-11-02');
  });

  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(['2017-11-02', '2020-02-29'].every(isCalendarDay)).toBe(true);
    expect(['2017-02-29', '2017-13-01', '2017-11-2', '2017-11', ''].some(isCalendarDay)).toBe(false);
  });
});
