import { combinedGrade } from '../domain/quote';
import type { EvidenceItem, EvidenceLink, Judgement } from '../domain/judgement';
import { countIndependent } from '../judgement/independence';
import { quoted, type TradecraftProblem } from './problem';
import { tokenize } from './tokens';

/** The parts of a judgement the evidence checks read. */
export type EvidencedJudgement = Pick<Judgement, 'id' | 'rationale' | 'evidence'>;

/** A derived-from link between two sources: [derived source id, origin source id]. */
export type Derivation = readonly [string, string];

/** The source an item belongs to: a whole source is its own. */
export function sourceOf(item: EvidenceItem): string | null {
  return item.kind === 'source' ? item.id : item.sourceId;
}

/** Admiralty grades that give no ground to stand on: unreliable sources, improbable or unjudgeable information. */
const WEAK_RELIABILITY = new Set(['E', 'F']);
const WEAK_CREDIBILITY = new Set(['5', '6']);

export function isWeaklyGraded(item: EvidenceItem): boolean {
  return (
    (item.reliability !== null && WEAK_RELIABILITY.has(item.reliability)) ||
    (item.kind === 'quote' && item.credibility !== null && WEAK_CREDIBILITY.has(item.credibility))
  );
}

/** The grade as the library writes it: "B2" for a quote, "B" for a source, or "ungraded". */
export function gradeOf(item: EvidenceItem): string | null {
  if (item.kind === 'source') return item.reliability;
  if (item.reliability === null && item.credibility === null) return null;
  return combinedGrade(item.reliability, item.credibility);
}

/**
 * Words by which a rationale takes up contrary evidence. "But" is left out: it is too common
 * to show that the analyst weighed anything.
 */
const CONTRAST_WORDS = new Set([
  'although',
  'though',
  'however',
  'despite',
  'notwithstanding',
  'nevertheless',
  'nonetheless',
  'whereas',
  'conversely',
  'contradict',
  'contradicts',
  'contradicted',
  'contradicting',
  'contradiction',
  'contradictions',
  'contradictory',
  'contrary',
  'conflict',
  'conflicts',
  'conflicting',
  'dispute',
  'disputes',
  'disputed',
  'disagree',
  'disagrees',
  'disagreement',
  'rebut',
  'rebuts',
  'rebutted',
]);

function normalise(text: string): string {
  return tokenize(text)
    .map((token) => token.word)
    .join(' ');
}

/**
 * Whether the rationale mentions a contradicting item, in one of three ways: it names the item's
 * source by its title; it repeats the quote (whole, or its first six words when longer); or it
 * uses a word of contrast (although, however, despite, contradicts…) showing that contrary
 * evidence was weighed. Case, punctuation and spacing do not matter.
 */
export function mentionsContradiction(rationale: string, item: EvidenceItem): boolean {
  const words = tokenize(rationale).map((token) => token.word);
  if (words.some((word) => CONTRAST_WORDS.has(word))) return true;
  const text = ` ${words.join(' ')} `;
  if (text.includes(' on the other hand ')) return true;
  const title = normalise(item.sourceTitle);
  if (title !== '' && text.includes(` ${title} `)) return true;
  if (item.kind !== 'quote') return false;
  const quote = tokenize(item.text).map((token) => token.word);
  const cited = quote.slice(0, Math.min(quote.length, 6)).join(' ');
  return cited !== '' && text.includes(` ${cited} `);
}

function live(links: readonly EvidenceLink[], stance: EvidenceLink['stance']): EvidenceLink[] {
  return links.filter((link) => link.stance === stance && link.item.state === 'live');
}

/**
 * Whether a judgement stands on its evidence: some supporting evidence; more than one
 * independent source behind it (sources joined by derived-from links count once); not only
 * items graded E/F or 5/6; and every contradicting item taken up in the rationale. Items in
 * the trash or gone count for nothing.
 */
export function checkEvidence(judgement: EvidencedJudgement, derivations: readonly Derivation[]): TradecraftProblem[] {
  const problems: TradecraftProblem[] = [];
  const evidence = { kind: 'judgement' as const, judgementId: judgement.id, field: 'evidence' as const };
  const supports = live(judgement.evidence, 'supports');
  if (supports.length === 0) {
    const dead = judgement.evidence.some((link) => link.stance === 'supports');
    problems.push({
      code: 'no-support',
      severity: 'error',
      message: dead
        ? 'Its supporting evidence is in the trash or gone: this judgement has no supporting evidence left.'
        : 'This judgement has no supporting evidence: link the quotes or sources it rests on.',
      location: evidence,
    });
  } else {
    const sources = supports.map((link) => sourceOf(link.item)).filter((id): id is string => id !== null);
    if (countIndependent(sources, derivations) === 1) {
      const count = supports.length === 1 ? 'one item' : `${supports.length} items`;
      problems.push({
        code: 'single-source',
        severity: 'warning',
        message: `Its support (${count}) comes from a single independent source: sources derived from one another count once. Find corroboration from an independent source.`,
        location: evidence,
      });
    }
    if (supports.every((link) => isWeaklyGraded(link.item))) {
      const grades = [...new Set(supports.map((link) => gradeOf(link.item) ?? 'ungraded'))].join(', ');
      problems.push({
        code: 'weak-support',
        severity: 'warning',
        message: `It is supported only by sources graded E/F or information graded 5/6 (${grades}).`,
        location: evidence,
      });
    }
  }
  for (const link of live(judgement.evidence, 'contradicts')) {
    if (mentionsContradiction(judgement.rationale, link.item)) continue;
    const what =
      link.item.kind === 'quote' ? `the quote ${quoted(shorten(link.item.text))}` : `the source ${quoted(shorten(link.item.text))}`;
    problems.push({
      code: 'unaddressed-contradiction',
      severity: 'warning',
      message: `The rationale does not take up contradicting evidence: ${what}. Say why the judgement holds despite it.`,
      location: { kind: 'judgement', judgementId: judgement.id, field: 'rationale', evidenceLinkId: link.id },
    });
  }
  return problems;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
