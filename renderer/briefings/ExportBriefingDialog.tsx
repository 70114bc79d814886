import { useEffect, useState } from 'react';
import { ContractError } from '../../src/contract/client';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, PAPER_LABELS, PAPER_SIZES, type ExportFormat, type ExportProblem, type PaperSize } from '../../src/export/model';
import { saveBytesAs } from '../app/download';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { JobProgress } from '../interchange/JobProgress';
import { ModalDialog } from '../shell/ModalDialog';
import { useJobs } from '../shell/useJobs';
import { useToast } from '../shell/useToast';

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
  const client = useClient();
  const jobs = useJobs();
  const toast = useToast();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [problems, setProblems] = useState<ExportProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client.call('briefings.exportProblems', { briefingId }).then(
      (result) => current && setProblems(result.problems),
      (failure: unknown) => {
        if (!current) return;
        setProblems([]);
        setError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [client, briefingId]);

  const all = [...(problems ?? []), ...extraProblems];

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await jobs.run('briefings.export', { briefingId, format, paper });
      if (result.delivery === 'download') saveBytesAs(await client.fetchFile(result.file), result.file.name, result.file.mediaType);
      toast({ message: result.delivery === 'download' ? `Exported as “${result.file.name}”.` : `Exported to “${result.path}”.` });
      onClose();
    } catch (failure) {
      setError(failure instanceof ContractError && failure.payload.code === 'cancelled' ? 'The export was cancelled. Nothing was written.' : errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Export briefing" onRequestClose={() => !busy && onClose()} className="interchange-dialog export-dialog">
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      <fieldset disabled={busy}>
        <legend>Format</legend>
        {EXPORT_FORMATS.map((value) => (
          <label key={value}>
            <input type="radio" name="export-briefing-format" checked={format === value} onChange={() => setFormat(value)} /> {EXPORT_FORMAT_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={busy || format !== 'pdf'}>
        <legend>Paper</legend>
        {PAPER_SIZES.map((value) => (
          <label key={value}>
            <input type="radio" name="export-briefing-paper" checked={paper === value} onChange={() => setPaper(value)} /> {PAPER_LABELS[value]}
          </label>
        ))}
      </fieldset>
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
          <button type="button" className="primary" disabled={problems === null} onClick={() => void run()}>
            {all.length > 0 ? 'Export anyway' : 'Export'}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
