/**
 * One way to show a moment across the workbench (lists of briefings, matrices, revisions, the trash,
 * comments, the change log): the day and the minute in the analyst's own locale, with the full date to
 * the second as the tooltip and the exact instant in `dateTime`. The formats are made on first use:
 * their first construction loads the browser's date data, which the start does not need.
 */
let short: Intl.DateTimeFormat | null = null;
let full: Intl.DateTimeFormat | null = null;

function dateOf(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The day and minute of `iso`, e.g. “5 Dec 2026, 21:36” in en-GB; empty for a value that is not a date. */
function formatWhen(iso: string): string {
  const date = dateOf(iso);
  if (!date) return '';
  short ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return short.format(date);
}

export function When({ iso }: { iso: string }) {
  const date = dateOf(iso);
  if (!date) return null;
  full ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });
  return (
    <time dateTime={iso} title={full.format(date)}>
      {formatWhen(iso)}
    </time>
  );
}
