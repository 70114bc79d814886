import { useState } from 'react';
import type { CitationRef } from '../../src/domain/briefing';
import { combinedGrade } from '../../src/domain/quote';
import { useContractQuery } from '../data/useContractQuery';
import { useDebouncedSearch } from '../data/useDebouncedSearch';
import { CITATION_MIME } from '../editor';
import { libraryHits, type LibraryHit } from './library-hits';

/**
 * Quotes and sources to cite: drag one into the text, or press its Cite button. The ACH matrix
 * uses it too, to add evidence (`verb` "Add"): its grid takes the same drag.
 */
export function LibraryPanel({ onCite, verb = 'Cite' }: { onCite: (ref: CitationRef) => void; verb?: 'Cite' | 'Add' }) {
  const purpose = verb === 'Cite' ? 'to cite' : 'to add';
  const [text, setText] = useState('');
  // With nothing typed, the newest quotes; with a search, what it finds.
  const recent = useContractQuery('quotes.list', { limit: 30 }, { enabled: text.trim() === '' });
  const { results: found } = useDebouncedSearch(text, { limit: 15 });
  const items: LibraryHit[] =
    text.trim() === ''
      ? (recent.data?.items ?? []).map((quote) => ({
          ref: { kind: 'quote' as const, id: quote.id },
          text: quote.text,
          detail: `${quote.sourceTitle} · ${combinedGrade(quote.sourceReliability, quote.credibility)}`,
        }))
      : libraryHits(found);

  return (
    <section className="side-panel" aria-label="Library">
      <h2>Library</h2>
      <input
        type="search"
        aria-label={`Find evidence ${purpose}`}
        placeholder="Find quotes and sources"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {items.length === 0 ? (
        <p className="muted">{text.trim() === '' ? `Quotes you save in the Library appear here ${purpose}.` : 'Nothing matches.'}</p>
      ) : (
        <ul className="cite-list" aria-label={`Evidence ${purpose}`}>
          {items.map((item) => (
            <li
              key={`${item.ref.kind}:${item.ref.id}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(CITATION_MIME, JSON.stringify(item.ref));
                event.dataTransfer.setData('text/plain', '');
                event.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <span className="cite-text">{item.text}</span>
              <span className="muted cite-detail">{item.detail}</span>
              <button type="button" aria-label={`${verb} “${item.text.slice(0, 60)}”`} onClick={() => onCite(item.ref)}>
                {verb}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
