import { useState, type FormEvent } from 'react';
import { localDay } from '../../src/analysis/indicators';
import { isCalendarDay, type IndicatorSighting } from '../../src/domain/indicator';
import { libraryHits } from '../../src/search/library-hits';
import { useDebouncedSearch } from '../data/useDebouncedSearch';

type Evidence = NonNullable<IndicatorSighting>['evidence'];

/**
 * Marks an indicator seen: the day (today unless changed) and the quote or source it was seen in,
 * found with the same library search and hits as the judgement's evidence picker.
 */
export function SightingForm({
  label,
  onSave,
  onCancel,
}: {
  /** The indicator's words, for the controls' names. */
  label: string;
  onSave: (sighting: NonNullable<IndicatorSighting>) => void;
  onCancel: () => void;
}) {
  const [on, setOn] = useState(() => localDay(new Date()));
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<{ evidence: Evidence; text: string } | null>(null);
  const { results } = useDebouncedSearch(text, { limit: 8 });
  const hits = libraryHits(results);
  const ready = picked !== null && isCalendarDay(on);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (picked && ready) onSave({ on, evidence: picked.evidence });
  };

  return (
    <form className="sighting-form" aria-label={`Mark “${label}” seen`} onSubmit={submit}>
      <label>
        Seen on <input type="date" required value={on} onChange={(event) => setOn(event.target.value)} />
      </label>
      <input
        type="search"
        aria-label="Find the evidence it was seen in"
        placeholder="Search quotes and sources"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {text.trim() !== '' && hits.length === 0 && <p className="muted">Nothing matches.</p>}
      {hits.length > 0 && (
        <ul className="cite-list" aria-label="Evidence it was seen in">
          {hits.map((hit) => {
            const chosen = picked?.evidence.kind === hit.ref.kind && picked.evidence.id === hit.ref.id;
            return (
              <li key={`${hit.ref.kind}:${hit.ref.id}`}>
                <span className="cite-text">{hit.text}</span>
                <span className="muted cite-detail">{hit.detail}</span>
                <button
                  type="button"
                  aria-pressed={chosen}
                  aria-label={`Seen in “${hit.text.slice(0, 60)}”`}
                  onClick={() => setPicked({ evidence: { kind: hit.ref.kind, id: hit.ref.id }, text: hit.text })}
                >
                  {chosen ? 'Chosen' : 'Choose'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted" aria-live="polite">
        {picked ? `Evidence: “${picked.text.slice(0, 80)}”` : 'Choose the quote or source it was seen in.'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!ready}>
          Save sighting
        </button>
      </div>
    </form>
  );
}
