import { DUPLICATE_REASON_LABELS } from './duplicates';
import { entryName } from './record';
import { FORMAT_LABELS, type ImportReport } from './schemas';
import { countNoun } from '../text/count-noun';

/** An import report as plain text (the CLI prints it; tests read it). */
export function reportText(report: ImportReport): string {
  const lines = [
    `${report.fileName} (${FORMAT_LABELS[report.format]}, ${report.encoding}): ${countNoun(report.entries, 'entry', 'entries')}`,
    ...(report.encodingBasis === 'fallback: not UTF-8'
      ? ['  (not UTF-8 and no other encoding recognised: read as Windows-1252; check accented letters)']
      : report.encodingBasis === 'valid UTF-8' || report.encodingBasis === 'byte-order mark'
        ? []
        : [`  (encoding from ${report.encodingBasis})`]),
    `  imported: ${report.imported.toLocaleString('en')}`,
    `  merged:   ${report.merged.toLocaleString('en')}`,
    `  skipped:  ${report.skipped.toLocaleString('en')} (duplicates)`,
    `  failed:   ${report.failedCount.toLocaleString('en')}`,
  ];
  if (report.failedCount > 0) {
    lines.push('', 'Failed entries (not imported):');
    for (const problem of report.failed) lines.push(`  ${entryName(problem)}: ${problem.message}`);
    if (report.failedCount > report.failed.length)
      lines.push(`  …and ${countNoun(report.failedCount - report.failed.length, 'more', 'more')}`);
  }
  if (report.duplicateCount > 0) {
    lines.push('', 'Duplicates:');
    for (const duplicate of report.duplicates) {
      const twin =
        duplicate.match.in === 'library'
          ? `the library’s “${duplicate.match.title}”`
          : `the file’s earlier entry “${duplicate.match.title}”`;
      const what = duplicate.action === 'skip' ? 'skipped' : duplicate.action === 'merge' ? 'merged into' : 'imported beside';
      lines.push(
        `  ${duplicate.key ? `${entryName(duplicate)} “${duplicate.title}”` : entryName(duplicate)}: ${duplicate.possible ? 'possible duplicate, ' : ''}${what} ${twin} (${DUPLICATE_REASON_LABELS[duplicate.reason]})`,
      );
    }
    if (report.duplicateCount > report.duplicates.length)
      lines.push(`  …and ${countNoun(report.duplicateCount - report.duplicates.length, 'more', 'more')}`);
  }
  if (report.warningCount > 0) {
    lines.push('', 'Imported with changes:');
    for (const problem of report.warnings) lines.push(`  ${entryName(problem)}: ${problem.message}`);
    if (report.warningCount > report.warnings.length)
      lines.push(`  …and ${countNoun(report.warningCount - report.warnings.length, 'more', 'more')}`);
  }
  return lines.join('\n');
}
