import type { Yardstick } from '../domain/briefing';
import {
  CONFIDENCE_LABELS,
  describeLikelihood,
  likelihoodTerm,
  STANCE_LABELS,
  type EvidenceItem,
  type Judgement,
  type Stance,
} from '../domain/judgement';
import { gradeOf, isWeaklyGraded, sourceOf, type Derivation } from '../tradecraft/evidence';
import { THIN_GROUND_CODES, type TradecraftCode, type TradecraftProblem } from '../tradecraft/problem';
import { countIndependent } from './independence';
import { countNoun } from '../text/count-noun';

/** What a node of the picture opens when chosen: a judgement, or a linked quote or source. */
export type ArgumentTarget =
  { kind: 'judgement'; judgementId: string } | { kind: 'quote' | 'source'; id: string; judgementId: string; linkId: string };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One judgement, drawn in the middle column with its evidence around it. */
export interface JudgementNode extends Box {
  key: string;
  judgementId: string;
  /** 1-based, as the Key Judgements section numbers them. */
  number: number;
  /** "KJ 4 · thin ground: a single independent source", cut to fit. */
  heading: string;
  lines: string[];
  /** "likely (55–80%) · Moderate confidence", or what is still missing. */
  meta: string;
  /** "3 supporting (2 independent sources) · 1 contradicting". */
  counts: string;
  /** True when an evidence check flags it (no support, one source, weak grades, unanswered contradiction). */
  thin: boolean;
  thinReasons: string[];
  /** The accessible name of the node. */
  label: string;
  target: ArgumentTarget;
}

/** One linked quote or source; supporting items sit left, contradicting right, context below. */
export interface EvidenceNode extends Box {
  key: string;
  judgementId: string;
  stance: Stance;
  lines: string[];
  /** Index in `lines` where the source's name starts (the quote's text comes before it). */
  sourceLine: number;
  /** "B2", "B" or null when ungraded. */
  grade: string | null;
  /** Graded E/F or 5/6. */
  weak: boolean;
  /** The item is in the trash or gone. */
  dead: boolean;
  kind: EvidenceItem['kind'];
  label: string;
  target: ArgumentTarget;
}

export interface ArgumentEdge {
  key: string;
  stance: Stance;
  points: { x: number; y: number }[];
}

export interface ArgumentLayout {
  width: number;
  height: number;
  /** Column headings and their centres. */
  columns: { label: string; x: number }[];
  judgements: JudgementNode[];
  evidence: EvidenceNode[];
  edges: ArgumentEdge[];
}

export interface ArgumentLayoutInput {
  judgements: readonly Judgement[];
  /** The tradecraft problems of the briefing (`runTradecraftChecks`): they mark thin ground. */
  problems: readonly TradecraftProblem[];
  yardstick: Yardstick;
  /** Derived-from links, to count independent sources; without them the judgement's stored counts are used. */
  derivations?: readonly Derivation[];
}

export const ARGUMENT_GEOMETRY = {
  /** Width of the supporting and contradicting columns. */
  column: 280,
  /** Width of the judgement column. */
  middle: 340,
  gutter: 48,
  header: 36,
  judgementHeight: 128,
  /** The least height of an evidence box; a long source name makes it taller (it wraps, never cut). */
  evidenceHeight: 78,
  /** Baseline of an evidence box's first line, the step between lines, and the grade mark's row below them. */
  evidenceFirstLine: 20,
  lineStep: 15,
  gradeRow: 28,
  gap: 12,
  bandGap: 40,
  contextIndent: 28,
  judgementChars: 46,
  headingChars: 40,
  evidenceChars: 36,
  /** Lines the source's name may take before it is cut (its whole name in practice). */
  sourceLines: 6,
} as const;

const THIN_REASONS: Partial<Record<TradecraftCode, string>> = {
  'no-support': 'no supporting evidence',
  'single-source': 'single source',
  'weak-support': 'weakly graded support',
  'unaddressed-contradiction': 'contradiction not addressed',
};

/**
 * Breaks text into at most `maxLines` lines of at most `width` characters at spaces, ending with
 * an ellipsis when it does not fit. Words longer than a line are cut.
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  if (maxLines <= 0) return [];
  const words = text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => (word.length > width ? `${word.slice(0, width - 1)}…` : word));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  if (last.length + 1 <= width) kept[maxLines - 1] = `${last}…`;
  else {
    // No room for the ellipsis: drop the last word, or cut a line that is one long word.
    const space = last.lastIndexOf(' ');
    kept[maxLines - 1] = space > 0 ? `${last.slice(0, space)}…` : `${last.slice(0, width - 1)}…`;
  }
  return kept;
}

function shortText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function evidenceLabel(stance: Stance, item: EvidenceItem, grade: string | null): string {
  const what = item.kind === 'quote' ? shortText(item.text) : `source ${shortText(item.text)}`;
  const state = item.state === 'trashed' ? ', in the trash' : item.state === 'missing' ? ', no longer exists' : '';
  return `${STANCE_LABELS[stance]}: ${what} (${grade ?? 'ungraded'}${state})`;
}

function countsText(judgement: Judgement, derivations: readonly Derivation[] | undefined): string {
  const live = (stance: Stance) => judgement.evidence.filter((link) => link.stance === stance && link.item.state === 'live');
  const supports = live('supports');
  const independent =
    derivations === undefined
      ? (judgement.counts.supports?.independentSources ?? 0)
      : countIndependent(
          supports.map((link) => sourceOf(link.item)).filter((id): id is string => id !== null),
          derivations,
        );
  const parts = [
    supports.length === 0
      ? 'no supporting evidence'
      : `${supports.length} supporting (${countNoun(independent, 'independent source', 'independent sources')})`,
  ];
  const contradicting = live('contradicts').length;
  const context = live('context').length;
  if (contradicting > 0) parts.push(`${contradicting} contradicting`);
  if (context > 0) parts.push(`${context} context`);
  return parts.join(' · ');
}

/**
 * Lays out the argument picture: one band per judgement, in order; supporting items in the left
 * column, the judgement in the middle with its context items below it, contradicting items on
 * the right; an edge from every item to its judgement. Pure, so it is tested without a browser.
 */
export function layoutArgument(input: ArgumentLayoutInput): ArgumentLayout {
  const g = ARGUMENT_GEOMETRY;
  const left = 0;
  const middle = g.column + g.gutter;
  const right = middle + g.middle + g.gutter;
  const width = right + g.column;
  const layout: ArgumentLayout = {
    width,
    height: 0,
    columns: [
      { label: 'Supports', x: left + g.column / 2 },
      { label: 'Judgement and context', x: middle + g.middle / 2 },
      { label: 'Contradicts', x: right + g.column / 2 },
    ],
    judgements: [],
    evidence: [],
    edges: [],
  };
  let top = g.header;
  input.judgements.forEach((judgement, index) => {
    const reasons = [
      ...new Set(
        input.problems
          .filter((p) => p.location.kind === 'judgement' && p.location.judgementId === judgement.id && THIN_GROUND_CODES.has(p.code))
          .map((p) => THIN_REASONS[p.code] as string),
      ),
    ];
    const term = likelihoodTerm(input.yardstick, judgement.likelihood);
    const meta = [
      term ? describeLikelihood(term) : 'no likelihood',
      judgement.confidence ? CONFIDENCE_LABELS[judgement.confidence] : 'no confidence',
    ].join(' · ');
    const counts = countsText(judgement, input.derivations);
    const statement = judgement.statement.trim() === '' ? '(no statement yet)' : judgement.statement;
    const node: JudgementNode = {
      key: `judgement:${judgement.id}`,
      judgementId: judgement.id,
      number: index + 1,
      heading: wrapText(`KJ ${index + 1}${reasons.length > 0 ? ` · thin ground: ${reasons.join(', ')}` : ''}`, g.headingChars, 1)[0] ?? '',
      x: middle,
      y: top,
      width: g.middle,
      height: g.judgementHeight,
      lines: wrapText(statement, g.judgementChars, 4),
      meta,
      counts,
      thin: reasons.length > 0,
      thinReasons: reasons,
      label: `Judgement ${index + 1}: ${shortText(statement)} — ${meta}; ${counts}${reasons.length > 0 ? `; thin ground: ${reasons.join(', ')}` : ''}`,
      target: { kind: 'judgement', judgementId: judgement.id },
    };
    layout.judgements.push(node);
    /** The height each column's stack has reached in this band (0: nothing yet). */
    const stacked: Record<Stance, number> = { supports: 0, contradicts: 0, context: 0 };
    for (const link of judgement.evidence) {
      const grade = gradeOf(link.item);
      const chars = link.stance === 'context' ? g.evidenceChars + 4 : g.evidenceChars;
      const shown = link.item.kind === 'quote' ? `“${link.item.text.trim()}”` : link.item.text;
      const quoteLines = wrapText(shown, chars, 2);
      // Whose account it is: the source's name wraps onto as many lines as it needs.
      const sourceLines = wrapText(link.item.kind === 'quote' ? `— ${link.item.sourceTitle}` : 'Whole source', chars, g.sourceLines);
      const lines = [...quoteLines, ...sourceLines];
      const height = Math.max(g.evidenceHeight, g.evidenceFirstLine + (lines.length - 1) * g.lineStep + g.gradeRow);
      const offset = stacked[link.stance] === 0 ? 0 : stacked[link.stance] + g.gap;
      stacked[link.stance] = offset + height;
      const box: Box =
        link.stance === 'supports'
          ? { x: left, y: top + offset, width: g.column, height }
          : link.stance === 'contradicts'
            ? { x: right, y: top + offset, width: g.column, height }
            : {
                x: middle + g.contextIndent,
                y: top + g.judgementHeight + g.gap + offset,
                width: g.middle - g.contextIndent,
                height,
              };
      layout.evidence.push({
        ...box,
        key: `evidence:${link.id}`,
        judgementId: judgement.id,
        stance: link.stance,
        lines,
        sourceLine: quoteLines.length,
        grade,
        weak: isWeaklyGraded(link.item),
        dead: link.item.state !== 'live',
        kind: link.item.kind,
        label: evidenceLabel(link.stance, link.item, grade),
        target: { kind: link.item.kind, id: link.item.id, judgementId: judgement.id, linkId: link.id },
      });
      const midY = box.y + box.height / 2;
      const points =
        link.stance === 'supports'
          ? [
              { x: left + g.column, y: midY },
              { x: middle, y: top + g.judgementHeight / 2 },
            ]
          : link.stance === 'contradicts'
            ? [
                { x: right, y: midY },
                { x: middle + g.middle, y: top + g.judgementHeight / 2 },
              ]
            : [
                { x: box.x, y: midY },
                { x: middle + g.contextIndent / 2, y: midY },
                { x: middle + g.contextIndent / 2, y: top + g.judgementHeight },
              ];
      layout.edges.push({ key: `edge:${link.id}`, stance: link.stance, points });
    }
    const middleHeight = g.judgementHeight + (stacked.context > 0 ? g.gap + stacked.context : 0);
    top += Math.max(middleHeight, stacked.supports, stacked.contradicts) + g.bandGap;
  });
  layout.height = input.judgements.length === 0 ? g.header : top - g.bandGap;
  return layout;
}
