import { reviewState } from '../analysis/indicators';
import { INDICATOR_DIRECTION_LABELS, type Indicator } from '../domain/indicator';
import { escapeHtml } from './escape';
import type { ExportModel } from './model';

/**
 * Annex E: the indicators of the briefing's key judgements and of its matrices' hypotheses, so a
 * reader knows what to watch for, what has been seen and on what evidence, and when each is to be
 * looked at again. "Overdue" is judged against the export's own date, printed beside it.
 */
export const INDICATORS_ANNEX_TITLE = 'Annex E: Indicators';

/** One indicator as every format lays it out: plain strings, escaped by each format. */
export interface IndicatorAnnexRow {
  readonly about: string;
  readonly text: string;
  readonly direction: string;
  readonly status: string;
  readonly review: string;
  readonly notes: string;
}

function evidenceText(indicator: Indicator): string {
  const evidence = indicator.evidence;
  if (!evidence) return '';
  if (evidence.state === 'missing') return ' (its evidence was deleted)';
  const words = evidence.kind === 'quote' ? `“${evidence.text}” (${evidence.sourceTitle})` : evidence.sourceTitle;
  return `: ${words}${evidence.state === 'trashed' ? ' [in the trash]' : ''}`;
}

export function indicatorAnnexRows(model: ExportModel): readonly IndicatorAnnexRow[] {
  const today = model.generatedAt.slice(0, 10);
  return (model.indicators ?? []).map((indicator) => ({
    about:
      indicator.owner.kind === 'judgement'
        ? `Key judgement: ${indicator.owner.subject || '(no statement)'}`
        : `Hypothesis (${indicator.owner.containerTitle}): ${indicator.owner.subject}`,
    text: indicator.text,
    direction: INDICATOR_DIRECTION_LABELS[indicator.direction],
    status: indicator.seenOn === null ? 'Not yet seen' : `Seen on ${indicator.seenOn}${evidenceText(indicator)}`,
    review: `${indicator.reviewOn}${reviewState(indicator, today) === 'overdue' ? ' (overdue)' : ''}`,
    notes: indicator.notes,
  }));
}

export const INDICATOR_ANNEX_COLUMNS = ['For', 'Indicator', 'Direction', 'Status', 'Review by'] as const;

function cellsOf(row: IndicatorAnnexRow): readonly string[] {
  return [row.about, row.notes ? `${row.text} (Notes: ${row.notes})` : row.text, row.direction, row.status, row.review];
}

export function indicatorsAnnexCells(model: ExportModel): readonly (readonly string[])[] {
  return indicatorAnnexRows(model).map(cellsOf);
}

export function indicatorsAnnexNote(model: ExportModel): string {
  return `Review dates are marked overdue as of ${model.generatedAt.slice(0, 10)}, the date of this export.`;
}

export function indicatorsAnnexHtml(model: ExportModel): string {
  const rows = indicatorsAnnexCells(model);
  if (rows.length === 0) return '';
  const e = escapeHtml;
  return `<section class="annex" aria-labelledby="annex-e"><h2 id="annex-e">${INDICATORS_ANNEX_TITLE}</h2>
<p class="annex-key">${e(indicatorsAnnexNote(model))}</p>
<table class="indicators-annex-table"><thead><tr>${INDICATOR_ANNEX_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
<tbody>${rows.map((cells) => `<tr>${cells.map((cell) => `<td>${e(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table></section>`;
}

/** The same annex in Markdown; `escape` is the Markdown exporter's own (which escapes `|` too). */
export function indicatorsAnnexMarkdown(model: ExportModel, escape: (text: string) => string): string[] {
  const rows = indicatorsAnnexCells(model);
  if (rows.length === 0) return [];
  const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
  const cell = (text: string): string => escape(text).replace(/\s*\n\s*/g, ' ');
  return [
    `## ${INDICATORS_ANNEX_TITLE}`,
    escape(indicatorsAnnexNote(model)),
    [line(INDICATOR_ANNEX_COLUMNS), line(INDICATOR_ANNEX_COLUMNS.map(() => '---')), ...rows.map((cells) => line(cells.map(cell)))].join(
      '\n',
    ),
  ];
}
