import { useState, type DragEvent } from 'react';
import { ContractError } from '../../src/contract/client';
import { KEYWORD_PLACES, type KeywordPlace } from '../../src/interchange/keywords';
import type { DuplicateAction } from '../../src/interchange/plan';
import { FORMAT_LABELS, type ImportPreview, type ImportReport } from '../../src/interchange/schemas';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { countNoun } from '../../src/text/count-noun';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { ModalDialog } from '../shell/ModalDialog';
import { RadioGroup } from '../shell/RadioGroup';
import { useJobs } from '../shell/useJobs';
import { DuplicateList } from './DuplicateList';
import { ImportReportView } from './ImportReportView';
import { JobProgress } from './JobProgress';
import { NewEntries } from './NewEntries';
import { ProblemList } from './ProblemList';

type Step =
  | { at: 'pick' }
  | { at: 'reading' }
  | { at: 'review'; preview: ImportPreview }
  | { at: 'writing'; preview: ImportPreview }
  | { at: 'done'; report: ImportReport };

/** A library's own keywords are its owner's tags; a database export's are the indexers', better kept as text. */
const KEYWORD_PLACE_LABELS: Readonly<Record<KeywordPlace, string>> = {
  tags: 'Become tags (as in Zotero)',
  notes: 'Go in each source’s notes, as a line of text (for a database export’s indexing terms)',
};

const isCancelled = (error: unknown): boolean => error instanceof ContractError && error.payload.code === 'cancelled';

/**
 * Import a BibTeX, RIS or CSL-JSON file: read it (nothing written yet), decide each duplicate,
 * then write everything valid in one go and show the report.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const jobs = useJobs();
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [actions, setActions] = useState<Map<number, DuplicateAction>>(new Map());
  const [fallback, setFallback] = useState<DuplicateAction>('skip');
  const [keywords, setKeywords] = useState<KeywordPlace>('tags');

  const read = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setError(null);
    if (file.size > SNAPSHOT_MAX_BYTES) {
      setError(
        `“${file.name}” is larger than ${SNAPSHOT_MAX_LABEL}, the most the app takes at once. Import it with the command line: npx warrant import FILE --workspace PATH.`,
      );
      return;
    }
    setStep({ at: 'reading' });
    try {
      const uploadId = await client.uploadFile(new Uint8Array(await file.arrayBuffer()), file.name);
      const preview = await jobs.run('library.importPreview', { uploadId });
      setActions(new Map());
      setFallback('skip');
      setStep({ at: 'review', preview });
    } catch (failure) {
      setError(isCancelled(failure) ? 'Reading the file was cancelled. Nothing was imported.' : errorMessage(failure));
      setStep({ at: 'pick' });
    }
  };

  const commit = async (preview: ImportPreview): Promise<void> => {
    setError(null);
    setStep({ at: 'writing', preview });
    try {
      const decisions = preview.duplicates.map((duplicate) => ({
        ordinal: duplicate.ordinal,
        action: actions.get(duplicate.ordinal) ?? (duplicate.possible ? 'import' : fallback),
      }));
      // The finished job makes the library's reads stale (renderer/data), so the list shows the new sources.
      const report = await jobs.run('library.importCommit', { importId: preview.importId, onDuplicate: fallback, keywords, decisions });
      setStep({ at: 'done', report });
    } catch (failure) {
      setError(isCancelled(failure) ? 'The import was cancelled. Nothing was written.' : errorMessage(failure));
      setStep({ at: 'review', preview });
    }
  };

  const close = (): void => {
    if (step.at === 'reading' || step.at === 'writing') return;
    if (step.at === 'review') void client.call('library.importDiscard', { importId: step.preview.importId }).catch(() => undefined);
    onClose();
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    void read(event.dataTransfer.files[0]);
  };

  return (
    <ModalDialog title={step.at === 'done' ? 'Import report' : 'Import sources'} onRequestClose={close} className="interchange-dialog">
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {step.at === 'pick' && (
        <div onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
          <p className="hint">
            BibTeX or BibLaTeX (.bib), RIS (.ris) or CSL-JSON (.json), as Zotero and other reference managers export them. Nothing is
            written until you confirm, after the duplicates.
          </p>
          <label className="stacked">
            Library file
            <input
              type="file"
              accept=".bib,.bibtex,.ris,.json,.csljson,application/x-bibtex,application/json"
              onChange={(event) => void read(event.target.files?.[0])}
            />
          </label>
          <p className="drop-zone" aria-hidden="true">
            …or drop a file here
          </p>
        </div>
      )}
      {step.at === 'reading' && <JobProgress name="library.importPreview" />}
      {(step.at === 'review' || step.at === 'writing') && (
        <>
          <p>
            {step.preview.fileName} ({FORMAT_LABELS[step.preview.format]}): {step.preview.entries.toLocaleString()} entries —{' '}
            {step.preview.fresh.toLocaleString()} new, {step.preview.duplicateCount.toLocaleString()} duplicates,{' '}
            {step.preview.failedCount.toLocaleString()} cannot be read.
          </p>
          {step.preview.firstNew.length > 0 && <NewEntries preview={step.preview} />}
          {step.preview.duplicateCount > 0 && (
            <DuplicateList
              duplicates={step.preview.duplicates}
              count={step.preview.duplicateCount}
              actions={actions}
              fallback={fallback}
              onChange={(ordinal, action) => setActions((current) => new Map(current).set(ordinal, action))}
              onAll={(action) => {
                setFallback(action);
                setActions(new Map());
              }}
            />
          )}
          {step.preview.keywords > 0 && (
            <RadioGroup
              legend={`The entries’ ${countNoun(step.preview.keywords, 'keyword', 'keywords')}`}
              name="import-keywords"
              options={KEYWORD_PLACES}
              labels={KEYWORD_PLACE_LABELS}
              value={keywords}
              onChange={setKeywords}
              disabled={step.at === 'writing'}
            />
          )}
          <ProblemList title="Entries that cannot be read" problems={step.preview.failed} count={step.preview.failedCount} />
          <ProblemList title="Entries changed on the way in" problems={step.preview.warnings} count={step.preview.warningCount} />
          {step.at === 'writing' ? (
            <JobProgress name="library.importCommit" />
          ) : (
            <div className="dialog-actions">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className="primary"
                disabled={step.preview.fresh + step.preview.duplicateCount === 0}
                onClick={() => void commit(step.preview)}
              >
                Import
              </button>
            </div>
          )}
        </>
      )}
      {step.at === 'done' && (
        <>
          <ImportReportView report={step.report} />
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
