import { useState, type FormEvent } from 'react';
import { TAG_COLOURS, TAG_SEPARATOR, TagSchema, type Tag } from '../../src/domain/tag';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { FormField } from '../library';
import { useTags } from '../library';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { conflictOf, differingRows, type Conflict } from '../shell/conflict';
import { ConflictNotice } from '../shell/ConflictNotice';
import { ModalDialog } from '../shell/ModalDialog';
import { useToast } from '../shell/useToast';
import { countNoun } from '../../src/text/count-noun';

const TAG_FIELD_LABELS = { path: 'Path', color: 'Colour' } as const;

type Action = { kind: 'rename'; tag: Tag } | { kind: 'merge'; tag: Tag } | { kind: 'delete'; tag: Tag } | null;

function depth(tag: Tag): number {
  return tag.path.split(TAG_SEPARATOR).length - 1;
}

/** The path above the tag's own name ("Actor/" of "Actor/NATO"), shown muted before it. */
function parentPath(tag: Tag): string {
  const at = tag.path.lastIndexOf(TAG_SEPARATOR);
  return at < 0 ? '' : tag.path.slice(0, at + TAG_SEPARATOR.length);
}

/** The tag tree: create, rename (children follow), merge, recolour and delete. */
export function TagsView() {
  const command = useCommand();
  const toast = useToast();
  const { tags } = useTags();
  const [path, setPath] = useState('');
  const [action, setAction] = useState<Action>(null);
  const [draft, setDraft] = useState({ path: '', color: '', target: '', version: 1 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict<Tag> | null>(null);

  const run = async (work: () => Promise<unknown>, message: string): Promise<boolean> => {
    try {
      await work();
      toast({ message });
      setErrors({});
      return true;
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toast({ message: errorMessage(error), tone: 'error' });
      return false;
    }
  };

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await run(() => command('tags.create', { path }), `Created tag “${path.trim()}”.`)) setPath('');
  };

  const start = (next: Action): void => {
    setErrors({});
    setConflict(null);
    if (next) setDraft({ path: next.tag.path, color: next.tag.color, target: '', version: next.tag.version });
    setAction(next);
  };

  /** Renames from the version the dialog opened with; a rename made elsewhere since shows both. */
  const rename = async (tag: Tag, version = draft.version): Promise<void> => {
    try {
      await command('tags.update', { id: tag.id, version, path: draft.path, color: draft.color });
      toast({ message: `Renamed to “${draft.path.trim()}”.` });
      setErrors({});
      setConflict(null);
      setAction(null);
    } catch (error) {
      const refused = conflictOf(error, TagSchema);
      setConflict(refused);
      setErrors(fieldErrorsOf(error));
      if (!refused) toast({ message: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <section className="view" aria-labelledby="tags-heading">
      <header className="view-header">
        <h1 id="tags-heading">Tags</h1>
      </header>
      <form className="inline-form" onSubmit={(event) => void create(event)}>
        <input aria-label="New tag" value={path} onChange={(event) => setPath(event.target.value)} placeholder="e.g. Region/Asia-Pacific" />
        <button type="submit" className="primary" disabled={path.trim() === ''}>
          Create tag
        </button>
      </form>
      {tags.length === 0 ? (
        <p className="empty-state">
          No tags yet. Slashes make a hierarchy: Actor/NATO sits under Actor, and filtering by Actor includes it.
        </p>
      ) : (
        <ul className="tag-tree" aria-label="All tags">
          {tags.map((tag) => (
            <li key={tag.id} style={{ paddingLeft: `${depth(tag) * 1.5}rem` }}>
              <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
              <span className="tag-name" title={tag.path}>
                {parentPath(tag) && <span className="muted">{parentPath(tag)}</span>}
                {tag.path.slice(parentPath(tag).length)}
              </span>
              <span className="muted">
                {countNoun(tag.sourceCount, 'source', 'sources')} · {countNoun(tag.quoteCount, 'quote', 'quotes')}
              </span>
              <button type="button" onClick={() => start({ kind: 'rename', tag })} aria-label={`Rename tag ${tag.path}`}>
                Rename
              </button>
              <button type="button" onClick={() => start({ kind: 'merge', tag })} aria-label={`Merge tag ${tag.path}`}>
                Merge…
              </button>
              <button type="button" className="danger" onClick={() => start({ kind: 'delete', tag })} aria-label={`Delete tag ${tag.path}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {action?.kind === 'rename' && (
        <ModalDialog title={`Rename “${action.tag.path}”`} onRequestClose={() => setAction(null)}>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void rename(action.tag);
            }}
          >
            {conflict && (
              <ConflictNotice
                what="tag"
                rows={differingRows(
                  TAG_FIELD_LABELS,
                  { path: draft.path, color: draft.color },
                  { path: conflict.stored.path, color: conflict.stored.color },
                )}
                onKeepMine={() => {
                  setDraft({ ...draft, version: conflict.version });
                  void rename(action.tag, conflict.version);
                }}
                onTakeStored={() => {
                  setDraft({ ...draft, path: conflict.stored.path, color: conflict.stored.color, version: conflict.version });
                  setConflict(null);
                }}
              />
            )}
            <FormField label="Path" error={errors.path} hint="Children of this tag move with it.">
              <input value={draft.path} onChange={(event) => setDraft({ ...draft, path: event.target.value })} autoFocus />
            </FormField>
            <FormField label="Colour" error={errors.color}>
              <select value={draft.color} onChange={(event) => setDraft({ ...draft, color: event.target.value })}>
                {[...new Set([draft.color, ...TAG_COLOURS])].map((colour) => (
                  <option key={colour} value={colour}>
                    {colour}
                  </option>
                ))}
              </select>
            </FormField>
            <div className="dialog-actions">
              <button type="button" onClick={() => setAction(null)}>
                Cancel
              </button>
              <button type="submit" className="primary">
                Rename
              </button>
            </div>
          </form>
        </ModalDialog>
      )}
      {action?.kind === 'merge' && (
        <ModalDialog title={`Merge “${action.tag.path}” into…`} onRequestClose={() => setAction(null)}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const target = tags.find((tag) => tag.id === draft.target);
              if (!target) return;
              void run(() => command('tags.merge', { sourceId: action.tag.id, targetId: target.id }), `Merged into “${target.path}”.`).then(
                (ok) => ok && setAction(null),
              );
            }}
          >
            <p>
              Everything tagged “{action.tag.path}” (and its children) moves to the tag you choose; “{action.tag.path}” then goes.
            </p>
            <label className="stacked">
              Merge into
              <select value={draft.target} onChange={(event) => setDraft({ ...draft, target: event.target.value })} autoFocus>
                <option value="">Choose a tag</option>
                {tags
                  .filter((tag) => tag.id !== action.tag.id)
                  .map((tag) => (
                    <option key={tag.id} value={tag.id}>
                      {tag.path}
                    </option>
                  ))}
              </select>
            </label>
            <div className="dialog-actions">
              <button type="button" onClick={() => setAction(null)}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={draft.target === ''}>
                Merge
              </button>
            </div>
          </form>
        </ModalDialog>
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete the tag “${action.tag.path}”?`}
          message={`It is on ${action.tag.sourceCount} ${action.tag.sourceCount === 1 ? 'source' : 'sources'} and ${action.tag.quoteCount} ${action.tag.quoteCount === 1 ? 'quote' : 'quotes'}; they lose it. Child tags stay.`}
          confirmLabel="Delete tag"
          onCancel={() => setAction(null)}
          onConfirm={() => {
            const tag = action.tag;
            setAction(null);
            void run(() => command('tags.delete', { id: tag.id }), `Deleted tag “${tag.path}”.`);
          }}
        />
      )}
    </section>
  );
}
