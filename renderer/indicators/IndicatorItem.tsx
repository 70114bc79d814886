import { useState } from 'react';
import { REVIEW_STATE_LABELS, reviewState } from '../../src/analysis/indicators';
import { INDICATOR_DIRECTION_LABELS, type Indicator } from '../../src/domain/indicator';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { IndicatorForm } from './IndicatorForm';
import { SightingForm } from './SightingForm';
import { useIndicatorCommand } from './useIndicatorCommand';

const EVIDENCE_STATE = { live: '', trashed: ' (in the trash)', missing: ' (deleted)' } as const;

function short(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** What was seen, in words: the day and the quote or source, or that it has not been seen. */
export function sightingText(indicator: Indicator): string {
  if (indicator.seenOn === null) return 'Not yet seen';
  const evidence = indicator.evidence;
  if (!evidence) return `Seen on ${indicator.seenOn}`;
  const words = evidence.kind === 'quote' ? `“${short(evidence.text, 80)}”` : evidence.sourceTitle;
  return `Seen on ${indicator.seenOn} in ${words}${EVIDENCE_STATE[evidence.state]}`;
}

/** The review day with its state in words (and a mark), so overdue is never told by colour alone. */
export function ReviewDay({ indicator, today }: { indicator: Indicator; today: string }) {
  const state = reviewState(indicator, today);
  return (
    <span className={`indicator-review indicator-${state}`}>
      Review by {indicator.reviewOn}
      {(state === 'overdue' || state === 'due') && (
        <strong className="indicator-flag">
          {' '}
          <span aria-hidden="true">⚠ </span>
          {REVIEW_STATE_LABELS[state]}
        </strong>
      )}
    </span>
  );
}

/** One indicator of a judgement or hypothesis: what it says, its status and review day; mark it seen or not, delete it. */
export function IndicatorItem({ indicator, today }: { indicator: Indicator; today: string }) {
  const run = useIndicatorCommand();
  const [marking, setMarking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const label = short(indicator.text);
  return (
    <li className="indicator" aria-label={`Indicator: ${label}`}>
      <p className="indicator-text">{indicator.text}</p>
      <p className="indicator-meta">
        <span>{INDICATOR_DIRECTION_LABELS[indicator.direction]}</span> · <span className="indicator-status">{sightingText(indicator)}</span>{' '}
        · <ReviewDay indicator={indicator} today={today} />
      </p>
      {indicator.notes && <p className="muted indicator-notes">{indicator.notes}</p>}
      <div className="indicator-actions">
        {indicator.seenOn === null ? (
          <button type="button" aria-label={`Mark seen: “${label}”`} aria-expanded={marking} onClick={() => setMarking(!marking)}>
            Mark seen…
          </button>
        ) : (
          <button
            type="button"
            aria-label={`Mark not yet seen: “${label}”`}
            onClick={() =>
              void run((command) => command('indicators.setSighting', { id: indicator.id, version: indicator.version, sighting: null }))
            }
          >
            Mark not yet seen
          </button>
        )}
        <button type="button" aria-label={`Edit indicator “${label}”`} aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit…
        </button>
        <button type="button" className="link-button" aria-label={`Delete indicator “${label}”`} onClick={() => setDeleting(true)}>
          Delete
        </button>
      </div>
      {editing && (
        <IndicatorForm
          name={`Edit indicator “${label}”`}
          initial={indicator}
          submitLabel="Save indicator"
          onSubmit={(edit) => run((command) => command('indicators.update', { id: indicator.id, version: indicator.version, edit }))}
          onCancel={() => setEditing(false)}
        />
      )}
      {marking && (
        <SightingForm
          label={label}
          onCancel={() => setMarking(false)}
          onSave={(sighting) =>
            void run((command) => command('indicators.setSighting', { id: indicator.id, version: indicator.version, sighting })).then(
              (saved) => saved && setMarking(false),
            )
          }
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this indicator?"
          message={`“${short(indicator.text, 120)}” and its sighting go for good; the quote or source it was seen in stays in the library.`}
          confirmLabel="Delete indicator"
          onCancel={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            void run((command) => command('indicators.delete', { id: indicator.id }));
          }}
        />
      )}
    </li>
  );
}
