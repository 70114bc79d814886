import { useState } from 'react';
import type { EvidenceRef } from '../../src/domain/judgement';
import { useDebouncedSearch } from '../data/useDebouncedSearch';
import { libraryHits } from './library-hits';

/** Search the library for a quote or source to link; each result has its own Link button. */
export function EvidencePicker({ onLink, linked }: { onLink: (ref: EvidenceRef) => void; linked: ReadonlySet<string> }) {
  const [text, setText] = useState('');
  const { results: found } = useDebouncedSearch(text, { limit: 10 });
  const shown = libraryHits(found);
  return (
    <div className="evidence-picker">
      <input
        type="search"
        aria-label="Find evidence to link"
        placeholder="Search quotes and sources to link"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {text.trim() !== '' && shown.length === 0 && <p className="muted">Nothing matches.</p>}
      {shown.length > 0 && (
        <ul className="cite-list" aria-label="Evidence to link">
          {shown.map((item) => (
            <li key={`${item.ref.kind}:${item.ref.id}`}>
              <span className="cite-text">{item.text}</span>
              <span className="muted cite-detail">{item.detail}</span>
              <button
                type="button"
                disabled={linked.has(`${item.ref.kind}:${item.ref.id}`)}
                aria-label={`Link “${item.text.slice(0, 60)}”`}
                onClick={() => onLink(item.ref)}
              >
                {linked.has(`${item.ref.kind}:${item.ref.id}`) ? 'Linked' : 'Link'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
