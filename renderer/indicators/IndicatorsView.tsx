import { useState } from 'react';
import { localDay } from '../../src/analysis/indicators';
import {
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_STATUS_FILTERS,
  type Indicator,
  type IndicatorStatusFilter,
} from '../../src/domain/indicator';
import { errorMessage } from '../app/error-message';
import { routeHash, type Route } from '../app/routes';
import { useContractQuery } from '../data/useContractQuery';
import { RadioGroup } from '../shell/RadioGroup';
import { ReviewDay, sightingText } from './IndicatorItem';

const FILTER_LABELS: Readonly<Record<IndicatorStatusFilter, string>> = { all: 'All', not_seen: 'Not yet seen', seen: 'Seen' };

function ownerRoute(indicator: Indicator): Route {
  return indicator.owner.kind === 'judgement'
    ? { view: 'briefing', briefingId: indicator.owner.containerId, judgementId: indicator.owner.id }
    : { view: 'matrix', matrixId: indicator.owner.containerId };
}

function ownerText(indicator: Indicator): string {
  const subject = indicator.owner.subject || '(no statement yet)';
  return indicator.owner.kind === 'judgement'
    ? `Key judgement in “${indicator.owner.containerTitle}”: ${subject}`
    : `Hypothesis in “${indicator.owner.containerTitle}”: ${subject}`;
}

/** Every indicator across briefings and matrices, earliest review first, overdue ones marked in words; each opens where it belongs. */
export function IndicatorsView() {
  const [status, setStatus] = useState<IndicatorStatusFilter>('all');
  const list = useContractQuery('indicators.due', { status }, { keepPrevious: true });
  const items = list.data?.items ?? [];
  const today = localDay(new Date());
  return (
    <section className="view indicators-view" aria-labelledby="indicators-heading">
      <header className="view-header">
        <h1 id="indicators-heading">Indicators</h1>
      </header>
      <p className="hint">
        What would be seen if a key judgement or hypothesis were true or false, earliest review first. Add them in a judgement’s evidence
        panel or beside a hypothesis in its matrix.
      </p>
      <RadioGroup
        className="choice-bar"
        legend="Show"
        name="indicator-status"
        options={INDICATOR_STATUS_FILTERS}
        labels={FILTER_LABELS}
        value={status}
        onChange={setStatus}
      />
      {list.error && <p role="alert">{errorMessage(list.error)}</p>}
      {list.isSuccess && items.length === 0 && (
        <p className="empty-state">
          {status === 'all'
            ? 'No indicators yet. Open a key judgement’s evidence, or a hypothesis in a matrix, and add what would show it to be true or false.'
            : `No indicators are ${FILTER_LABELS[status].toLowerCase()}.`}
        </p>
      )}
      {items.length > 0 && (
        <table className="sources-table" aria-labelledby="indicators-heading">
          <thead>
            <tr>
              <th scope="col">Review</th>
              <th scope="col">Indicator</th>
              <th scope="col">Status</th>
              <th scope="col">For</th>
            </tr>
          </thead>
          <tbody>
            {items.map((indicator) => (
              <tr key={indicator.id}>
                <td>
                  <ReviewDay indicator={indicator} today={today} />
                </td>
                <td>
                  {indicator.text}
                  <span className="muted"> ({INDICATOR_DIRECTION_LABELS[indicator.direction].toLowerCase()})</span>
                </td>
                <td>{sightingText(indicator)}</td>
                <td>
                  <a href={routeHash(ownerRoute(indicator))}>{ownerText(indicator)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
