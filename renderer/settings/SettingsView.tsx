import { useState, type FormEvent } from 'react';
import { StoredSettingsSchema, type StoredSettings } from '../../src/domain/settings';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { FormField } from '../library';
import { conflictOf, differingRows, type Conflict } from '../shell/conflict';
import { ConflictNotice } from '../shell/ConflictNotice';
import { useToast } from '../shell/useToast';
import { BackupsSection } from './BackupsSection';

const SETTINGS_FIELD_LABELS = { analystName: 'Analyst name', defaultMarking: 'Default handling marking' } as const;
const formFields = (settings: StoredSettings) => ({ analystName: settings.analystName, defaultMarking: settings.defaultMarking });

/** Workspace settings: who the analyst is and the default handling marking. */
export function SettingsView() {
  const command = useCommand();
  const toast = useToast();
  const stored = useContractQuery('settings.get', {});
  /** What the analyst typed (or last saved); until then the form shows the stored settings. */
  const [edited, setValues] = useState<StoredSettings | null>(null);
  const values = edited ?? stored.data ?? null;
  const [conflict, setConflict] = useState<Conflict<StoredSettings> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const loadError = stored.error ? errorMessage(stored.error) : null;

  const save = async (event?: FormEvent, version = values?.version): Promise<void> => {
    event?.preventDefault();
    if (!values) return;
    try {
      // Only this form's fields: the backup setting is saved by its own section.
      setValues(await command('settings.update', { analystName: values.analystName, defaultMarking: values.defaultMarking, version }));
      setErrors({});
      setConflict(null);
      toast({ message: 'Settings saved.' });
    } catch (error) {
      const refused = conflictOf(error, StoredSettingsSchema);
      setConflict(refused);
      setErrors(fieldErrorsOf(error));
      if (!refused) toast({ message: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <section className="view" aria-labelledby="settings-heading">
      <header className="view-header">
        <h1 id="settings-heading">Settings</h1>
      </header>
      {loadError && <p role="alert">{loadError}</p>}
      {values && (
        <form className="settings-form" onSubmit={(event) => void save(event)} noValidate aria-label="Settings">
          {conflict && (
            <ConflictNotice
              what="workspace's settings"
              rows={differingRows(SETTINGS_FIELD_LABELS, formFields(values), formFields(conflict.stored))}
              onKeepMine={() => {
                setConflict(null);
                void save(undefined, conflict.version);
              }}
              onTakeStored={() => {
                setValues(conflict.stored);
                setConflict(null);
              }}
            />
          )}
          <FormField label="Analyst name" error={errors.analystName} hint="Used as the author of new briefings.">
            <input value={values.analystName} onChange={(event) => setValues({ ...values, analystName: event.target.value })} />
          </FormField>
          <FormField
            label="Default handling marking"
            error={errors.defaultMarking}
            hint="e.g. TLP:CLEAR, or a classification line. Printed on every page of exports."
          >
            <input value={values.defaultMarking} onChange={(event) => setValues({ ...values, defaultMarking: event.target.value })} />
          </FormField>
          <button type="submit" className="primary">
            Save settings
          </button>
        </form>
      )}
      <BackupsSection />
    </section>
  );
}
