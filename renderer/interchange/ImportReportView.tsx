import { FORMAT_LABELS, type ImportReport } from '../../src/interchange/schemas';
import { ProblemList } from './ProblemList';

/** The outcome of an import: counts, then each failed entry and each changed one. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div className="import-report">
      <p>
        {report.fileName} ({FORMAT_LABELS[report.format]}, {report.encoding}
        {report.encodingBasis === 'fallback: not UTF-8'
          ? ': not UTF-8 and no other encoding recognised, check accented letters'
          : ''}): {report.entries.toLocaleString()} entries.
      </p>
      <dl className="report-counts" aria-label="Import report">
        <dt>Imported</dt>
        <dd>{report.imported.toLocaleString()}</dd>
        <dt>Merged</dt>
        <dd>{report.merged.toLocaleString()}</dd>
        <dt>Skipped</dt>
        <dd>{report.skipped.toLocaleString()}</dd>
        <dt>Failed</dt>
        <dd>{report.failedCount.toLocaleString()}</dd>
      </dl>
      {report.failedCount > 0 && <p className="hint">Failed entries were not imported; everything else was, together.</p>}
      <ProblemList title="Failed entries" problems={report.failed} count={report.failedCount} />
      <ProblemList title="Imported with changes" problems={report.warnings} count={report.warningCount} />
    </div>
  );
}
