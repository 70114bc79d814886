import { shortRegionText } from '../../src/snapshot/pdf-selection';
import type { Quote } from '../../src/domain/quote';
import { GradeBadge } from './GradeBadge';
import { TagEditor } from './TagEditor';
import { UsedInDisclosure } from './UsedIn';

const INTEGRITY_TEXT: Readonly<Record<Quote['integrity'], string>> = {
  verified: 'Matches the snapshot',
  mismatch: 'Does not match the snapshot',
  unanchored: 'Typed (not selected in the snapshot)',
  'snapshot-altered': 'Not verified: the snapshot was changed after capture',
};

/** States that mean the quote can no longer be trusted as captured: announced, not just shown. */
const ALARMING: ReadonlySet<Quote['integrity']> = new Set(['mismatch', 'snapshot-altered']);

interface QuoteListProps {
  quotes: readonly Quote[];
  focusedId: string | null;
  onShow: (quote: Quote) => void;
  /** Which capture the quote was cut from, when that is worth saying (the source has several); null otherwise. */
  captureOf?: (quote: Quote) => string | null;
  onEdit: (quote: Quote) => void;
  onDelete: (quote: Quote) => void;
  /** Quotes ticked for acting on several at once (tagging). */
  selected: ReadonlySet<string>;
  onToggleSelected: (quote: Quote) => void;
}

function location(quote: Quote): string {
  return [
    quote.page ? `p. ${quote.page}` : '',
    quote.region ? shortRegionText(quote.page, quote.region) : '',
    quote.paragraph ? `¶ ${quote.paragraph}` : '',
    quote.timestamp,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The quotes cut from one source, in text order, each with its grade and integrity check. */
export function QuoteList({ quotes, focusedId, onShow, onEdit, onDelete, selected, onToggleSelected, captureOf }: QuoteListProps) {
  if (quotes.length === 0)
    return <p className="empty-state">No quotes yet. Select text in the snapshot and choose Save as quote, or add one by hand.</p>;
  return (
    <ol className="quote-list" aria-label="Quotes">
      {quotes.map((quote) => (
        <li
          key={quote.id}
          className={quote.id === focusedId ? 'quote focused' : 'quote'}
          aria-current={quote.id === focusedId ? 'true' : undefined}
        >
          <input
            type="checkbox"
            className="quote-select"
            checked={selected.has(quote.id)}
            onChange={() => onToggleSelected(quote)}
            aria-label={`Select quote “${quote.text.slice(0, 40)}”`}
          />
          <blockquote>{quote.verbatim ? `“${quote.text}”` : quote.text}</blockquote>
          <p className="quote-meta">
            <GradeBadge reliability={quote.sourceReliability} credibility={quote.credibility} quote />
            {quote.speaker && <span>{quote.speaker}</span>}
            {quote.dateSaid && <span>{quote.dateSaid}</span>}
            {location(quote) && <span>{location(quote)}</span>}
            {!quote.verbatim && <span>paraphrase</span>}
            {captureOf?.(quote) && <span className="quote-capture">{captureOf(quote)}</span>}
            <span className={`integrity integrity-${quote.integrity}`} role={ALARMING.has(quote.integrity) ? 'alert' : undefined}>
              {INTEGRITY_TEXT[quote.integrity]}
            </span>
          </p>
          {quote.note && <p className="quote-note">{quote.note}</p>}
          <TagEditor items={[{ kind: 'quote', id: quote.id }]} tags={quote.tags} label="Tag quote" />
          <UsedInDisclosure item={{ kind: 'quote', id: quote.id }} label={`Used in: quote “${quote.text.slice(0, 40)}”`} />
          <div className="quote-actions">
            {quote.span && (
              <button type="button" onClick={() => onShow(quote)}>
                Show in snapshot
              </button>
            )}
            <button type="button" onClick={() => onEdit(quote)} aria-label={`Edit quote “${quote.text.slice(0, 40)}”`}>
              Edit
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => onDelete(quote)}
              aria-label={`Delete quote “${quote.text.slice(0, 40)}”`}
            >
              Delete
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
