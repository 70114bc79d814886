import { DUPLICATE_REASON_LABELS } from '../../src/interchange/duplicates';
import type { DuplicateAction } from '../../src/interchange/plan';
import { entryName } from '../../src/interchange/record';
import type { Duplicate } from '../../src/interchange/schemas';

interface DuplicateListProps {
  duplicates: readonly Duplicate[];
  /** Total found; the list may be shorter for a very large file. */
  count: number;
  actions: ReadonlyMap<number, DuplicateAction>;
  fallback: DuplicateAction;
  onChange: (ordinal: number, action: DuplicateAction) => void;
  onAll: (action: DuplicateAction) => void;
}

/** Each duplicate with what it repeats and a Skip / Merge / Import choice, plus a choice for all sure duplicates at once. */
export function DuplicateList({ duplicates, count, actions, fallback, onChange, onAll }: DuplicateListProps) {
  return (
    <section aria-labelledby="duplicates-heading" className="duplicates">
      <div className="duplicates-header">
        <h3 id="duplicates-heading">{count === 1 ? '1 duplicate' : `${count.toLocaleString()} duplicates`}</h3>
        <div className="toolbar">
          <button type="button" onClick={() => onAll('skip')}>
            Skip all
          </button>
          <button type="button" onClick={() => onAll('merge')}>
            Merge all
          </button>
        </div>
      </div>
      <p className="hint">
        Merge fills the fields the existing source leaves empty, adds new notes and tags, and never changes its grade. Skip leaves it as it
        is. A possible duplicate (only the web address is the same) is imported separately unless you choose otherwise.
      </p>
      <ul className="duplicate-items">
        {duplicates.map((duplicate) => {
          // A shared address alone does not make a duplicate: such an entry is imported unless the user says otherwise.
          const action = actions.get(duplicate.ordinal) ?? (duplicate.possible ? 'import' : fallback);
          const groupName = `duplicate-${duplicate.ordinal}`;
          return (
            <li key={duplicate.ordinal}>
              <fieldset>
                <legend>{duplicate.title}</legend>
                <p className="hint">
                  {entryName(duplicate)}: {duplicate.possible ? 'possible duplicate, ' : ''}
                  {DUPLICATE_REASON_LABELS[duplicate.reason]} as{' '}
                  {duplicate.match.in === 'library' ? 'the library’s' : 'the file’s earlier entry'} “{duplicate.match.title}”
                </p>
                <label>
                  <input type="radio" name={groupName} checked={action === 'skip'} onChange={() => onChange(duplicate.ordinal, 'skip')} />{' '}
                  Skip
                </label>{' '}
                <label>
                  <input type="radio" name={groupName} checked={action === 'merge'} onChange={() => onChange(duplicate.ordinal, 'merge')} />{' '}
                  Merge
                </label>{' '}
                <label>
                  <input
                    type="radio"
                    name={groupName}
                    checked={action === 'import'}
                    onChange={() => onChange(duplicate.ordinal, 'import')}
                  />{' '}
                  Import separately
                </label>
              </fieldset>
            </li>
          );
        })}
      </ul>
      {count > duplicates.length && (
        <p className="hint">
          The other {(count - duplicates.length).toLocaleString()} duplicates follow the last “all” choice ({fallback}).
        </p>
      )}
    </section>
  );
}
