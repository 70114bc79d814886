import { useState, type FormEvent } from 'react';
import type { ProductType } from '../../src/domain/briefing';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { ModalDialog } from '../shell/ModalDialog';

/** Title and product type; the briefing opens with its template's sections. */
export function NewBriefingDialog({
  types,
  onCreated,
  onCancel,
}: {
  types: ProductType[];
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const command = useCommand();
  const [title, setTitle] = useState('');
  const [typeId, setTypeId] = useState('briefing');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') return setError('Give the briefing a title.');
    setBusy(true);
    try {
      const created = await command('briefings.create', { title, typeId });
      onCreated(created.id);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="New briefing" onRequestClose={onCancel}>
      <form onSubmit={(event) => void submit(event)}>
        <label className="field">
          Title
          <input
            autoFocus
            value={title}
            aria-invalid={error !== null}
            onChange={(event) => (setTitle(event.target.value), setError(null))}
          />
        </label>
        <label className="field">
          Product type
          <select value={typeId} onChange={(event) => setTypeId(event.target.value)}>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
                {type.wordLimit === null ? ' (no word limit)' : ` (up to ${type.wordLimit.toLocaleString('en')} words)`}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Create briefing
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
