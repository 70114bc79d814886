/**
 * The BibTeX fast path (Warrant's reader, value decoder and direct mapping to the fields a source
 * uses) must read every file exactly as citation-js alone does: each corpus file is read both
 * ways and every record (fields, identifiers, names, tags, warnings) and every failure compared.
 * Every draft must also pass the draft schema unchanged, since the import no longer runs the
 * schema over drafts it builds itself. The corpus report prints the count of differences as Δfast.
 */
import { isDeepStrictEqual } from 'node:util';
import { readLibraryFile, type ReadResult } from '../../main/interchange/read-file';
import { SourceDraftSchema } from '../../src/domain/source';

const quiet = { progress() {}, throwIfCancelled() {} };

function label(result: ReadResult, i: number): string {
  const record = result.records[i];
  return record ? `${record.key ?? '-'} line ${record.line}` : `record ${i}`;
}

/** Differences between the fast path's reading of a file and citation-js's grammar's; [] when they agree. */
export async function fastPathDifferences(name: string, bytes: Uint8Array): Promise<string[]> {
  const fast = await readLibraryFile(bytes, name, quiet);
  const changes: string[] = [];
  for (const record of fast.records) {
    const checked = SourceDraftSchema.safeParse(record.draft);
    if (!checked.success || !isDeepStrictEqual(checked.data, record.draft))
      changes.push(
        `${record.key ?? '-'} line ${record.line}: the draft does not pass the schema unchanged: ${JSON.stringify(record.draft)}`,
      );
  }
  if (fast.format !== 'bibtex') return changes;
  const grammar = await readLibraryFile(bytes, name, quiet, { bibtexPath: 'grammar' });
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
