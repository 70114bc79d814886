import { ACH_LEGEND, type AchTable } from '../analysis/ach-table';
import { escapeHtml } from './escape';
import type { ExportModel } from './model';

/**
 * Annex C: the briefing's ACH matrices, as the grid shows them (hypotheses, each item's weight
 * and ratings, the weighted inconsistency, the verdict and what it hangs on) with the scale's
 * legend, so a reader can follow the argument without the app.
 */
export const ACH_ANNEX_TITLE = 'Annex C: Analysis of competing hypotheses';

export const ACH_LEGEND_TEXT = `Ratings: ${ACH_LEGEND.map(([rating, words]) => `${rating} ${words}`).join(', ')}. Only I and II count against a hypothesis, weighted by the item's relevance × credibility (high 2, medium 1, low 0.5); the lowest total leads.`;

function score(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function matricesOf(model: ExportModel): readonly AchTable[] {
  return model.matrices ?? [];
}

export function achAnnexHtml(model: ExportModel): string {
  const matrices = matricesOf(model);
  if (matrices.length === 0) return '';
  const e = escapeHtml;
  const one = (table: AchTable, index: number): string => {
    const id = `annex-c-${index + 1}`;
    const head = table.hypotheses
      .map((h) => `<th scope="col" title="${e(h.text)}">${e(h.label)}${h.leads ? ' (leads)' : ''}</th>`)
      .join('');
    const rows = table.rows
      .map(
        (row) =>
          `<tr><th scope="row">${e(row.label)}</th><td><span class="annex-meta">${e(row.kind)}</span> ${e(row.text)}</td><td>${e(`${row.relevance} / ${row.credibility}`)}</td>${row.ratings
            .map((rating) => `<td class="ach-rating">${rating === 'N' ? '·' : e(rating)}</td>`)
            .join('')}</tr>`,
      )
      .join('');
    const scores = table.hypotheses.map((h) => `<td class="ach-rating">${e(score(h.score))}</td>`).join('');
    return `<h3 id="${id}">${e(table.title)}</h3>
${table.question ? `<p>${e(table.question)}</p>` : ''}
<ol class="ach-hypotheses">${table.hypotheses.map((h) => `<li>${e(h.label)}: ${e(h.text)}</li>`).join('')}</ol>
<table class="ach-annex-table"><thead><tr><th scope="col">Ref</th><th scope="col">Evidence</th><th scope="col">Relevance / credibility</th>${head}</tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="3">Weighted inconsistency (lower is stronger)</th>${scores}</tr></tfoot></table>
<p>${e(table.verdict)}</p>
${table.hangsOnText ? `<p>${e(table.hangsOnText)}</p>` : ''}`;
  };
  return `<section class="annex" aria-labelledby="annex-c"><h2 id="annex-c">${ACH_ANNEX_TITLE}</h2>
<p class="annex-key">${escapeHtml(ACH_LEGEND_TEXT)}</p>
${matrices.map(one).join('\n')}</section>`;
}

/** The same annex in Markdown; `escape` is the Markdown exporter's own. */
export function achAnnexMarkdown(model: ExportModel, escape: (text: string) => string): string[] {
  const matrices = matricesOf(model);
  if (matrices.length === 0) return [];
  const out = [`## ${ACH_ANNEX_TITLE}`, escape(ACH_LEGEND_TEXT)];
  for (const table of matrices) {
    out.push(`### ${escape(table.title)}`);
    if (table.question) out.push(escape(table.question));
    out.push(table.hypotheses.map((h) => `- ${h.label}: ${escape(h.text)}${h.leads ? ' (leads)' : ''}`).join('\n'));
    const cells = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
    out.push(
      [
        cells(['Ref', 'Evidence', 'Relevance / credibility', ...table.hypotheses.map((h) => h.label)]),
        cells(['---', '---', '---', ...table.hypotheses.map(() => '---')]),
        ...table.rows.map((row) =>
          cells([row.label, escape(`${row.kind}: ${row.text}`), `${row.relevance} / ${row.credibility}`, ...row.ratings]),
        ),
        cells(['', 'Weighted inconsistency (lower is stronger)', '', ...table.hypotheses.map((h) => score(h.score))]),
      ].join('\n'),
    );
    out.push(escape(table.verdict));
    if (table.hangsOnText) out.push(escape(table.hangsOnText));
  }
  return out;
}
