/**
 * `npm run bench:ach`: what the ACH grid recomputes after each edit of a 50 × 500 matrix (scores,
 * diagnosticity of every item, sensitivity), against the same with sensitivity computed by its
 * definition (the whole matrix scored again per item), in the same run, edits alternating.
 * Target (issue 17): ≤ 16 ms after an edit, one frame.
 */
import {
  ACH_RATINGS,
  ACH_WEIGHTS,
  analyseMatrix,
  diagnosticity,
  scoreHypotheses,
  type AchMatrix,
  type AchRating,
} from '../src/analysis/ach';
import { sensitivityByDefinition } from '../src/analysis/ach-reference';
import { Rng } from './prng';
import { loadAverage, recordPart } from './results-file';
import { ms, ratio, summarise, table, timeSync } from './stats';

const HYPOTHESES = 50;
const ITEMS = 500;
const EDITS = Number(process.env.BENCH_ACH_EDITS ?? 40);

const rng = new Rng(20261204);
const pick = <T>(values: readonly T[]): T => values[rng.int(0, values.length - 1)] as T;

const matrix: AchMatrix & { ratings: Record<string, Record<string, AchRating>> } = {
  hypotheses: Array.from({ length: HYPOTHESES }, (_, h) => ({ id: `h${h}` })),
  items: Array.from({ length: ITEMS }, (_, i) => ({
    id: `e${i}`,
    sourceIds: [`s${i % 120}`],
    relevance: pick(ACH_WEIGHTS),
    credibility: pick(ACH_WEIGHTS),
  })),
  ratings: {},
};
for (const item of matrix.items)
  for (const hypothesis of matrix.hypotheses) if (rng.chance(0.7)) (matrix.ratings[item.id] ??= {})[hypothesis.id] = pick(ACH_RATINGS);

function edit(): void {
  const item = pick(matrix.items);
  const hypothesis = pick(matrix.hypotheses);
  (matrix.ratings[item.id] ??= {})[hypothesis.id] = pick(ACH_RATINGS);
}

/** What the grid does after an edit: one analysis of the whole matrix. */
function recomputeForGrid(): void {
  analyseMatrix({ ...matrix, ratings: { ...matrix.ratings } }, []);
}

/** The same figures the straightforward way: each function on its own, sensitivity by definition. */
function recomputeByDefinition(): void {
  const snapshot = { ...matrix, ratings: { ...matrix.ratings } };
  scoreHypotheses(snapshot);
  for (const item of snapshot.items) diagnosticity(snapshot, item);
  sensitivityByDefinition(snapshot);
}

/** CPU time of `work` in ms (user + system): on a shared machine the wall clock also counts waiting for a core. */
function cpuTime(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const incrementalCpu: number[] = [];
const incremental: number[] = [];
const byDefinition: number[] = [];
const loadBefore = loadAverage();
/** The baseline takes seconds per edit, so it runs a few times, spread across the grid's runs. */
const BASELINE_EVERY = Math.max(1, Math.floor(EDITS / 4));
for (let round = 0; round < EDITS; round += 1) {
  edit();
  incremental.push(timeSync(recomputeForGrid));
  incrementalCpu.push(cpuTime(recomputeForGrid));
  if (round % BASELINE_EVERY === 1) byDefinition.push(timeSync(recomputeByDefinition));
}
const fast = summarise(incremental.slice(2));
const fastCpu = summarise(incrementalCpu.slice(2));
const slow = summarise(byDefinition);
process.stdout.write(
  `ACH recompute after an edit, ${HYPOTHESES} hypotheses × ${ITEMS} items, ${EDITS} edits each (load ${loadBefore} → ${loadAverage()})\n` +
    table(
      ['', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'baseline p50 ÷ this p50'],
      [
        ['analyseMatrix (the grid)', String(fast.n), ms(fast.p50), ms(fast.p95), ms(fast.max), ratio(slow.p50, fast.p50)],
        ['analyseMatrix, CPU time', String(fastCpu.n), ms(fastCpu.p50), ms(fastCpu.p95), ms(fastCpu.max), ''],
        ['each function alone, sensitivity by definition (baseline)', String(slow.n), ms(slow.p50), ms(slow.p95), ms(slow.max), '1.00×'],
      ],
    ) +
    '\n',
);
recordPart('ach', 'npm run bench:ach', {
  hypotheses: HYPOTHESES,
  items: ITEMS,
  edits: EDITS,
  incremental: fast,
  byDefinition: slow,
  loadBefore,
});
