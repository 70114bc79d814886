import { useState } from 'react';
import { EXPORT_FORMATS, FORMAT_LABELS, type ExportFormat } from '../../src/interchange/schemas';
import { ModalDialog } from '../shell/ModalDialog';
import { RadioGroup } from '../shell/RadioGroup';
import { useDeliveredExport } from '../shell/useDeliveredExport';
import { useJobs } from '../shell/useJobs';
import { JobProgress } from './JobProgress';

/** Export the library, or the selected sources, as CSL-JSON or BibTeX (a download). */
export function ExportDialog({ selectedIds, onClose }: { selectedIds: readonly string[]; onClose: () => void }) {
  const jobs = useJobs();
  const [format, setFormat] = useState<ExportFormat>('csl-json');
  const [scope, setScope] = useState<'all' | 'selected'>(selectedIds.length > 0 ? 'selected' : 'all');
  const { busy, error, run } = useDeliveredExport('The export was cancelled.');

  return (
    <ModalDialog title="Export sources" onRequestClose={() => !busy && onClose()} className="interchange-dialog">
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <RadioGroup
        legend="Format"
        name="export-format"
        options={EXPORT_FORMATS}
        labels={FORMAT_LABELS}
        value={format}
        onChange={setFormat}
        disabled={busy}
      />
      <fieldset disabled={busy}>
        <legend>Sources</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole library
        </label>
        <label>
          <input
            type="radio"
            name="export-scope"
            disabled={selectedIds.length === 0}
            checked={scope === 'selected'}
            onChange={() => setScope('selected')}
          />{' '}
          Selected sources ({selectedIds.length.toLocaleString()})
        </label>
      </fieldset>
      <p className="hint">
        Warrant’s kind and grade travel in fields other tools ignore, so importing the file into Warrant gives the same sources back.
      </p>
      {busy ? (
        <JobProgress name="library.export" />
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void run(
                () => jobs.run('library.export', { format, ...(scope === 'selected' ? { sourceIds: [...selectedIds] } : {}) }),
                onClose,
              )
            }
          >
            Export
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
