import { useState } from 'react';
import { ContractError } from '../../src/contract/client';
import { EXPORT_FORMATS, FORMAT_LABELS, type ExportFormat } from '../../src/interchange/schemas';
import { saveBytesAs } from '../app/download';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { ModalDialog } from '../shell/ModalDialog';
import { useJobs } from '../shell/useJobs';
import { useToast } from '../shell/useToast';
import { JobProgress } from './JobProgress';

/** Export the library, or the selected sources, as CSL-JSON or BibTeX (a download). */
export function ExportDialog({ selectedIds, onClose }: { selectedIds: readonly string[]; onClose: () => void }) {
  const client = useClient();
  const jobs = useJobs();
  const toast = useToast();
  const [format, setFormat] = useState<ExportFormat>('csl-json');
  const [scope, setScope] = useState<'all' | 'selected'>(selectedIds.length > 0 ? 'selected' : 'all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await jobs.run('library.export', { format, ...(scope === 'selected' ? { sourceIds: [...selectedIds] } : {}) });
      if (result.delivery === 'download') saveBytesAs(await client.fetchFile(result.file), result.file.name, result.file.mediaType);
      toast({ message: result.delivery === 'download' ? `Exported as “${result.file.name}”.` : `Exported to “${result.path}”.` });
      onClose();
    } catch (failure) {
      setError(failure instanceof ContractError && failure.payload.code === 'cancelled' ? 'The export was cancelled.' : errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Export sources" onRequestClose={() => !busy && onClose()} className="interchange-dialog">
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <fieldset disabled={busy}>
        <legend>Format</legend>
        {EXPORT_FORMATS.map((value) => (
          <label key={value}>
            <input type="radio" name="export-format" checked={format === value} onChange={() => setFormat(value)} /> {FORMAT_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Sources</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole library
        </label>
        <label>
          <input type="radio" name="export-scope" disabled={selectedIds.length === 0} checked={scope === 'selected'} onChange={() => setScope('selected')} /> Selected sources ({selectedIds.length.toLocaleString()})
        </label>
      </fieldset>
      <p className="hint">Warrant’s kind and grade travel in fields other tools ignore, so importing the file into Warrant gives the same sources back.</p>
      {busy ? (
        <JobProgress name="library.export" />
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void run()}>
            Export
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
