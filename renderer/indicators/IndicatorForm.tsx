import { useState, type FormEvent } from 'react';
import { INDICATOR_DIRECTION_LABELS, INDICATOR_DIRECTIONS, type IndicatorDirection, type IndicatorDraft } from '../../src/domain/indicator';

/**
 * An indicator's words, direction, review day and notes: for a new one and for editing one. The
 * form keeps what was typed until `onSubmit` resolves true, so a refused save loses nothing.
 */
export function IndicatorForm({
  name,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** The form's accessible name. */
  name: string;
  initial: IndicatorDraft;
  submitLabel: string;
  onSubmit: (draft: IndicatorDraft) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial.text);
  const [direction, setDirection] = useState<IndicatorDirection>(initial.direction);
  const [reviewOn, setReviewOn] = useState(initial.reviewOn);
  const [notes, setNotes] = useState(initial.notes);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (text.trim() !== '' && (await onSubmit({ text, direction, reviewOn, notes }))) onCancel();
  };

  return (
    <form className="indicator-form" aria-label={name} onSubmit={(event) => void submit(event)}>
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
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={text.trim() === ''}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
