import { useState, type FormEvent } from 'react';
import { addDays, localDay } from '../../src/analysis/indicators';
import {
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_DIRECTIONS,
  type Indicator,
  type IndicatorDirection,
  type IndicatorOwnerRef,
} from '../../src/domain/indicator';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { IndicatorItem } from './IndicatorItem';
import { useIndicatorCommand } from './useIndicatorCommand';

/** A new indicator is looked at again in a month unless the analyst says otherwise. */
const DEFAULT_REVIEW_DAYS = 30;

function AddIndicatorForm({ owner, ownerLabel, onDone }: { owner: IndicatorOwnerRef; ownerLabel: string; onDone: () => void }) {
  const run = useIndicatorCommand();
  const [text, setText] = useState('');
  const [direction, setDirection] = useState<IndicatorDirection>('if_true');
  const [reviewOn, setReviewOn] = useState(() => addDays(localDay(new Date()), DEFAULT_REVIEW_DAYS));
  const [notes, setNotes] = useState('');

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (text.trim() === '') return;
    const draft = { text, direction, reviewOn, notes };
    if (await run((command) => command('indicators.create', { owner, draft }))) onDone();
  };

  return (
    <form className="indicator-form" aria-label={`New indicator for ${ownerLabel}`} onSubmit={(event) => void submit(event)}>
      <label>
        What would be observed
        <input value={text} required onChange={(event) => setText(event.target.value)} />
      </label>
      <label>
        Direction
        <select value={direction} onChange={(event) => setDirection(event.target.value as IndicatorDirection)}>
          {INDICATOR_DIRECTIONS.map((value) => (
            <option key={value} value={value}>
              {INDICATOR_DIRECTION_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Review by
        <input type="date" required value={reviewOn} onChange={(event) => setReviewOn(event.target.value)} />
      </label>
      <label>
        Notes (optional)
        <input value={notes} onChange={(event) => setNotes(event.target.value)} />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={text.trim() === ''}>
          Add indicator
        </button>
      </div>
    </form>
  );
}

/** The indicators of one judgement or hypothesis, and the way to add one. */
function IndicatorSection({
  owner,
  ownerLabel,
  items,
  error,
}: {
  owner: IndicatorOwnerRef;
  /** Names the owner in the controls' names: "key judgement 2", "hypothesis “H1”". */
  ownerLabel: string;
  items: readonly Indicator[];
  error: Error | null;
}) {
  const [adding, setAdding] = useState(false);
  const today = localDay(new Date());
  return (
    <section className="indicators" aria-label={`Indicators for ${ownerLabel}`}>
      <h3>Indicators</h3>
      {error && <p role="alert">{errorMessage(error)}</p>}
      {items.length === 0 ? (
        <p className="muted">None yet: what would you expect to see if this were true, or false?</p>
      ) : (
        <ul className="indicator-list">
          {items.map((indicator) => (
            <IndicatorItem key={indicator.id} indicator={indicator} today={today} />
          ))}
        </ul>
      )}
      {adding ? (
        <AddIndicatorForm owner={owner} ownerLabel={ownerLabel} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" aria-label={`Add an indicator for ${ownerLabel}`} onClick={() => setAdding(true)}>
          Add indicator…
        </button>
      )}
    </section>
  );
}

/** A key judgement's indicators, for its evidence panel. */
export function JudgementIndicators({ judgementId, ownerLabel }: { judgementId: string; ownerLabel: string }) {
  const list = useContractQuery('indicators.list', { of: { kind: 'judgement', id: judgementId } });
  return (
    <IndicatorSection
      owner={{ kind: 'judgement', id: judgementId }}
      ownerLabel={ownerLabel}
      items={list.data?.items ?? []}
      error={list.error}
    />
  );
}

/** A hypothesis's indicators, beside it in the matrix view (one read serves every hypothesis of the matrix). */
export function HypothesisIndicators({
  matrixId,
  hypothesisId,
  ownerLabel,
}: {
  matrixId: string;
  hypothesisId: string;
  ownerLabel: string;
}) {
  const list = useContractQuery('indicators.list', { of: { kind: 'matrix', id: matrixId } });
  const items = (list.data?.items ?? []).filter((indicator) => indicator.owner.id === hypothesisId);
  return <IndicatorSection owner={{ kind: 'hypothesis', id: hypothesisId }} ownerLabel={ownerLabel} items={items} error={list.error} />;
}
