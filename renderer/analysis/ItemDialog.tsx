import { useState, type FormEvent } from 'react';
import { ACH_WEIGHTS, type AchWeight } from '../../src/analysis/ach';
import type { AchItemRecord } from '../../src/domain/ach';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { FormField } from '../library';
import { ModalDialog } from '../shell/ModalDialog';
import { WEIGHT_LABELS } from './rating-labels';

/** Weighs an item: its relevance, and its credibility when the analyst overrides the grades (with a reason). */
export function ItemDialog({ item, onClose, onRemove }: { item: AchItemRecord; onClose: () => void; onRemove: () => void }) {
  const command = useCommand();
  const [relevance, setRelevance] = useState<AchWeight>(item.relevance);
  const [override, setOverride] = useState<AchWeight | ''>(item.credibilityOverride ?? '');
  const [reason, setReason] = useState(item.credibilityReason);
  const [text, setText] = useState(item.text);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const freeText = item.kind !== 'quote' && item.kind !== 'source';
  const graded = item.kind === 'quote' || item.kind === 'source';

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await command('ach.updateItem', {
        id: item.id,
        version: item.version,
        edit: {
          relevance,
          credibilityOverride: override === '' ? null : override,
          credibilityReason: reason,
          ...(freeText ? { text } : {}),
        },
      });
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    }
  };

  return (
    <ModalDialog title="Weigh the evidence item" onRequestClose={onClose}>
      <form noValidate onSubmit={(event) => void save(event)}>
        {failure && <p role="alert">{failure}</p>}
        {freeText ? (
          <FormField label="What it says" error={errors['edit.text']}>
            <textarea rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          </FormField>
        ) : (
          <p className="ach-item-quote">{item.text}</p>
        )}
        <FormField label="Relevance" hint="How much it bears on the question.">
          <select value={relevance} onChange={(event) => setRelevance(event.target.value as AchWeight)}>
            {ACH_WEIGHTS.map((weight) => (
              <option key={weight} value={weight}>
                {WEIGHT_LABELS[weight]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label="Credibility"
          hint={
            graded
              ? `From the grades (${item.reliability ?? 'ungraded'}${item.credibilityGrade ? item.credibilityGrade : ''}) unless you set it.`
              : 'Medium unless you set it.'
          }
        >
          <select value={override} onChange={(event) => setOverride(event.target.value as AchWeight | '')}>
            <option value="">{graded ? 'From the grades' : 'Medium (default)'}</option>
            {ACH_WEIGHTS.map((weight) => (
              <option key={weight} value={weight}>
                {WEIGHT_LABELS[weight]}
              </option>
            ))}
          </select>
        </FormField>
        {override !== '' && (
          <FormField label="Why the credibility differs" error={errors['edit.credibilityReason']}>
            <input value={reason} onChange={(event) => setReason(event.target.value)} />
          </FormField>
        )}
        <div className="dialog-actions">
          <button type="button" className="danger" onClick={onRemove}>
            Remove from the matrix…
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
