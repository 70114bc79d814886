import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { analyseMatrix, ratingOf, type AchRating } from '../../src/analysis/ach';
import { achCsv } from '../../src/analysis/ach-table';
import { saveBytesAs } from '../app/download';
import type { AchItemRecord } from '../../src/domain/ach';
import { errorMessage, isConflict } from '../app/error-message';
import { navigate } from '../app/router';
import { routeHash } from '../app/routes';
import { useCommand } from '../data/mutations';
import { queryKeyFor } from '../data/queries';
import { useContractQuery } from '../data/useContractQuery';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useToast } from '../shell/useToast';
import { HypothesisIndicators } from '../indicators';
import { AchGrid } from './AchGrid';
import { AddEvidence } from './AddEvidence';
import { ItemDialog } from './ItemDialog';
import { RATING_LABELS } from './rating-labels';
import { SensitivityPanel } from './SensitivityPanel';
import { HeatMap } from './HeatMap';
import { useEvidenceDrop } from './useEvidenceDrop';
import { LibraryPanel } from '../briefings';
import { useRatingHistory, type RatingChange } from './useRatingHistory';

type Pending =
  { kind: 'removeItem'; item: AchItemRecord } | { kind: 'removeHypothesis'; id: string; text: string } | { kind: 'delete' } | null;

/** A file name from a title: letters, digits and a few marks kept, the rest made dashes. */
function fileNameOf(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
      .trim()
      .slice(0, 80) || 'matrix'
  );
}

/** One matrix: its hypotheses, the evidence, the ratings grid, the scores and what they hang on. */
export function MatrixView({ matrixId }: { matrixId: string }) {
  const query = useContractQuery('ach.get', { id: matrixId });
  const command = useCommand();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [hypothesis, setHypothesis] = useState('');
  const [sortByDiagnosticity, setSortByDiagnosticity] = useState(false);
  const [picture, setPicture] = useState<'grid' | 'heat'>('grid');
  const evidence = useEvidenceDrop(matrixId);
  const [weighing, setWeighing] = useState<AchItemRecord | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const matrix = query.data;
  const analysis = useMemo(() => (matrix ? analyseMatrix(matrix, matrix.derivations) : null), [matrix]);

  const apply = useCallback(
    async (change: RatingChange): Promise<boolean> => {
      try {
        await command('ach.rate', {
          matrixId,
          itemId: change.itemId,
          hypothesisId: change.hypothesisId,
          rating: change.to,
          expected: change.from,
        });
        return true;
      } catch (error) {
        // A cell rated elsewhere: show the stored matrix, and say what happened.
        if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: queryKeyFor('ach.get', { id: matrixId }) });
        toast({ message: errorMessage(error), tone: 'error' });
        return false;
      }
    },
    [command, matrixId, queryClient, toast],
  );
  const history = useRatingHistory(apply);

  if (query.error) return <p role="alert">{errorMessage(query.error)}</p>;
  if (!matrix || !analysis) return <p aria-busy="true">Opening the matrix…</p>;

  const rate = (item: AchItemRecord, hypothesisId: string, rating: AchRating): void => {
    const from = ratingOf(matrix, item.id, hypothesisId);
    if (from === rating) return;
    history.change({ itemId: item.id, hypothesisId, from, to: rating });
  };

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
    }
  };

  const addHypothesis = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (hypothesis.trim() === '') return;
    await run(async () => {
      await command('ach.addHypothesis', { matrixId, text: hypothesis });
      setHypothesis('');
    });
  };

  const confirm = async (): Promise<void> => {
    const action = pending;
    setPending(null);
    if (action?.kind === 'removeItem') await run(() => command('ach.removeItem', { id: action.item.id }));
    if (action?.kind === 'removeHypothesis') await run(() => command('ach.removeHypothesis', { id: action.id }));
    if (action?.kind === 'delete')
      await run(async () => {
        await command('ach.delete', { id: matrixId });
        navigate({ view: 'analysis' });
      });
  };

  return (
    <section className="view ach-view" aria-labelledby="matrix-heading">
      <header className="view-header">
        <a href={routeHash({ view: 'analysis' })}>All matrices</a>
        <h1 id="matrix-heading">{matrix.title}</h1>
        <button
          type="button"
          onClick={() => saveBytesAs(new TextEncoder().encode(achCsv(matrix)), `${fileNameOf(matrix.title)}.csv`, 'text/csv;charset=utf-8')}
        >
          Download as CSV
        </button>
        <button type="button" className="danger" onClick={() => setPending({ kind: 'delete' })}>
          Delete matrix…
        </button>
      </header>
      {matrix.question && <p className="ach-question">{matrix.question}</p>}
      <section className="ach-hypotheses" aria-labelledby="ach-hypotheses-heading">
        <h2 id="ach-hypotheses-heading">Hypotheses</h2>
        <p className="hint">They should exclude each other; keep “none of the above, or deception” in view.</p>
        <ol>
          {matrix.hypotheses.map((h) => (
            <li key={h.id}>
              {h.text}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove hypothesis “${h.text}”…`}
                onClick={() => setPending({ kind: 'removeHypothesis', id: h.id, text: h.text })}
              >
                Remove…
              </button>
              <HypothesisIndicators matrixId={matrixId} hypothesisId={h.id} ownerLabel={`hypothesis “${h.text}”`} />
            </li>
          ))}
        </ol>
        <form className="inline-form" onSubmit={(event) => void addHypothesis(event)}>
          <input
            aria-label="New hypothesis"
            placeholder="Another hypothesis"
            value={hypothesis}
            onChange={(event) => setHypothesis(event.target.value)}
          />
          <button type="submit" disabled={hypothesis.trim() === ''}>
            Add hypothesis
          </button>
        </form>
      </section>
      <div className="ach-layout">
        <div className="ach-main">
          <AddEvidence matrixId={matrixId} />
          <section
            aria-labelledby="ach-grid-heading"
            className={evidence.over ? 'ach-drop ach-drop-over' : 'ach-drop'}
            {...evidence.dropTarget}
          >
            <h2 id="ach-grid-heading">Ratings</h2>
            <p id="ach-grid-help" className="hint">
              Arrows move. C {RATING_LABELS.C}, Shift+C {RATING_LABELS.CC}, I {RATING_LABELS.I}, Shift+I {RATING_LABELS.II}, N or Delete{' '}
              {RATING_LABELS.N}; rating steps across the row. Ctrl+Z undoes, Ctrl+Y redoes. Drop quotes or sources here from the library
              panel.
            </p>
            <div className="ach-view-switch" role="group" aria-label="Show the matrix as">
              <button type="button" aria-pressed={picture === 'grid'} onClick={() => setPicture('grid')}>
                Grid
              </button>
              <button type="button" aria-pressed={picture === 'heat'} onClick={() => setPicture('heat')}>
                Heat map
              </button>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={sortByDiagnosticity} onChange={(event) => setSortByDiagnosticity(event.target.checked)} />
              Most diagnostic evidence first
            </label>
            {picture === 'grid' ? (
              <AchGrid
                matrix={matrix}
                analysis={analysis}
                readOnly={false}
                sortByDiagnosticity={sortByDiagnosticity}
                onRate={rate}
                onUndo={history.undo}
                onRedo={history.redo}
                onEditItem={setWeighing}
              />
            ) : (
              <HeatMap matrix={matrix} analysis={analysis} sortByDiagnosticity={sortByDiagnosticity} />
            )}
          </section>
        </div>
        <LibraryPanel verb="Add" onCite={evidence.add} />
      </div>
      <SensitivityPanel matrix={matrix} analysis={analysis} />
      {weighing && (
        <ItemDialog
          item={weighing}
          onClose={() => setWeighing(null)}
          onRemove={() => {
            setPending({ kind: 'removeItem', item: weighing });
            setWeighing(null);
          }}
        />
      )}
      {pending && (
        <ConfirmDialog
          title={
            pending.kind === 'delete'
              ? 'Delete this matrix?'
              : pending.kind === 'removeItem'
                ? 'Remove this item?'
                : 'Remove this hypothesis?'
          }
          message={
            pending.kind === 'delete'
              ? `“${matrix.title}” goes with its hypotheses, items and ratings. The quotes and sources stay in the library.`
              : pending.kind === 'removeItem'
                ? `“${pending.item.text.slice(0, 120)}” leaves the matrix with its ratings; the library keeps it.`
                : `“${pending.text}” goes with its column of ratings.`
          }
          confirmLabel={pending.kind === 'delete' ? 'Delete matrix' : 'Remove'}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}
