import { useRef, useState, type FormEvent } from 'react';
import type { ProductType } from '../../src/domain/briefing';
import { ContractError } from '../../src/contract/client';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { FormField } from '../library';
import { ModalDialog } from '../shell/ModalDialog';

const NAME_SET_ELSEWHERE =
  'Your name was set in another window meanwhile, and is kept in Settings. Empty “Your name” to use it, or change it in Settings.';

/**
 * Title and product type; the briefing opens with its template's sections. Until the analyst has
 * a name in Settings, it asks for one too: the briefing's author, and the name on each change in a
 * judgement's change log, which would otherwise say "Unnamed analyst".
 */
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
  const settings = useContractQuery('settings.get', {});
  const [name, setName] = useState('');
  // Asked once the stored name is seen empty, and kept while the dialog is open: saving the name
  // below must not take the field away if the briefing is then refused.
  const [showsName, setShowsName] = useState(false);
  if (!showsName && settings.data?.analystName === '') setShowsName(true);
  const [titleMissing, setTitleMissing] = useState(false);
  const titleField = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleMissing(true);
      return titleField.current?.focus();
    }
    const namesAnalyst = showsName && name.trim() !== '';
    // A name set meanwhile in another window is not overwritten: neither one this dialog has since
    // read, nor one it has not (the version is the one it read).
    if (namesAnalyst && settings.data?.analystName !== '') return setError(NAME_SET_ELSEWHERE);
    setBusy(true);
    try {
      // The name first: the new briefing takes its author from Settings.
      if (namesAnalyst) await command('settings.update', { analystName: name, version: settings.data?.version });
      const created = await command('briefings.create', { title, typeId });
      onCreated(created.id);
    } catch (failure) {
      setError(failure instanceof ContractError && failure.payload.code === 'conflict' ? NAME_SET_ELSEWHERE : errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="New briefing" onRequestClose={onCancel}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormField label="Title" error={titleMissing ? 'Give the briefing a title.' : undefined}>
          <input
            ref={titleField}
            autoFocus
            value={title}
            onChange={(event) => (setTitle(event.target.value), setTitleMissing(false), setError(null))}
          />
        </FormField>
        <FormField label="Product type">
          <select value={typeId} onChange={(event) => setTypeId(event.target.value)}>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
                {type.wordLimit === null ? ' (no word limit)' : ` (up to ${type.wordLimit.toLocaleString('en')} words)`}
              </option>
            ))}
          </select>
        </FormField>
        {showsName && (
          <FormField label="Your name" hint="The briefing’s author, and the name on your changes to its judgements. Kept in Settings.">
            <input value={name} autoComplete="name" onChange={(event) => (setName(event.target.value), setError(null))} />
          </FormField>
        )}
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
