import { BRIEFING_STATUS_LABELS } from '../domain/briefing';
import type { TradecraftCode, TradecraftProblem } from '../tradecraft';
import type { ExportModel, ExportSource } from './model';

/**
 * What the product page says beside the body, the same in every format: the judgements'
 * caveats, the annex's derivations, the title block's facts and the DRAFT mark.
 */

/**
 * The tradecraft verdicts a reader of the product must see beside the judgement itself, in the
 * reader's words: the checks decide (sources joined by derived-from links count once; E/F and
 * 5/6 are low grades), the export only says so.
 */
const CAVEAT_TEXT: Partial<Record<TradecraftCode, string>> = {
  'no-support': 'no supporting evidence is linked to this judgement.',
  'single-source': 'this judgement rests on a single independent source.',
  'weak-support': 'this judgement is supported only by low-grade reporting (sources graded E/F or information graded 5/6).',
};

/** The caveats of each judgement, by id, from the problems `runTradecraftChecks` found. */
export function judgementCaveats(problems: readonly TradecraftProblem[]): Record<string, string[]> {
  const caveats: Record<string, string[]> = {};
  for (const problem of problems) {
    const text = CAVEAT_TEXT[problem.code];
    if (text === undefined || problem.location.kind !== 'judgement') continue;
    const list = (caveats[problem.location.judgementId] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return caveats;
}

/** A judgement's caveats, in the order the checks gave them. */
export function caveatsOf(model: Pick<ExportModel, 'caveats'>, judgementId: string): readonly string[] {
  return model.caveats[judgementId] ?? [];
}

/**
 * What the sourcing annex says about a source's derivations: "Derived from S1" for an origin the
 * annex lists, its title otherwise. Empty when the source derives from nothing.
 */
export function derivationText(source: ExportSource, annexNumber: (sourceId: string) => number): string {
  if (source.derivedFrom.length === 0) return '';
  const origins = source.derivedFrom.map((origin) => {
    const number = annexNumber(origin.id);
    return number > 0 ? `S${number}` : `“${origin.title}” (not cited)`;
  });
  return `Derived from ${origins.join(', ')}`;
}

/** "Words: 652 of 1,100" or "Words: 652": the product's length as its title block states it. */
export function wordCountText(briefing: Pick<ExportModel['briefing'], 'wordCount' | 'wordLimit'>): string {
  const count = briefing.wordCount.toLocaleString('en');
  return briefing.wordLimit === null ? count : `${count} of ${briefing.wordLimit.toLocaleString('en')}`;
}

/** The watermark and banner text while a product is a draft. */
export const DRAFT_MARK = 'DRAFT';

/**
 * The title block's facts in the order every format prints them ("" where a fact is not given);
 * the reference and the information cut-off only when given.
 */
export function titleFacts(b: ExportModel['briefing']): [label: string, value: string][] {
  return [
    ...(b.reference ? [['Reference', b.reference] as [string, string]] : []),
    ['Date', b.date ?? ''],
    ['Author', b.author],
    ['Status', BRIEFING_STATUS_LABELS[b.status]],
    ...(b.cutoffDate ? [['Information cut-off', b.cutoffDate] as [string, string]] : []),
    ['Words', wordCountText(b)],
  ];
}
