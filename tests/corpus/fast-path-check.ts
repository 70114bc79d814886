/**
 * The BibTeX fast path must read every file exactly as citation-js's grammar alone does: each
 * corpus file is read both ways and every record (fields, identifiers, names, tags, warnings) and
 * every failure compared. The corpus report prints the count of differences as Δfast.
 */
import { isDeepStrictEqual } from 'node:util';
import { readLibraryFile, type ReadResult } from '../../main/interchange/read-file';

const quiet = { progress() {}, throwIfCancelled() {} };

function label(result: ReadResult, i: number): string {
  const record = result.records[i];
  return record ? `${record.key ?? '-'} line ${record.line}` : `record ${i}`;
}

/** Differences between the fast path's reading of a file and citation-js's grammar's; [] when they agree. */
export async function fastPathDifferences(name: string, bytes: Uint8Array): Promise<string[]> {
  const fast = await readLibraryFile(bytes, name, quiet);
  if (fast.format !== 'bibtex') return [];
  const grammar = await readLibraryFile(bytes, name, quiet, { fastPath: false });
  const changes: string[] = [];
  if (fast.records.length !== grammar.records.length) changes.push(`${grammar.records.length} records became ${fast.records.length}`);
  for (let i = 0; i < Math.min(fast.records.length, grammar.records.length); i += 1)
    if (!isDeepStrictEqual(fast.records[i], grammar.records[i]))
      changes.push(`${label(grammar, i)}: ${JSON.stringify(grammar.records[i])} → ${JSON.stringify(fast.records[i])}`);
  if (!isDeepStrictEqual(fast.failed, grammar.failed))
    changes.push(`failures: ${JSON.stringify(grammar.failed)} → ${JSON.stringify(fast.failed)}`);
  if (!isDeepStrictEqual(fast.warnings, grammar.warnings))
    changes.push(`warnings: ${JSON.stringify(grammar.warnings)} → ${JSON.stringify(fast.warnings)}`);
  return changes;
}
