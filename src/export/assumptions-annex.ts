import { ASSUMPTION_STATUS_LABELS, type Assumption } from '../domain/assumption';
import { escapeHtml } from './escape';
import type { ExportModel } from './model';

/**
 * Annex D: the briefing's Key Assumptions Check register, so a reader can tell the information
 * from the assumptions and the judgements (ICD 203, standard 3): each assumption with its status
 * and caveat, why it is believed, what would show it wrong, and the key judgements resting on it.
 */
export const ASSUMPTIONS_ANNEX_TITLE = 'Annex D: Key assumptions';

export const ASSUMPTIONS_ANNEX_KEY =
  'Solid: well founded. Caveated: holds only with the caveat stated. Unsupported: believed without grounds that can be checked; a judgement resting on it is no firmer than it.';

/** One assumption as every format prints it: plain strings, escaped by the caller. */
export interface AnnexAssumption {
  readonly label: string;
  readonly text: string;
  readonly status: string;
  readonly rationale: string;
  readonly wrongIf: readonly string[];
  readonly restingOn: string;
}

export function assumptionsOf(model: ExportModel): readonly Assumption[] {
  return model.assumptions ?? [];
}

/** The register laid out for the annex: A1, A2, …; judgements by their number in the briefing. */
export function annexAssumptions(model: ExportModel): AnnexAssumption[] {
  const numbers = new Map(model.judgements.map((judgement, index) => [judgement.id, index + 1]));
  return assumptionsOf(model).map((assumption, index) => {
    const resting = assumption.judgementIds.flatMap((id) => {
      const number = numbers.get(id);
      return number === undefined ? [] : [number];
    });
    return {
      label: `A${index + 1}`,
      text: assumption.text,
      status:
        assumption.status === 'caveated'
          ? `${ASSUMPTION_STATUS_LABELS.caveated}: ${assumption.caveat}`
          : ASSUMPTION_STATUS_LABELS[assumption.status],
      rationale: assumption.rationale,
      wrongIf: assumption.wrongIf,
      restingOn: resting.length === 0 ? 'No key judgement rests on it.' : `Key judgements resting on it: ${resting.join(', ')}.`,
    };
  });
}

export function assumptionsAnnexHtml(model: ExportModel): string {
  const items = annexAssumptions(model);
  if (items.length === 0) return '';
  const e = escapeHtml;
  const one = (item: AnnexAssumption): string => `<div class="annex-assumption">
<h3>${e(item.label)}: ${e(item.text)}</h3>
<p><span class="label">Status:</span> ${e(item.status)}</p>
${item.rationale ? `<p><span class="label">Why it is believed:</span> ${e(item.rationale)}</p>` : ''}
${item.wrongIf.length > 0 ? `<p class="label">It would be wrong if:</p><ul>${item.wrongIf.map((line) => `<li>${e(line)}</li>`).join('')}</ul>` : ''}
<p>${e(item.restingOn)}</p>
</div>`;
  return `<section class="annex" aria-labelledby="annex-d"><h2 id="annex-d">${ASSUMPTIONS_ANNEX_TITLE}</h2>
<p class="annex-key">${e(ASSUMPTIONS_ANNEX_KEY)}</p>
${items.map(one).join('\n')}</section>`;
}

/** The same annex in Markdown; `escape` is the Markdown exporter's own. */
export function assumptionsAnnexMarkdown(model: ExportModel, escape: (text: string) => string): string[] {
  const items = annexAssumptions(model);
  if (items.length === 0) return [];
  const out = [`## ${ASSUMPTIONS_ANNEX_TITLE}`, escape(ASSUMPTIONS_ANNEX_KEY)];
  for (const item of items) {
    out.push(`### ${item.label}: ${escape(item.text)}`);
    out.push(`**Status:** ${escape(item.status)}`);
    if (item.rationale) out.push(`**Why it is believed:** ${escape(item.rationale)}`);
    if (item.wrongIf.length > 0) out.push(['**It would be wrong if:**', ...item.wrongIf.map((line) => `- ${escape(line)}`)].join('\n'));
    out.push(escape(item.restingOn));
  }
  return out;
}
