import { limitState, type DocumentCount } from '../../src/briefing/word-count';
import type { ValueStore } from '../shell/value-store';
import { useStoreValue } from '../shell/useStoreValue';

const fmt = (n: number): string => n.toLocaleString('en');

function overBy(words: number, limit: number | null): string {
  if (limit === null) return '';
  const state = limitState(words, limit);
  if (state === 'over') return ` — over by ${fmt(words - limit)}`;
  return state === 'near' ? ' — near the limit' : '';
}

/**
 * The live count against the product's limit, always in view on the editor's status line, with
 * each section's count against its cap one click away. Counted: the body text of sections; not
 * the title block, headings, citations, images, annexes or notes.
 */
export function WordCountPanel({ store, limit }: { store: ValueStore<DocumentCount | null>; limit: number | null }) {
  const count = useStoreValue(store);
  if (!count) return null;
  const total = limitState(count.total, limit);
  return (
    <section className="word-status" aria-label="Word count">
      <p className={`word-total words-${total}`} aria-live="polite">
        {limit === null ? `${fmt(count.total)} words (no limit)` : `${fmt(count.total)} / ${fmt(limit)} words${overBy(count.total, limit)}`}
      </p>
      <details className="word-sections">
        <summary>By section</summary>
        <div className="word-sections-pop">
          <ul className="section-counts">
            {count.sections.map((section) => (
              <li key={section.sectionId ?? 'loose'} className={`words-${limitState(section.words, section.cap)}`}>
                <span>{section.heading || (section.sectionId === null ? 'Outside sections' : 'Untitled section')}</span>
                <span>
                  {section.role !== 'body'
                    ? `${fmt(section.words)} (not counted)`
                    : section.cap === null
                      ? fmt(section.words)
                      : `${fmt(section.words)} / ${fmt(section.cap)}${overBy(section.words, section.cap)}`}
                </span>
              </li>
            ))}
          </ul>
          <p className="hint">Counts the body text of each section: not the title block, headings, citations, images, annexes or notes.</p>
        </div>
      </details>
    </section>
  );
}
