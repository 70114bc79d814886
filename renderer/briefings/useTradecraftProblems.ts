import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DocumentCount } from '../../src/briefing/word-count';
import { runTradecraftChecks, type TradecraftProblem } from '../../src/tradecraft';
import { checkWordLimits } from '../../src/tradecraft/document';
import { useClient } from '../app/useClient';
import type { JudgementStore } from '../editor';
import type { ValueStore } from '../shell/value-store';

/**
 * The open briefing's tradecraft problems, live: the judgement checks rerun when a judgement or
 * its evidence changes (not on every keystroke), the word limits when the count crosses one.
 * Derived-from links come from the store again whenever the set of linked sources changes.
 */
export function useTradecraftProblems(
  briefingId: string,
  judgements: JudgementStore,
  counts: ValueStore<DocumentCount | null>,
  limit: number | null,
  productName: string,
): TradecraftProblem[] {
  const client = useClient();
  const revision = useSyncExternalStore(judgements.subscribe, () => judgements.revision());
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `revision` is the store's change signal
  const ordered = useMemo(() => judgements.inOrder(), [judgements, revision]);
  const sourceKey = ordered
    .flatMap((judgement) => judgement.evidence.map((link) => link.item.sourceId ?? ''))
    .sort()
    .join(',');
  const [derivations, setDerivations] = useState<[string, string][]>([]);
  useEffect(() => {
    let current = true;
    client.call('judgements.list', { briefingId }).then(
      (listed) => current && setDerivations(listed.derivations),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, briefingId, sourceKey]);
  const judgementProblems = useMemo(
    () => runTradecraftChecks({ yardstick: judgements.yardstick(), judgements: ordered, derivations }),
    [judgements, ordered, derivations],
  );
  // A snapshot string, so typing re-renders the panel only when a limit is crossed.
  const wordKey = useSyncExternalStore(counts.subscribe, () => {
    const count = counts.get();
    return count ? JSON.stringify(checkWordLimits(count, limit, productName)) : '[]';
  });
  return useMemo(() => [...judgementProblems, ...(JSON.parse(wordKey) as TradecraftProblem[])], [judgementProblems, wordKey]);
}
