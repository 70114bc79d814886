import { useState } from 'react';
import type { SourceLink } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useDebouncedSearch } from '../data/useDebouncedSearch';
import { useToast } from '../shell/useToast';
import { GradeBadge } from './GradeBadge';
import { titlePrefixes } from './title-prefixes';

interface DerivationPanelProps {
  sourceId: string;
  derivedFrom: readonly SourceLink[];
  reportedBy: readonly SourceLink[];
  onOpen: (sourceId: string) => void;
}

/**
 * "Reports on / derived from": a wire story based on a speech is not an independent source.
 * Judgements count independent sources through these links.
 */
export function DerivationPanel({ sourceId, derivedFrom, reportedBy, onOpen }: DerivationPanelProps) {
  const command = useCommand();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const { results } = useDebouncedSearch(titlePrefixes(query), { limit: 8 });
  const candidates = results?.sources.items.filter((item) => item.id !== sourceId) ?? [];

  const act = (action: Promise<unknown>): void => {
    action.catch((error: unknown) => toast({ message: errorMessage(error), tone: 'error' }));
  };

  const links = (items: readonly SourceLink[], removable: boolean) =>
    items.map((item) => (
      <li key={item.id}>
        <GradeBadge reliability={item.reliability} />{' '}
        <button type="button" className="link" onClick={() => onOpen(item.id)}>
          {item.title}
        </button>
        {removable && (
          <button
            type="button"
            className="ghost"
            aria-label={`Remove link to “${item.title}”`}
            onClick={() => act(command('sources.unlink', { sourceId, originId: item.id }))}
          >
            ×
          </button>
        )}
      </li>
    ));

  return (
    <section className="panel" aria-labelledby="derivation-heading">
      <h3 id="derivation-heading">Derived from</h3>
      {derivedFrom.length === 0 ? (
        <p className="muted">Not marked as reporting on another source.</p>
      ) : (
        <ul className="links">{links(derivedFrom, true)}</ul>
      )}
      <label className="stacked">
        Mark as derived from…
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Type a source title" />
      </label>
      {candidates.length > 0 && (
        <ul className="links" aria-label="Sources to link">
          {candidates.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  act(command('sources.link', { sourceId, originId: item.id }));
                }}
              >
                Derived from “{item.title}”
              </button>
            </li>
          ))}
        </ul>
      )}
      {reportedBy.length > 0 && (
        <>
          <h3>Reported by</h3>
          <ul className="links">{links(reportedBy, false)}</ul>
        </>
      )}
    </section>
  );
}
