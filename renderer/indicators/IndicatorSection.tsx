import { useState } from 'react';
import { addDays, localDay } from '../../src/analysis/indicators';
import type { Indicator, IndicatorOwnerRef } from '../../src/domain/indicator';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { IndicatorForm } from './IndicatorForm';
import { IndicatorItem } from './IndicatorItem';
import { useIndicatorCommand } from './useIndicatorCommand';

/** A new indicator is looked at again in a month unless the analyst says otherwise. */
const DEFAULT_REVIEW_DAYS = 30;

/** The indicators of one judgement or hypothesis, and the way to add one. */
function IndicatorSection({
  owner,
  ownerLabel,
  items,
  error,
  compact = false,
}: {
  owner: IndicatorOwnerRef;
  /** Names the owner in the controls' names: "key judgement 2", "hypothesis “H1”". */
  ownerLabel: string;
  items: readonly Indicator[];
  error: Error | null;
  /** Beside a hypothesis in a matrix: no heading, nothing said when there are none, and a link-like add, so the list stays short above the grid. */
  compact?: boolean;
}) {
  const run = useIndicatorCommand();
  const [adding, setAdding] = useState(false);
  const today = localDay(new Date());
  return (
    <section className={compact ? 'indicators indicators-compact' : 'indicators'} aria-label={`Indicators for ${ownerLabel}`}>
      {!compact && <h3>Indicators</h3>}
      {error && <p role="alert">{errorMessage(error)}</p>}
      {items.length === 0 ? (
        !compact && <p className="muted">None yet: what would you expect to see if this were true, or false?</p>
      ) : (
        <ul className="indicator-list">
          {items.map((indicator) => (
            <IndicatorItem key={indicator.id} indicator={indicator} today={today} />
          ))}
        </ul>
      )}
      {adding ? (
        <IndicatorForm
          name={`New indicator for ${ownerLabel}`}
          initial={{ text: '', direction: 'if_true', reviewOn: addDays(today, DEFAULT_REVIEW_DAYS), notes: '' }}
          submitLabel="Add indicator"
          onSubmit={(draft) => run((command) => command('indicators.create', { owner, draft }))}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button
          type="button"
          className={compact ? 'link-button' : undefined}
          aria-label={`Add indicator for ${ownerLabel}`}
          title={compact ? 'What would you expect to see if this were true, or false?' : undefined}
          onClick={() => setAdding(true)}
        >
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
  return (
    <IndicatorSection compact owner={{ kind: 'hypothesis', id: hypothesisId }} ownerLabel={ownerLabel} items={items} error={list.error} />
  );
}
