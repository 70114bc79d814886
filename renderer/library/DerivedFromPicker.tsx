import { useState } from 'react';
import type { SourceLink } from '../../src/domain/source';
import { useDebouncedSearch } from '../data/useDebouncedSearch';
import { titlePrefixes } from './title-prefixes';

/**
 * The New-source form's "derived from" links, chosen before the source exists: picked sources are
 * held here and linked by the same save that creates the source.
 */
export function DerivedFromPicker({ picked, onChange }: { picked: readonly SourceLink[]; onChange: (next: SourceLink[]) => void }) {
  const [query, setQuery] = useState('');
  const { results } = useDebouncedSearch(titlePrefixes(query), { limit: 8 });
  const candidates = results?.sources.items.filter((item) => !picked.some((link) => link.id === item.id)) ?? [];

  return (
    <fieldset className="derived-from-picker">
      <legend>Derived from</legend>
      {picked.length > 0 && (
        <ul className="links" aria-label="Derived from">
          {picked.map((link) => (
            <li key={link.id}>
              {link.title}{' '}
              <button
                type="button"
                className="ghost"
                aria-label={`Remove link to “${link.title}”`}
                onClick={() => onChange(picked.filter((other) => other.id !== link.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="stacked">
        Mark as derived from…
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Type a source title" />
      </label>
      {query.trim() !== '' && candidates.length > 0 && (
        <ul className="links" aria-label="Sources to link">
          {candidates.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  onChange([...picked, { id: item.id, title: item.title, reliability: item.reliability }]);
                }}
              >
                Derived from “{item.title}”
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
