import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { navigate } from '../app/router';
import { useCommand } from '../data/mutations';
import { FormField } from '../library';
import { ModalDialog } from '../shell/ModalDialog';

/** The reminder Heuer's method asks for: the answer may be none of those listed, or a deception. */
export const NONE_OF_THE_ABOVE = 'None of the above, or deception';

/** Starts a matrix: its title, the question, and the first hypotheses, one per line. */
export function NewMatrixDialog({ onClose }: { onClose: () => void }) {
  const command = useCommand();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [hypotheses, setHypotheses] = useState('');
  const [reminder, setReminder] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const lines = hypotheses
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const all = reminder && !lines.includes(NONE_OF_THE_ABOVE) ? [...lines, NONE_OF_THE_ABOVE] : lines;

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (lines.length < 2) {
      setErrors({ hypotheses: 'Write at least two hypotheses, one per line.' });
      return;
    }
    try {
      const matrix = await command('ach.create', { title, question, hypotheses: all });
      onClose();
      navigate({ view: 'matrix', matrixId: matrix.id });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    }
  };

  return (
    <ModalDialog title="New matrix" onRequestClose={onClose}>
      <form noValidate onSubmit={(event) => void create(event)}>
        {failure && <p role="alert">{failure}</p>}
        <FormField label="Title" error={errors.title}>
          <input value={title} onChange={(event) => setTitle(event.target.value)} autoFocus />
        </FormField>
        <FormField label="Question" error={errors.question} hint="What the hypotheses answer, e.g. why the visit took place.">
          <input value={question} onChange={(event) => setQuestion(event.target.value)} />
        </FormField>
        <FormField
          label="Hypotheses"
          error={errors.hypotheses}
          hint="One per line. They should exclude each other: if one is true, the others are false."
        >
          <textarea rows={5} value={hypotheses} onChange={(event) => setHypotheses(event.target.value)} />
        </FormField>
        <label className="checkbox">
          <input type="checkbox" checked={reminder} onChange={(event) => setReminder(event.target.checked)} />
          Add “{NONE_OF_THE_ABOVE}” as a reminder
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Create matrix
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
