import { type DuplicateIndex, type FoundMatch } from './duplicates';
import { mergeInto, type Mergeable } from './merge';
import type { ImportRecord } from './record';

/** What becomes of a duplicate: left out, folded into its twin, or imported as a source of its own. */
export type DuplicateAction = 'skip' | 'merge' | 'import';

/** An entry that repeats (or, by address only, possibly repeats) a source or an earlier entry. */
export type FoundDuplicate = FoundMatch;

/**
 * How each duplicate is handled: the user's choice for it, else the choice for all sure
 * duplicates; a possible duplicate the user did not confirm is imported as its own source.
 */
export function decider(
  onDuplicate: DuplicateAction,
  chosen: ReadonlyMap<number, DuplicateAction> = new Map(),
): (ordinal: number, duplicate: FoundDuplicate) => DuplicateAction {
  return (ordinal, duplicate) => chosen.get(ordinal) ?? (duplicate.possible ? 'import' : onDuplicate);
}

/** Checks every record against the library (already in `index`) and the records before it. */
export function findDuplicates(records: readonly ImportRecord[], index: DuplicateIndex): Map<number, FoundDuplicate> {
  const found = new Map<number, FoundDuplicate>();
  for (const record of records) {
    const duplicate = index.check(record);
    if (duplicate) found.set(record.ordinal, duplicate);
  }
  return found;
}

/** What an import will write, and what it counts. */
export interface ImportPlan {
  creates: Mergeable[];
  /** Entries folded into a source: one of the library's, or (`fresh`) one this import created in an earlier chunk. */
  merges: { sourceId: string; incoming: Mergeable; fresh: boolean }[];
  merged: number;
  skipped: number;
}

type Target = { to: 'create'; index: number } | { to: 'source'; sourceId: string; fresh: boolean } | { to: 'nothing' };

function mergeable(record: ImportRecord): Mergeable {
  return { draft: record.draft, doi: record.doi, isbn: record.isbn, authorNamesJson: record.authorNamesJson, tags: record.tags };
}

/**
 * Turns records and the user's duplicate decisions into writes, a chunk of the file at a time. A
 * duplicate of a library source is merged into it or skipped; a duplicate of an earlier entry is
 * folded into wherever that entry went (a new source of this chunk, a source an earlier chunk
 * created, or the library source it merged into), or skipped when that entry was itself skipped
 * (there is then nothing to merge into). It remembers one small target per entry, never the entry.
 */
export class ImportPlanner {
  private readonly targets = new Map<number, Target>();
  /** Entries of the chunk being planned that became new sources, by their index in its creates. */
  private pending: number[] = [];
  merged = 0;
  skipped = 0;
  created = 0;

  constructor(private readonly decide: (ordinal: number, duplicate: FoundDuplicate) => DuplicateAction) {}

  /** Plans one chunk; `written` must be told the ids of its new sources before the next chunk is planned. */
  plan(records: readonly ImportRecord[], duplicates: ReadonlyMap<number, FoundDuplicate>): ImportPlan {
    const plan: ImportPlan = { creates: [], merges: [], merged: 0, skipped: 0 };
    for (const record of records) {
      const duplicate = duplicates.get(record.ordinal);
      const action = duplicate ? this.decide(record.ordinal, duplicate) : 'import';
      if (!duplicate || action === 'import') {
        this.targets.set(record.ordinal, { to: 'create', index: plan.creates.length });
        this.pending.push(record.ordinal);
        plan.creates.push(mergeable(record));
        continue;
      }
      const target: Target =
        action === 'skip'
          ? { to: 'nothing' }
          : duplicate.match.in === 'library'
            ? { to: 'source', sourceId: duplicate.match.sourceId, fresh: false }
            : (this.targets.get(duplicate.match.ordinal) ?? { to: 'nothing' });
      this.targets.set(record.ordinal, target);
      if (target.to === 'nothing') {
        plan.skipped += 1;
      } else if (target.to === 'source') {
        plan.merges.push({ sourceId: target.sourceId, incoming: mergeable(record), fresh: target.fresh });
        plan.merged += 1;
      } else {
        const earlier = plan.creates[target.index];
        if (earlier) plan.creates[target.index] = mergeInto(earlier, mergeable(record));
        plan.merged += 1;
      }
    }
    this.merged += plan.merged;
    this.skipped += plan.skipped;
    this.created += plan.creates.length;
    return plan;
  }

  /** The sources the last planned chunk created, in the order of its creates. */
  written(createdIds: readonly string[]): void {
    for (const ordinal of this.pending) {
      const target = this.targets.get(ordinal);
      const sourceId = target?.to === 'create' ? createdIds[target.index] : undefined;
      if (sourceId !== undefined) this.targets.set(ordinal, { to: 'source', sourceId, fresh: true });
    }
    this.pending = [];
  }
}

/** Plans a whole file's records at once (a preview's commit). */
export function planImport(
  records: readonly ImportRecord[],
  duplicates: ReadonlyMap<number, FoundDuplicate>,
  decide: (ordinal: number, duplicate: FoundDuplicate) => DuplicateAction,
): ImportPlan {
  return new ImportPlanner(decide).plan(records, duplicates);
}
