import { randomBytes } from 'node:crypto';
import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { DuplicateIndex } from '../../src/interchange/duplicates';
import { distinctKeywords, keywordsInNotes, type KeywordPlace } from '../../src/interchange/keywords';
import { decider, findDuplicates, ImportPlanner, planImport, type DuplicateAction, type FoundDuplicate } from '../../src/interchange/plan';
import type { ImportRecord } from '../../src/interchange/record';
import { type Duplicate, type ImportPreview, type ImportReport, REPORT_LIST_LIMIT } from '../../src/interchange/schemas';
import { StagingBudget, type StagingLimits } from '../staging-budget';
import { openLibraryFile, type OpenedFile, readLibraryFile, readOpenedFile, type ReadControl, type ReadResult } from './read-file';

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

/** The duplicates a report names (the first REPORT_LIST_LIMIT, with what was done), and how many there were. */
class DuplicateList {
  readonly named: (Duplicate & { action: DuplicateAction })[] = [];
  count = 0;

  note(
    records: readonly ImportRecord[],
    found: ReadonlyMap<number, FoundDuplicate>,
    decide: (ordinal: number, duplicate: FoundDuplicate) => DuplicateAction,
  ): void {
    this.count += found.size;
    for (const duplicate of describe(found, records, REPORT_LIST_LIMIT - this.named.length))
      this.named.push({ ...duplicate, action: decide(duplicate.ordinal, duplicate) });
  }
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
  const list = new DuplicateList();
  list.note(read.records, duplicates, decide);
  return {
    ...facts(fileName, read),
    imported: plan.creates.length,
    merged: plan.merged,
    skipped: plan.skipped,
    duplicates: list.named,
    duplicateCount: list.count,
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
  return importOpened(workspace, openLibraryFile(bytes, fileName), onDuplicate, control);
}

/**
 * Imports a file a batch at a time: each batch is read, checked for duplicates (against the
 * library and every earlier entry: the index keeps identity keys, not entries), planned and
 * written before the next is read, all inside one transaction that is committed at the end and
 * rolled back on any failure or cancel. Memory holds one batch of entries, the file's text and
 * the index, not the file's entries. The transaction stays open across the read's pauses, so the
 * workspace must be this process's alone meanwhile (the CLI holds its lock; the UI previews
 * instead).
 */
export async function importOpened(
  workspace: Workspace,
  opened: OpenedFile,
  onDuplicate: DuplicateAction,
  control: ReadControl,
  keywords: KeywordPlace = 'tags',
): Promise<ImportReport> {
  const decide = decider(onDuplicate);
  const writer = workspace.interchange.begin();
  try {
    const index = libraryIndex(workspace);
    const planner = new ImportPlanner(decide);
    const list = new DuplicateList();
    const read = await readOpenedFile(opened, control, {
      onRecords: (batch) => {
        const records = keywords === 'notes' ? batch.map(keywordsInNotes) : batch;
        const found = findDuplicates(records, index);
        planner.written(writer.write(planner.plan(records, found)).created);
        list.note(records, found, decide);
      },
    });
    control.throwIfCancelled();
    writer.commit();
    return {
      ...facts(opened.name, read),
      imported: planner.created,
      merged: planner.merged,
      skipped: planner.skipped,
      duplicates: list.named,
      duplicateCount: list.count,
    };
  } catch (error) {
    writer.rollback();
    throw error;
  }
}

function describe(found: ReadonlyMap<number, FoundDuplicate>, records: readonly ImportRecord[], limit: number = REPORT_LIST_LIMIT) {
  const list: (Duplicate & FoundDuplicate)[] = [];
  for (const record of records) {
    if (list.length >= limit) break;
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
  }
  return list;
}

/** How many new entries a preview shows by name. */
const PREVIEW_NEW_ENTRIES = 5;

/** The file's first entries that duplicate nothing: what the import will surely add. */
function firstNew(records: readonly ImportRecord[], found: ReadonlyMap<number, FoundDuplicate>) {
  const shown: ImportPreview['firstNew'] = [];
  for (const record of records) {
    if (shown.length >= PREVIEW_NEW_ENTRIES) break;
    if (!found.has(record.ordinal))
      shown.push({ title: record.draft.title, author: record.draft.author, publishedDate: record.draft.publishedDate });
  }
  return shown;
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
      firstNew: firstNew(read.records, found),
      keywords: distinctKeywords(read.records),
      duplicates: describe(found, read.records),
      duplicateCount: found.size,
    };
  }

  commit(
    workspace: Workspace,
    importId: string,
    onDuplicate: DuplicateAction,
    decisions: readonly { ordinal: number; action: DuplicateAction }[],
    control: ReadControl,
    keywords: KeywordPlace = 'tags',
  ): ImportReport {
    const pending = this.pending.get(importId);
    if (!pending)
      throw new WarrantError('not_found', 'That import is no longer waiting (it expired or was already done); choose the file again.');
    if (pending.workspacePath !== workspace.path)
      throw new WarrantError('invalid_input', 'The workspace changed since the file was read; choose the file again.');
    const chosen = new Map(decisions.map((decision) => [decision.ordinal, decision.action]));
    const read = keywords === 'notes' ? { ...pending.read, records: pending.read.records.map(keywordsInNotes) } : pending.read;
    const report = commitRead(workspace, pending.fileName, read, decider(onDuplicate, chosen), control);
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
