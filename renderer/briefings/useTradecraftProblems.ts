import { useMemo, useSyncExternalStore } from 'react';
import type { DocumentCount } from '../../src/briefing/word-count';
import { runTradecraftChecks, type CheckedAssumption, type TradecraftProblem } from '../../src/tradecraft';
import { checkWordLimits } from '../../src/tradecraft/document';
import { useContractQuery } from '../data/useContractQuery';
import type { JudgementStore } from '../editor';
import { useMatrixStandings } from '../judgements';
import type { ValueStore } from '../shell/value-store';

const NO_DERIVATIONS: [string, string][] = [];
const NO_ASSUMPTIONS: CheckedAssumption[] = [];

/**
 * The open briefing's tradecraft problems, live: the judgement checks rerun when a judgement or
 * its evidence changes (not on every keystroke), the word limits when the count crosses one.
 * Derived-from links come from the briefing's cached judgement list: evidence changes answer with
 * them (renderer/data/cache-updates.ts), and a derived-from link made in the library makes it stale.
 */
export function useTradecraftProblems(
  briefingId: string,
  judgements: JudgementStore,
  counts: ValueStore<DocumentCount | null>,
  limit: number | null,
  productName: string,
): TradecraftProblem[] {
  const revision = useSyncExternalStore(judgements.subscribe, () => judgements.revision());
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `revision` is the store's change signal
  const ordered = useMemo(() => judgements.inOrder(), [judgements, revision]);
  const derivations = useContractQuery('judgements.list', { briefingId }).data?.derivations ?? NO_DERIVATIONS;
  // A rating changed in a cited matrix moves its standing, so the checks run again.
  const matrices = useMatrixStandings(ordered);
  const assumptions = useContractQuery('assumptions.list', { briefingId }).data?.items ?? NO_ASSUMPTIONS;
  const judgementProblems = useMemo(
    () => runTradecraftChecks({ yardstick: judgements.yardstick(), judgements: ordered, derivations, analysis: { matrices }, assumptions }),
    [judgements, ordered, derivations, matrices, assumptions],
  );
  // A snapshot string, so typing re-renders the panel only when a limit is crossed.
  const wordKey = useSyncExternalStore(counts.subscribe, () => {
    const count = counts.get();
    return count ? JSON.stringify(checkWordLimits(count, limit, productName)) : '[]';
  });
  return useMemo(() => [...judgementProblems, ...(JSON.parse(wordKey) as TradecraftProblem[])], [judgementProblems, wordKey]);
}
