import { isPartialIsoDate } from '../domain/fields';
import { cleanDoi } from './identifiers';

/** One RIS record as citation-js splits it: tag → value, or values when the tag repeats. */
export type RisRecord = Record<string, string | string[]>;

/**
 * Tags that hold one value. Exports repeat some of them (Ovid writes `DO` twice, some `PB`); the
 * first valid value is kept and the others go into the notes, so nothing is dropped unseen.
 */
const SINGLE_TAGS: Readonly<Record<string, string>> = {
  DO: 'DOI',
  PB: 'Publisher',
  TI: 'Title',
  T1: 'Title',
  CY: 'Place',
  LA: 'Language',
  ET: 'Edition',
  SN: 'ISSN/ISBN',
  VL: 'Volume',
  IS: 'Issue',
  SP: 'Start page',
  EP: 'End page',
  ID: 'Reference ID',
  UR: 'URL',
};
const DATE_TAGS = ['PY', 'Y1', 'DA', 'Y2'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

const values = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');

/** A date as far as it is valid: YYYY, YYYY-MM or YYYY-MM-DD; years below 1000 are not years. */
function partial(year: number | undefined, month?: number, day?: number): string | null {
  if (year === undefined || !Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const y = String(year);
  if (month === undefined || !(month >= 1 && month <= 12)) return y;
  const ym = `${y}-${pad(month)}`;
  if (day === undefined || !(day >= 1)) return ym;
  const ymd = `${ym}-${pad(day)}`;
  return isPartialIsoDate(ymd) ? ymd : ym;
}

/** What a RIS date value says: `2018`, `2018/06/19/`, `2019//`, `2018-06`, or a month (and day) alone. */
interface DateReading {
  year?: number;
  month?: number;
  day?: number;
  /** The reading used every part of the value. */
  whole: boolean;
}

function readRisDate(value: string): DateReading | null {
  const numeric = /^(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2})(?:[/-].*)?)?)?$/.exec(value);
  if (numeric) {
    const [, y, m, d] = numeric;
    return { year: Number(y), month: m ? Number(m) : undefined, day: d ? Number(d) : undefined, whole: true };
  }
  // Web of Science and EndNote give the month by name: "SEP", "Mar 1", "JUN 19", "2018 Sep 5".
  const named = /^(?:(\d{4})\s+)?([A-Za-z]{3})[A-Za-z]*\.?(?:\s+(\d{1,2}))?$/.exec(value);
  const month = named ? MONTHS.indexOf((named[2] ?? '').toLowerCase()) + 1 : 0;
  if (named && month > 0)
    return { year: named[1] ? Number(named[1]) : undefined, month, day: named[3] ? Number(named[3]) : undefined, whole: true };
  const year = /\b(\d{4})\b/.exec(value);
  return year ? { year: Number(year[1]), whole: false } : null;
}

/**
 * The publication date of a RIS record: the year from `PY`/`Y1`, month and day from `DA`/`Y2`
 * (or `Y1`) as far as they are valid and agree with that year. Whatever is dropped is said.
 */
export function risPublished(record: RisRecord): { date: string | null; warnings: string[] } {
  const warnings: string[] = [];
  const yearValue = values(record.PY)[0] ?? values(record.Y1)[0];
  const detailValue = values(record.DA)[0] ?? values(record.Y2)[0];
  const main = yearValue === undefined ? null : readRisDate(yearValue);
  const detail = detailValue === undefined ? null : readRisDate(detailValue);
  const year = main?.year ?? detail?.year;
  if (yearValue !== undefined && (main?.year === undefined || partial(main.year) === null))
    warnings.push(`its year “${yearValue}” could not be read`);
  let month = main?.month;
  let day = main?.day;
  if (detail && (detail.year === undefined || detail.year === year)) {
    month = detail.month ?? month;
    day = detail.month !== undefined ? detail.day : day;
  }
  const date = partial(year, month, day);
  if (
    detailValue !== undefined &&
    (!detail ||
      !detail.whole ||
      (detail.year !== undefined && detail.year !== year) ||
      (date !== null && detail.month !== undefined && date.length < 7))
  ) {
    warnings.push(`its date “${detailValue}” was read only as ${date ?? 'no date'}`);
  }
  if (date === null && (yearValue ?? detailValue) !== undefined && warnings.length === 0)
    warnings.push('its publication date could not be read and was left out');
  return { date, warnings };
}

/**
 * Repeated single-value tags reduced to their first valid value (for `DO`, the first that reads
 * as a DOI), the others kept as note lines; the date tags taken out, as Warrant reads them itself.
 */
export function tidyRisRecord(record: RisRecord): { record: RisRecord; extraNotes: string[] } {
  const tidy: RisRecord = {};
  const extraNotes: string[] = [];
  for (const [tag, value] of Object.entries(record)) {
    if (DATE_TAGS.includes(tag)) continue;
    const label = SINGLE_TAGS[tag];
    if (label === undefined || !Array.isArray(value)) {
      tidy[tag] = value;
      continue;
    }
    const all = values(value);
    const first = (tag === 'DO' ? all.find((v) => cleanDoi(v) !== null) : undefined) ?? all[0];
    if (first === undefined) continue;
    tidy[tag] = first;
    const others = [
      ...new Set(all.filter((v) => v !== first && (tag !== 'DO' || cleanDoi(v)?.toLowerCase() !== cleanDoi(first)?.toLowerCase()))),
    ];
    for (const other of others) extraNotes.push(`${label} also given as: ${other}`);
  }
  return { record: tidy, extraNotes };
}
