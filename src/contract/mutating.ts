import type { OperationName } from './operations';

/**
 * The operations that change the workspace (declared with `command` in the contract), for the
 * client's save indicator. A list of names instead of a lookup in `operations`, so the page's
 * first script does not build every schema of the contract only to read one flag: zod schemas
 * cost ~1 ms each to construct there, and the first page uses few of them. A unit test holds the
 * list equal to the contract (tests/unit/mutating-operations.test.ts).
 */
export const MUTATING_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'workspace.create',
  'workspace.open',
  'workspace.openSample',
  'workspace.openCleanedCopy',
  'workspace.openRecent',
  'settings.update',
  'sources.create',
  'sources.update',
  'sources.delete',
  'sources.link',
  'sources.unlink',
  'snapshots.remove',
  'quotes.create',
  'quotes.update',
  'quotes.delete',
  'tags.create',
  'tags.update',
  'tags.merge',
  'tags.delete',
  'tags.apply',
  'team.join',
  'team.leave',
  'team.share',
  'productTypes.create',
  'briefings.create',
  'briefings.updateMeta',
  'briefings.saveBody',
  'briefings.delete',
  'briefings.snapshot',
  'briefings.keepText',
  'briefings.restoreRevision',
  'briefings.addImage',
  'briefings.share',
  'indicators.create',
  'indicators.update',
  'indicators.setSighting',
  'indicators.delete',
  'ach.create',
  'ach.update',
  'ach.delete',
  'ach.addHypothesis',
  'ach.updateHypothesis',
  'ach.removeHypothesis',
  'ach.addItem',
  'ach.updateItem',
  'ach.removeItem',
  'ach.rate',
  'comments.start',
  'comments.reply',
  'comments.setResolved',
  'comments.deleteThread',
  'assumptions.create',
  'assumptions.update',
  'assumptions.delete',
  'assumptions.link',
  'assumptions.unlink',
  'judgements.create',
  'judgements.update',
  'judgements.reorder',
  'judgements.delete',
  'judgements.link',
  'judgements.updateLink',
  'judgements.unlink',
  'judgements.citeMatrix',
  'trash.restore',
  'trash.empty',
  'backups.restore',
]);

/**
 * The operations that give the page a new workspace epoch (declared `changesEpoch` in the
 * contract): after one succeeds, the client adopts the new epoch. A list for the same reason as
 * above; the same unit test holds it equal to the contract.
 */
export const EPOCH_CHANGING_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'workspace.create',
  'workspace.open',
  'workspace.openSample',
  'workspace.openCleanedCopy',
  'workspace.openRecent',
  'backups.restore',
]);
