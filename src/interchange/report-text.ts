import { entryName } from './record';
import { FORMAT_LABELS, type ImportReport } from './schemas';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** An import report as plain text (the CLI prints it; tests read it). */
export function reportText(report: ImportReport): string {
  const lines = [
    `${report.fileName} (${FORMAT_LABELS[report.format]}, ${report.encoding}): ${plural(report.entries, 'entry', 'entries')}`,
    `  imported: ${report.imported.toLocaleString('en')}`,
    `  merged:   ${report.merged.toLocaleString('en')}`,
    `  skipped:  ${report.skipped.toLocaleString('en')} (duplicates)`,
    `  failed:   ${report.failedCount.toLocaleString('en')}`,
  ];
  if (report.failedCount > 0) {
    lines.push('', 'Failed entries (not imported):');
    for (const problem of report.failed) lines.push(`  ${entryName(problem)}: ${problem.message}`);
    if (report.failedCount > report.failed.length) lines.push(`  …and ${plural(report.failedCount - report.failed.length, 'more', 'more')}`);
  }
  if (report.warningCount > 0) {
    lines.push('', 'Imported with changes:');
    for (const problem of report.warnings) lines.push(`  ${entryName(problem)}: ${problem.message}`);
    if (report.warningCount > report.warnings.length) lines.push(`  …and ${plural(report.warningCount - report.warnings.length, 'more', 'more')}`);
  }
  return lines.join('\n');
}
