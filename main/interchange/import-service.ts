import { randomBytes } from 'node:crypto';
import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { DuplicateIndex } from '../../src/interchange/duplicates';
import { decider, findDuplicates, planImport, type DuplicateAction, type FoundDuplicate } from '../../src/interchange/plan';
import { type Duplicate, type ImportPreview, type ImportReport, REPORT_LIST_LIMIT } from '../../src/interchange/schemas';
import { StagingBudget, type StagingLimits } from '../staging-budget';
import { readLibraryFile, type ReadControl, type ReadResult } from './read-file';

/** A file read and checked, waiting for the user's duplicate decisions. */
interface PendingImport {
  workspacePath: string;
  fileName: string;
  read: ReadResult;
}

const PENDING_TTL_MS = 30 * 60 * 1000;
/**
 * A preview holds every entry of its file, mapped (several times the file's size in memory):
 * a few files' worth is plenty for one person choosing what to import.
 */
export const PREVIEW_LIMITS: StagingLimits = { maxBytes: 64 * 1024 * 1024, maxCount: 4 };

function libraryIndex(workspace: Workspace): DuplicateIndex {
  const index = new DuplicateIndex();
  for (const { sourceId, identity } of workspace.interchange.identities()) index.addLibrarySource(sourceId, identity);
  return index;
}

function facts(fileName: string, read: ReadResult) {
  return {
    fileName,
    format: read.format,
    encoding: read.encoding,
    encodingBasis: read.encodingBasis,
    entries: read.entries,
    failed: read.failed.slice(0, REPORT_LIST_LIMIT),
    failedCount: read.failed.length,
    warnings: read.warnings.slice(0, REPORT_LIST_LIMIT),
    warningCount: read.warnings.length,
  };
}

/**
 * Writes what a read file holds, given how duplicates are to be handled. Duplicates are found
 * again against the library as it is now (it may have changed since a preview). Everything
 * valid is written in one transaction; entries that failed to parse are only reported.
 */
export function commitRead(
  workspace: Workspace,
  fileName: string,
  read: ReadResult,
  decide: (ordinal: number, duplicate: FoundDuplicate) => DuplicateAction,
  control: ReadControl,
): ImportReport {
  control.throwIfCancelled();
  const duplicates = findDuplicates(read.records, libraryIndex(workspace));
  const plan = planImport(read.records, duplicates, decide);
  control.progress(0, plan.creates.length + plan.merges.length, 'Writing sources');
  // From here on the write is one transaction: it completes, or nothing of it remains.
  workspace.interchange.write(plan, (done, total) => control.progress(done, total, 'Writing sources'));
  const named = describe(duplicates, read).map((duplicate) => ({ ...duplicate, action: decide(duplicate.ordinal, duplicate) }));
  return {
    ...facts(fileName, read),
    imported: plan.creates.length,
    merged: plan.merged,
    skipped: plan.skipped,
    duplicates: named,
    duplicateCount: duplicates.size,
  };
}

/** One-step import, as the CLI does it: read, decide every duplicate the same way, write. */
export async function importFile(
  workspace: Workspace,
  bytes: Uint8Array,
  fileName: string,
  onDuplicate: DuplicateAction,
  control: ReadControl,
): Promise<ImportReport> {
  const read = await readLibraryFile(bytes, fileName, control);
  return commitRead(workspace, fileName, read, decider(onDuplicate), control);
}

function describe(found: ReadonlyMap<number, FoundDuplicate>, read: ReadResult): Duplicate[] {
  const list: Duplicate[] = [];
  for (const record of read.records) {
    const duplicate = found.get(record.ordinal);
    if (!duplicate) continue;
    list.push({
      ordinal: record.ordinal,
      key: record.key,
      line: record.line,
      title: record.draft.title,
      reason: duplicate.reason,
      possible: duplicate.possible,
      match: duplicate.match,
    });
    if (list.length >= REPORT_LIST_LIMIT) break;
  }
  return list;
}

/** Imports in two steps for the UI: preview (read and find duplicates), then commit with decisions. */
export class ImportPreviews {
  private readonly pending = new Map<string, PendingImport>();
  /** Oldest previews are dropped first when the total or the count would pass the limits. */
  private readonly budget: StagingBudget;

  constructor(limits: StagingLimits = PREVIEW_LIMITS) {
    this.budget = new StagingBudget(limits, (importId) => this.discard(importId), 'import file');
  }

  async preview(workspace: Workspace, bytes: Uint8Array, fileName: string, control: ReadControl): Promise<ImportPreview> {
    const read = await readLibraryFile(bytes, fileName, control);
    control.throwIfCancelled();
    const found = findDuplicates(read.records, libraryIndex(workspace));
    const importId = randomBytes(12).toString('base64url');
    this.budget.admit(importId, bytes.byteLength);
    this.pending.set(importId, { workspacePath: workspace.path, fileName, read });
    setTimeout(() => this.discard(importId), PENDING_TTL_MS).unref();
    return {
      importId,
      ...facts(fileName, read),
      fresh: read.records.length - found.size,
      duplicates: describe(found, read),
      duplicateCount: found.size,
    };
  }

  commit(
    workspace: Workspace,
    importId: string,
    onDuplicate: DuplicateAction,
    decisions: readonly { ordinal: number; action: DuplicateAction }[],
    control: ReadControl,
  ): ImportReport {
    const pending = this.pending.get(importId);
    if (!pending)
      throw new WarrantError('not_found', 'That import is no longer waiting (it expired or was already done); choose the file again.');
    if (pending.workspacePath !== workspace.path)
      throw new WarrantError('invalid_input', 'The workspace changed since the file was read; choose the file again.');
    const chosen = new Map(decisions.map((decision) => [decision.ordinal, decision.action]));
    const report = commitRead(workspace, pending.fileName, pending.read, decider(onDuplicate, chosen), control);
    this.discard(importId);
    return report;
  }

  discard(importId: string): boolean {
    this.budget.release(importId);
    return this.pending.delete(importId);
  }

  /** How many previews wait, and the size of their files. */
  get usage(): { bytes: number; count: number } {
    return this.budget.usage;
  }
}
