import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { matrixStanding, type MatrixStanding } from '../../src/analysis/matrix-standing';
import type { Judgement } from '../../src/domain/judgement';
import type { MatrixCitation } from '../../src/domain/matrix-citation';
import { useClient } from '../app/useClient';
import { queryOptionsFor } from '../data/queries';
import { useContractQuery } from '../data/useContractQuery';

type Citing = Pick<Judgement, 'id' | 'matrixCitation'>;

/**
 * Where each judgement's cited matrix ranks its hypothesis, by judgement id, from the cached
 * matrices: a rating changed in the grid answers with the matrix, so the standing (and the check
 * reading it) follows without a second read. A matrix that cannot be read gives no standing.
 */
export function useMatrixStandings(judgements: readonly Citing[]): ReadonlyMap<string, MatrixStanding> {
  const client = useClient();
  const citations = judgements.flatMap((judgement) =>
    judgement.matrixCitation ? [{ judgementId: judgement.id, citation: judgement.matrixCitation }] : [],
  );
  const key = citations.map(({ judgementId, citation }) => `${judgementId}:${citation.matrixId}:${citation.hypothesisId}`).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says everything the list of matrices depends on
  const matrixIds = useMemo(() => [...new Set(citations.map(({ citation }) => citation.matrixId))], [key]);
  const results = useQueries({ queries: matrixIds.map((id) => queryOptionsFor(client, 'ach.get', { id })) });
  const stamp = results.map((result) => result.dataUpdatedAt).join();
  return useMemo(() => {
    const byMatrix = new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : [])));
    const standings = new Map<string, MatrixStanding>();
    for (const { judgementId, citation } of citations) {
      const matrix = byMatrix.get(citation.matrixId);
      const standing = matrix ? matrixStanding(matrix, citation.hypothesisId) : null;
      if (standing) standings.set(judgementId, standing);
    }
    return standings;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `stamp` changes when any matrix's answer does, `key` when a citation does
  }, [stamp, key]);
}

/** The standing of one citation (null while the matrix loads, or when it no longer holds the hypothesis). */
export function useMatrixStanding(citation: MatrixCitation | null): MatrixStanding | null {
  const matrix = useContractQuery('ach.get', { id: citation?.matrixId ?? '' }, { enabled: citation !== null }).data;
  return useMemo(
    () => (citation && matrix && matrix.id === citation.matrixId ? matrixStanding(matrix, citation.hypothesisId) : null),
    [citation, matrix],
  );
}
