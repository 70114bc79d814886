import { useState } from 'react';
import type { EvidenceRef } from '../../src/domain/judgement';
import { combinedGrade } from '../../src/domain/quote';
import { snippetParts } from '../../src/domain/search';
import { useDebouncedSearch } from '../data/useDebouncedSearch';

interface Found {
  ref: EvidenceRef;
  text: string;
  detail: string;
}

const plain = (snippet: string): string =>
  snippetParts(snippet)
    .map((part) => part.text)
    .join('');

/** Search the library for a quote or source to link; each result has its own Link button. */
export function EvidencePicker({ onLink, linked }: { onLink: (ref: EvidenceRef) => void; linked: ReadonlySet<string> }) {
  const [text, setText] = useState('');
  const { results: found } = useDebouncedSearch(text, { limit: 10 });
  const shown: Found[] = found
    ? [
        ...found.quotes.items.map((quote) => ({
          ref: { kind: 'quote' as const, id: quote.id },
          text: plain(quote.snippet),
          detail: `${quote.sourceTitle} · ${combinedGrade(quote.reliability, quote.credibility)}`,
        })),
        ...found.sources.items.map((source) => ({
          ref: { kind: 'source' as const, id: source.id },
          text: source.title,
          detail: `Whole source · ${source.reliability ?? '?'}`,
        })),
      ]
    : [];
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
