import { useState, type FormEvent } from 'react';
import { CREDIBILITY_GRADES, CREDIBILITY_LABELS } from '../../src/domain/admiralty';
import { QuoteSchema, type Quote, type QuoteDraftInput, type QuoteRegion } from '../../src/domain/quote';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { conflictOf, differingRows } from '../shell/conflict';
import { useVersionedEdit } from '../shell/useVersionedEdit';
import { ConflictNotice } from '../shell/ConflictNotice';
import { ModalDialog } from '../shell/ModalDialog';
import { FormField } from './FormField';
import { sourceQuotesInput } from '../data/cache-updates';
import { useContractQuery } from '../data/useContractQuery';
import { comparable, newQuoteValues, QUOTE_FIELD_LABELS, quoteFormValuesOf, type QuoteFormValues } from './quote-form-state';

interface QuoteFormProps {
  sourceId: string;
  /** The quote being edited, or a fresh selection / typed quote. */
  quote: Quote | null;
  /** A selection in a capture; one made on a rendered page or image also says where (page, region). */
  selection: {
    text: string;
    span: { start: number; end: number };
    snapshotId?: string;
    page?: number | null;
    region?: QuoteRegion | null;
  } | null;
  onSaved: (quote: Quote) => void;
  onClose: () => void;
}

/** Save or edit a quote. A quote selected in the snapshot keeps its exact text and offsets. */
export function QuoteForm({ sourceId, quote, selection, onSaved, onClose }: QuoteFormProps) {
  const command = useCommand();
  const anchored = quote ? quote.span !== null : selection !== null;
  // Both reads are in the cache already: the source page shows them.
  const source = useContractQuery('sources.detail', { id: sourceId }).data?.source ?? null;
  const snapshot = useContractQuery('snapshots.text', { sourceId }, { enabled: selection !== null }).data ?? null;
  const sourceQuotes = useContractQuery('quotes.list', sourceQuotesInput(sourceId)).data?.items;
  const [values, setValues] = useState<QuoteFormValues>(() =>
    quote ? quoteFormValuesOf(quote) : newQuoteValues(source, selection, snapshot, sourceQuotes),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const edit = useVersionedEdit<Quote>(quote?.version ?? 1, quote);
  const { conflict, baseRecord } = edit;
  const set = (field: keyof QuoteFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const draftOf = (form: QuoteFormValues): QuoteDraftInput => {
    const page = form.page.trim() === '' ? null : Number(form.page);
    return {
      sourceId,
      text: form.text,
      span: quote?.span ?? selection?.span ?? null,
      snapshotId: quote?.snapshotId ?? selection?.snapshotId ?? null,
      page: page !== null && Number.isFinite(page) ? page : null,
      region: quote ? quote.region : (selection?.region ?? null),
      paragraph: form.paragraph,
      timestamp: form.timestamp,
      speaker: form.speaker,
      dateSaid: form.dateSaid,
      credibility: form.credibility === '' ? null : (form.credibility as QuoteDraftInput['credibility']),
      verbatim: form.verbatim,
      note: form.note,
    };
  };

  const submit = async (event?: FormEvent, version = edit.baseVersion): Promise<void> => {
    event?.preventDefault();
    const draft = draftOf(values);
    try {
      onSaved(
        quote
          ? await command('quotes.update', {
              id: quote.id,
              version,
              draft,
              base: baseRecord ? draftOf(quoteFormValuesOf(baseRecord)) : undefined,
            })
          : await command('quotes.create', { draft }),
      );
    } catch (error) {
      const refused = conflictOf(error, QuoteSchema);
      edit.setConflict(refused);
      setErrors(Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([path, message]) => [path.replace(/^draft\./, ''), message])));
      setSummary(refused ? null : errorMessage(error));
    }
  };

  const title = quote ? 'Edit quote' : 'New quote';
  return (
    <ModalDialog title={title} onRequestClose={onClose} className="quote-form">
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={title}>
        {summary && (
          <p role="alert" className="form-summary">
            {summary}
          </p>
        )}
        {conflict && (
          <ConflictNotice
            what="quote"
            rows={differingRows(QUOTE_FIELD_LABELS, comparable(values), comparable(quoteFormValuesOf(conflict.stored)))}
            onKeepMine={() => void submit(undefined, edit.keepMine(conflict))}
            onTakeStored={() => setValues(quoteFormValuesOf(edit.takeStored(conflict)))}
          />
        )}
        <FormField
          label="Quoted text"
          error={errors.text}
          hint={anchored ? 'Selected in the snapshot: its words kept exactly as captured, line breaks joined.' : undefined}
        >
          <textarea rows={4} value={values.text} onChange={set('text')} readOnly={anchored} autoFocus={!anchored} />
        </FormField>
        <div className="field-row">
          <FormField label="Credibility" error={errors.credibility} hint="Admiralty grade of the information. 6 means it cannot be judged.">
            <select value={values.credibility} onChange={set('credibility')} autoFocus={anchored}>
              <option value="">Ungraded</option>
              {CREDIBILITY_GRADES.map((grade) => (
                <option key={grade} value={grade}>
                  {grade} — {CREDIBILITY_LABELS[grade]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Wording">
            <select
              value={values.verbatim ? 'verbatim' : 'paraphrase'}
              onChange={(event) => setValues((current) => ({ ...current, verbatim: event.target.value === 'verbatim' }))}
            >
              <option value="verbatim">Verbatim</option>
              <option value="paraphrase">Paraphrase</option>
            </select>
          </FormField>
        </div>
        <div className="field-row">
          <FormField label="Speaker" error={errors.speaker}>
            <input value={values.speaker} onChange={set('speaker')} />
          </FormField>
          <FormField label="Date said" error={errors.dateSaid} hint="YYYY, YYYY-MM or YYYY-MM-DD">
            <input value={values.dateSaid} onChange={set('dateSaid')} />
          </FormField>
        </div>
        <div className="field-row">
          <FormField label="Page" error={errors.page}>
            <input
              value={values.page}
              onChange={set('page')}
              inputMode="numeric"
              readOnly={anchored && quote?.page !== null && selection === null}
            />
          </FormField>
          <FormField label="Paragraph" error={errors.paragraph}>
            <input value={values.paragraph} onChange={set('paragraph')} />
          </FormField>
          <FormField label="Timestamp" error={errors.timestamp} hint="e.g. 00:14:32">
            <input value={values.timestamp} onChange={set('timestamp')} />
          </FormField>
        </div>
        <FormField label="Note" error={errors.note}>
          <textarea rows={2} value={values.note} onChange={set('note')} />
        </FormField>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save quote
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
