import { useState, type FormEvent } from 'react';
import { ASSUMPTION_STATUS_LABELS, ASSUMPTION_STATUSES, type Assumption, type AssumptionStatus } from '../../src/domain/assumption';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { FormField } from '../library';
import { ModalDialog } from '../shell/ModalDialog';

const STATUS_HINTS: Readonly<Record<AssumptionStatus, string>> = {
  solid: 'Well founded: you could show a reviewer why.',
  caveated: 'Holds only under a condition: say which.',
  unsupported: 'Believed without grounds anyone could check.',
};

/** Adds an assumption to the briefing's register, or edits one (refused if another window changed it meanwhile). */
export function AssumptionDialog({
  briefingId,
  assumption,
  onClose,
}: {
  briefingId: string;
  /** The assumption to edit; null adds a new one. */
  assumption: Assumption | null;
  onClose: () => void;
}) {
  const command = useCommand();
  const [text, setText] = useState(assumption?.text ?? '');
  const [rationale, setRationale] = useState(assumption?.rationale ?? '');
  const [status, setStatus] = useState<AssumptionStatus>(assumption?.status ?? 'solid');
  const [caveat, setCaveat] = useState(assumption?.caveat ?? '');
  const [wrongIf, setWrongIf] = useState((assumption?.wrongIf ?? []).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const draft = { text, rationale, status, caveat: status === 'caveated' ? caveat : '', wrongIf: wrongIf.split('\n') };
    try {
      if (assumption) await command('assumptions.update', { id: assumption.id, baseVersion: assumption.version, draft });
      else await command('assumptions.create', { briefingId, draft });
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    }
  };

  return (
    <ModalDialog title={assumption ? 'Edit the assumption' : 'Add a key assumption'} onRequestClose={onClose}>
      <form noValidate onSubmit={(event) => void save(event)}>
        {failure && <p role="alert">{failure}</p>}
        <FormField label="Assumption" error={errors['draft.text']}>
          <textarea rows={2} value={text} onChange={(event) => setText(event.target.value)} />
        </FormField>
        <FormField label="Why it is believed" error={errors['draft.rationale']}>
          <textarea rows={2} value={rationale} onChange={(event) => setRationale(event.target.value)} />
        </FormField>
        <FormField label="Status" hint={STATUS_HINTS[status]}>
          <select value={status} onChange={(event) => setStatus(event.target.value as AssumptionStatus)}>
            {ASSUMPTION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {ASSUMPTION_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </FormField>
        {status === 'caveated' && (
          <FormField label="Caveat" error={errors['draft.caveat']}>
            <input value={caveat} onChange={(event) => setCaveat(event.target.value)} />
          </FormField>
        )}
        <FormField label="What would show it wrong" hint="One observation a line." error={errors['draft.wrongIf']}>
          <textarea rows={3} value={wrongIf} onChange={(event) => setWrongIf(event.target.value)} />
        </FormField>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {assumption ? 'Save' : 'Add assumption'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
