import type { SearchWithBriefings as Results } from '../../src/domain/briefing-search';
import { BRIEFING_STATUS_LABELS } from '../../src/domain/briefing-status';
import type { SearchOrder } from '../../src/domain/search';
import { SOURCE_KIND_LABELS } from '../../src/domain/source-kinds';
import { groupedDigits } from '../../src/text/grouped-digits';
import { openBriefing, openSource } from '../app/router';
import { GradeBadge } from './GradeBadge';
import { Snippet } from './Snippet';

/** A result group's count; briefings are few and always ranked, so they carry no order. */
type Group = { total: number; capped: boolean; order?: SearchOrder };

/** "2,000+, newest first": a capped count, and the order when it is not relevance. */
function countLabel(group: Group): string {
  const count = group.capped ? `${groupedDigits(group.total)}+` : groupedDigits(group.total);
  return group.order === 'newest' && group.total > 0 ? `${count}, newest first` : count;
}

interface SearchResultsProps {
  results: Results;
}

/** Matches grouped into sources and quotes, best first, with highlighted snippets. */
export function SearchResults({ results }: SearchResultsProps) {
  const { sources, quotes, briefings } = results;
  if (sources.total === 0 && quotes.total === 0 && briefings.total === 0 && (sources.capped || quotes.capped)) {
    return (
      <p className="empty-state">None of the newest matches passes these filters. Add a word to narrow the search, or clear the filters.</p>
    );
  }
  if (sources.total === 0 && quotes.total === 0 && briefings.total === 0) {
    return <p className="empty-state">Nothing matches. Try fewer words, a prefix such as miss*, or clear the filters.</p>;
  }
  return (
    <div className="search-results">
      <section aria-labelledby="results-sources">
        <h2 id="results-sources">Sources ({countLabel(sources)})</h2>
        <ul aria-label="Matching sources">
          {sources.items.map((item) => (
            <li key={item.id}>
              <button type="button" className="result" onClick={() => openSource(item.id)} aria-label={`Open source “${item.title}”`}>
                <span className="result-title">
                  <GradeBadge reliability={item.reliability} /> {item.title}{' '}
                  <span className="muted">· {SOURCE_KIND_LABELS[item.kind]}</span>
                </span>
                <Snippet text={item.snippet} />
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="results-quotes">
        <h2 id="results-quotes">Quotes ({countLabel(quotes)})</h2>
        <ul aria-label="Matching quotes">
          {quotes.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="result"
                onClick={() => openSource(item.sourceId, item.id)}
                aria-label={`Open quote from “${item.sourceTitle}”`}
              >
                <span className="result-title">
                  <GradeBadge reliability={item.reliability} credibility={item.credibility} quote />{' '}
                  <span className="muted">{item.sourceTitle}</span>
                </span>
                <Snippet text={item.snippet} />
              </button>
            </li>
          ))}
        </ul>
      </section>
      {briefings.total > 0 && (
        <section aria-labelledby="results-briefings">
          <h2 id="results-briefings">Briefings ({countLabel(briefings)})</h2>
          <ul aria-label="Matching briefings">
            {briefings.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="result" onClick={() => openBriefing(item.id)} aria-label={`Open briefing “${item.title}”`}>
                  <span className="result-title">
                    {item.title}{' '}
                    <span className="muted">
                      · {item.typeName} · {BRIEFING_STATUS_LABELS[item.status]}
                    </span>
                  </span>
                  <Snippet text={item.snippet} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
