import { useState } from 'react';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  PAPER_LABELS,
  PAPER_SIZES,
  type ExportFormat,
  type ExportProblem,
  type PaperSize,
} from '../../src/export/model';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { JobProgress } from '../interchange';
import { ModalDialog } from '../shell/ModalDialog';
import { RadioGroup } from '../shell/RadioGroup';
import { useDeliveredExport } from '../shell/useDeliveredExport';
import { useJobs } from '../shell/useJobs';

interface ExportBriefingDialogProps {
  briefingId: string;
  /** Problems found elsewhere (e.g. the tradecraft checks), listed with the export's own. */
  extraProblems?: readonly ExportProblem[];
  onClose: () => void;
}

/**
 * Export… : format and paper, the problems to fix first (or export anyway), then progress with
 * Cancel. The result is saved where the user picks (desktop) or downloaded (browser).
 */
export function ExportBriefingDialog({ briefingId, extraProblems = [], onClose }: ExportBriefingDialogProps) {
  const jobs = useJobs();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [paper, setPaper] = useState<PaperSize>('a4');
  // Checked afresh each time the dialog opens: the text was saved just before it.
  const checked = useContractQuery('briefings.exportProblems', { briefingId }, { freshOnly: true });
  const problems = checked.data?.problems ?? (checked.error ? [] : null);
  const { busy, error: exportError, run } = useDeliveredExport('The export was cancelled. Nothing was written.');
  const error = exportError ?? (checked.error ? errorMessage(checked.error) : null);

  const all = [...(problems ?? []), ...extraProblems];

  return (
    <ModalDialog title="Export briefing" onRequestClose={() => !busy && onClose()} className="interchange-dialog export-dialog">
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <RadioGroup
        legend="Format"
        name="export-briefing-format"
        options={EXPORT_FORMATS}
        labels={EXPORT_FORMAT_LABELS}
        value={format}
        onChange={setFormat}
        disabled={busy}
      />
      <RadioGroup
        legend="Paper"
        name="export-briefing-paper"
        options={PAPER_SIZES}
        labels={PAPER_LABELS}
        value={paper}
        onChange={setPaper}
        disabled={busy || format !== 'pdf'}
      />
      <section className="problems" aria-label="Problems before export">
        <h3>Problems</h3>
        {problems === null ? (
          <p className="muted">Checking the briefing…</p>
        ) : all.length === 0 ? (
          <p className="muted">No problems found.</p>
        ) : (
          <ul>
            {all.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>{problem.message}</li>
            ))}
          </ul>
        )}
      </section>
      {busy ? (
        <JobProgress name="briefings.export" />
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {all.length > 0 ? 'Cancel and fix' : 'Cancel'}
          </button>
          <button
            type="button"
            className="primary"
            disabled={problems === null}
            onClick={() => void run(() => jobs.run('briefings.export', { briefingId, format, paper }), onClose)}
          >
            {all.length > 0 ? 'Export anyway' : 'Export'}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
