import { useState, type FormEvent } from 'react';
import { ACH_ITEM_KIND_LABELS, type AchItemKind } from '../../src/domain/ach';
import { libraryHits } from '../../src/search/library-hits';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useDebouncedSearch } from '../data/useDebouncedSearch';
import { useToast } from '../shell/useToast';

const WORDED_KINDS = ['argument', 'assumption', 'absence'] as const satisfies readonly AchItemKind[];

/** Adds evidence: a quote or source found in the library, or an argument, assumption or absence in words. */
export function AddEvidence({ matrixId }: { matrixId: string }) {
  const command = useCommand();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<(typeof WORDED_KINDS)[number]>('argument');
  const [text, setText] = useState('');
  const found = useDebouncedSearch(search, { limit: 8 });
  const hits = libraryHits(found.results);

  const add = async (item: { kind: AchItemKind; targetId?: string; text?: string }): Promise<boolean> => {
    try {
      await command('ach.addItem', { matrixId, item });
      return true;
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
      return false;
    }
  };

  const addWorded = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (text.trim() !== '' && (await add({ kind, text }))) setText('');
  };

  return (
    <section className="ach-add" aria-labelledby="ach-add-heading">
      <h2 id="ach-add-heading">Add evidence</h2>
      <form className="inline-form" onSubmit={(event) => void addWorded(event)}>
        <select aria-label="Kind of item" value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          {WORDED_KINDS.map((value) => (
            <option key={value} value={value}>
              {ACH_ITEM_KIND_LABELS[value]}
            </option>
          ))}
        </select>
        <input
          aria-label="Item in words"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="e.g. No exercise was announced"
        />
        <button type="submit" disabled={text.trim() === ''}>
          Add item
        </button>
      </form>
      <input
        type="search"
        aria-label="Find a quote or source to add"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder="Find a quote or source in the library"
      />
      {found.error && <p role="alert">{found.error}</p>}
      {hits.length > 0 && (
        <ul className="ach-hits" aria-label="Library matches">
          {hits.map((hit) => (
            <li key={`${hit.ref.kind}:${hit.ref.id}`}>
              <button
                type="button"
                onClick={() => void add({ kind: hit.ref.kind, targetId: hit.ref.id })}
                aria-label={`Add ${hit.ref.kind} “${hit.text.slice(0, 80)}”`}
              >
                Add
              </button>{' '}
              {hit.text} <span className="muted">{hit.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
