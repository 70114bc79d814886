import { analyseMatrix, ratingOf, WEIGHT_FACTOR, type AchRating, type AchWeight } from './ach';
import { ACH_ITEM_KIND_LABELS, type AchMatrixRecord } from '../domain/ach';

/** Heuer's scale as the annexes' legend gives it. */
export const ACH_LEGEND: readonly (readonly [AchRating, string])[] = [
  ['CC', 'very consistent'],
  ['C', 'consistent'],
  ['N', 'neutral or not applicable'],
  ['I', 'inconsistent'],
  ['II', 'very inconsistent'],
];

/** A matrix laid out for an annex or a spreadsheet: the same rows and figures the grid shows. */
export interface AchTable {
  title: string;
  question: string;
  hypotheses: readonly { label: string; text: string; score: number; leads: boolean }[];
  rows: readonly {
    label: string;
    kind: string;
    text: string;
    relevance: AchWeight;
    credibility: AchWeight;
    diagnosticity: number;
    ratings: readonly AchRating[];
  }[];
  /** One sentence: who leads and by how much, or that nobody does. */
  verdict: string;
  /** The labels (E1…) of the items whose removal or lower credibility changes the leader. */
  hangsOn: readonly string[];
  /** A sentence saying so, or null when no single item does. */
  hangsOnText: string | null;
}

export function achTable(matrix: AchMatrixRecord): AchTable {
  const analysis = analyseMatrix(matrix, matrix.derivations);
  const score = new Map(analysis.scores.map((s) => [s.hypothesisId, s.weightedInconsistency]));
  const hypotheses = matrix.hypotheses.map((h, index) => ({
    label: `H${index + 1}`,
    text: h.text,
    score: score.get(h.id) ?? 0,
    leads: h.id === analysis.leader.hypothesisId,
  }));
  const leader = hypotheses.find((h) => h.leads);
  const runnerUp = analysis.scores[1]
    ? hypotheses[matrix.hypotheses.findIndex((h) => h.id === analysis.scores[1]?.hypothesisId)]
    : undefined;
  const verdict = leader
    ? `${leader.label} leads (${leader.text})${runnerUp ? `, by ${round(analysis.leader.margin)} over ${runnerUp.label}` : ''}: it has the least weighted evidence against it.`
    : matrix.hypotheses.length < 2
      ? 'The matrix has fewer than two hypotheses.'
      : 'No hypothesis leads: the least inconsistent are tied.';
  const hangsOnIds = new Set([...analysis.sensitivity.removalChangesLeader, ...analysis.sensitivity.lowCredibilityChangesLeader]);
  const hangsOn = matrix.items.flatMap((item, index) => (hangsOnIds.has(item.id) ? [`E${index + 1}`] : []));
  return {
    title: matrix.title,
    question: matrix.question,
    hypotheses,
    rows: matrix.items.map((item, index) => ({
      label: `E${index + 1}`,
      kind: ACH_ITEM_KIND_LABELS[item.kind],
      text: item.kind === 'quote' && item.sourceTitle ? `${item.text} (${item.sourceTitle})` : item.text,
      relevance: item.relevance,
      credibility: item.credibility,
      diagnosticity: analysis.diagnosticity.get(item.id) ?? 0,
      ratings: matrix.hypotheses.map((h) => ratingOf(matrix, item.id, h.id)),
    })),
    verdict,
    hangsOn,
    hangsOnText:
      hangsOn.length === 0
        ? null
        : `The conclusion hangs on ${hangsOn.join(', ')}: removing ${hangsOn.length === 1 ? 'it' : 'any one of them'}, or lowering its credibility, changes which hypothesis leads.`,
  };
}

function round(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '–';
}

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The matrix as CSV (RFC 4180, CRLF): one row per item with its weights and ratings, then the scores. */
export function achCsv(matrix: AchMatrixRecord): string {
  const table = achTable(matrix);
  const header = [
    'Item',
    'Kind',
    'Evidence',
    'Relevance',
    'Credibility',
    'Weight',
    'Diagnosticity',
    ...table.hypotheses.map((h) => `${h.label}: ${h.text}`),
  ];
  const lines = [header];
  table.rows.forEach((row) => {
    const weight = WEIGHT_FACTOR[row.relevance] * WEIGHT_FACTOR[row.credibility];
    lines.push([row.label, row.kind, row.text, row.relevance, row.credibility, String(weight), String(row.diagnosticity), ...row.ratings]);
  });
  lines.push(['', '', 'Weighted inconsistency (lower is stronger)', '', '', '', '', ...table.hypotheses.map((h) => String(h.score))]);
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
