import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { RELIABILITY_GRADES, RELIABILITY_LABELS } from '../../src/domain/admiralty';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, SourceSchema, type Source, type SourceLink } from '../../src/domain/source';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { chordsOf } from '../../src/commands/command-keys';
import { matchesChord } from '../../src/commands/shortcut';
import { PLATFORM, shortcutProps } from '../commands/shortcut-labels';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { conflictOf, differingRows } from '../shell/conflict';
import { useVersionedEdit } from '../shell/useVersionedEdit';
import { ConflictNotice } from '../shell/ConflictNotice';
import { ModalDialog } from '../shell/ModalDialog';
import { DerivedFromPicker } from './DerivedFromPicker';
import { FormField } from './FormField';
import { tagPathsOf } from './title-prefixes';
import { draftOf, EMPTY_SOURCE_FORM, formValuesOf, SOURCE_FIELD_LABELS, type SourceFormValues } from './source-form-state';

interface SourceFormProps {
  /** The source being edited, or null for a new one. */
  source: Source | null;
  onSaved: (source: Source) => void;
  onClose: () => void;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** Create or edit a source. Validation happens in the host; its field errors show here. */
export function SourceForm({ source, onSaved, onClose }: SourceFormProps) {
  const command = useCommand();
  const initial = source ? formValuesOf(source) : EMPTY_SOURCE_FORM;
  const [values, setValues] = useState<SourceFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new source only: its tags and derived-from links, written by the same save as the source.
  const [tagText, setTagText] = useState('');
  const [derivedFrom, setDerivedFrom] = useState<SourceLink[]>([]);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const edit = useVersionedEdit<Source>(source?.version ?? 1, source);
  const { conflict, baseRecord } = edit;
  const dirty = JSON.stringify(values) !== JSON.stringify(initial) || tagText.trim() !== '' || derivedFrom.length > 0;

  const set = (field: keyof SourceFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event?: FormEvent, version = edit.baseVersion): Promise<void> => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const draft = draftOf(values);
      const saved = source
        ? await command('sources.update', {
            id: source.id,
            version,
            draft,
            base: baseRecord ? draftOf(formValuesOf(baseRecord)) : undefined,
          })
        : await command('sources.create', { draft, tagPaths: tagPathsOf(tagText), derivedFrom: derivedFrom.map((link) => link.id) });
      onSaved(saved);
    } catch (error) {
      const refused = conflictOf(error, SourceSchema);
      edit.setConflict(refused);
      const fields = fieldErrorsOf(error);
      setErrors(
        Object.fromEntries(
          Object.entries(fields).map(([path, message]) => [path.replace(/^draft\./, '').replace(/^tagPaths\.\d+$/, 'tagPaths'), message]),
        ),
      );
      setSummary(refused ? null : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const requestClose = (): void => (dirty ? setConfirmingDiscard(true) : onClose());
  const onKeyDown = (event: KeyboardEvent): void => {
    if (chordsOf('form.save').some((chord) => matchesChord(event, chord, PLATFORM))) {
      event.preventDefault();
      void submit();
    }
  };
  const title = source ? 'Edit source' : 'New source';

  return (
    <ModalDialog title={title} onRequestClose={requestClose} className="source-form">
      <form noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} aria-label={title}>
        {summary && (
          <p role="alert" className="form-summary">
            {summary}
          </p>
        )}
        {conflict && (
          <ConflictNotice
            what="source"
            rows={differingRows(SOURCE_FIELD_LABELS, values, formValuesOf(conflict.stored))}
            onKeepMine={() => void submit(undefined, edit.keepMine(conflict))}
            onTakeStored={() => setValues(formValuesOf(edit.takeStored(conflict)))}
          />
        )}
        <FormField label="Title" error={errors.title}>
          <input value={values.title} onChange={set('title')} required autoFocus />
        </FormField>
        <div className="field-row">
          <FormField label="Kind" error={errors.kind}>
            <select value={values.kind} onChange={set('kind')}>
              {SOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {SOURCE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label="Reliability"
            error={errors.reliability}
            hint="Admiralty grade of the source. F means it cannot be judged, not that it is bad."
          >
            <select value={values.reliability} onChange={set('reliability')}>
              <option value="">Ungraded</option>
              {RELIABILITY_GRADES.map((grade) => (
                <option key={grade} value={grade}>
                  {grade} — {RELIABILITY_LABELS[grade]}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <FormField label="URL" error={errors.url}>
          <input value={values.url} onChange={set('url')} inputMode="url" placeholder="https://" />
        </FormField>
        <div className="field-row">
          <FormField label="Author" error={errors.author} hint="Author or speaker">
            <input value={values.author} onChange={set('author')} />
          </FormField>
          <FormField label="Publisher" error={errors.publisher}>
            <input value={values.publisher} onChange={set('publisher')} />
          </FormField>
        </div>
        <div className="field-row">
          <FormField label="Published" error={errors.publishedDate} hint={DATE_HINT}>
            <input value={values.publishedDate} onChange={set('publishedDate')} />
          </FormField>
          <FormField label="Accessed" error={errors.accessedDate} hint={DATE_HINT}>
            <input value={values.accessedDate} onChange={set('accessedDate')} />
          </FormField>
          <FormField label="Language" error={errors.language} hint="e.g. en, ja, ko">
            <input value={values.language} onChange={set('language')} />
          </FormField>
        </div>
        <FormField label="Notes" error={errors.notes}>
          <textarea value={values.notes} onChange={set('notes')} rows={4} />
        </FormField>
        {!source && (
          <>
            <FormField label="Tags" error={errors.tagPaths} hint="Tag paths separated by commas, e.g. Actor/NATO, Topic/DPRK nuclear">
              <input value={tagText} onChange={(event) => setTagText(event.target.value)} />
            </FormField>
            <DerivedFromPicker picked={derivedFrom} onChange={setDerivedFrom} />
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={requestClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} {...shortcutProps('form.save', 'Save')}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      {confirmingDiscard && (
        <ConfirmDialog
          title="Discard changes?"
          message="What you typed in this form has not been saved."
          confirmLabel="Discard"
          onConfirm={onClose}
          onCancel={() => setConfirmingDiscard(false)}
        />
      )}
    </ModalDialog>
  );
}
