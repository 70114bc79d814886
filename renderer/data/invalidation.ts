import type { QueryClient } from '@tanstack/query-core';
import type { JobName, OperationName } from '../../src/contract/operations';

/** Every read: for commands that put a different workspace behind the page. */
const EVERYTHING = 'everything';

type Stale = readonly OperationName[] | typeof EVERYTHING;

const SEARCH = 'search.query';
/** Reads that show sources or their counts anywhere. */
const SOURCE_READS = ['sources.list', 'sources.get', 'sources.detail', SEARCH] as const;
/** Reads that show quotes, their tags or their counts. */
const QUOTE_READS = ['quotes.list', 'quotes.get', 'sources.detail', 'snapshots.list', 'tags.list', SEARCH] as const;
/** Reads that show a source's captures: which there are, their text, images, pages and OCR words. */
const CAPTURE_READS = [
  'sources.detail',
  'snapshots.list',
  'snapshots.text',
  'snapshots.image',
  'snapshots.images',
  'snapshots.pdf',
  'snapshots.ocrWords',
  'sources.list',
  SEARCH,
] as const;
/** A matrix shows its quotes' and sources' text and grades (and whether they are in the trash). */
const MATRIX = 'ach.get';
/** Reads that show indicators (with their judgement's or hypothesis's words and their evidence). */
const INDICATOR_READS = ['indicators.list', 'indicators.due'] as const;
/** Reads that show a judgement, its evidence or where evidence is used. */
const JUDGEMENT_READS = [
  'judgements.list',
  'judgements.get',
  'judgements.changes',
  'judgements.usedIn',
  'briefings.exportProblems',
  ...INDICATOR_READS,
] as const;
/** Reads that show a judgement's evidence (its counts, where evidence is used, export checks). */
const EVIDENCE_READS = ['judgements.list', 'judgements.get', 'judgements.usedIn', 'briefings.exportProblems'] as const;
/** Reads that show tags or what carries them. */
const TAG_READS = [
  'tags.list',
  'tags.usage',
  'sources.list',
  'sources.get',
  'sources.detail',
  'quotes.list',
  'quotes.get',
  SEARCH,
] as const;
/**
 * Reads that list briefings. `briefings.get` is not among them: the open editor reads its body once
 * and opens again only on a restore (or a reload of the page), never under the analyst's typing.
 */
const BRIEFING_LIST_READS = ['briefings.list', 'judgements.usedIn', SEARCH] as const;

/**
 * Which cached reads each command makes stale. This table is the only place the UI learns that
 * something changed: components never reload by hand. Every command of the contract has an entry
 * (tests/integration/data-layer.test.ts checks it), so a new command cannot be forgotten.
 */
export const STALE_AFTER: Readonly<Partial<Record<OperationName | JobName, Stale>>> = {
  'workspace.create': EVERYTHING,
  'workspace.open': EVERYTHING,
  'workspace.openSample': EVERYTHING,
  'workspace.openCleanedCopy': EVERYTHING,
  'workspace.openRecent': EVERYTHING,
  'backups.restore': EVERYTHING,

  'settings.update': ['settings.get'],

  'sources.create': [...SOURCE_READS, 'tags.list'],
  'sources.update': [
    MATRIX,
    ...SOURCE_READS,
    'quotes.list',
    'judgements.list',
    'judgements.get',
    'judgements.usedIn',
    'briefings.citations',
  ],
  'sources.delete': [MATRIX, ...SOURCE_READS, ...JUDGEMENT_READS, 'quotes.list', 'tags.list', 'trash.list', 'briefings.citations'],
  'sources.link': ['sources.detail', 'judgements.list', 'judgements.get'],
  'sources.unlink': ['sources.detail', 'judgements.list', 'judgements.get'],
  'snapshots.remove': CAPTURE_READS,

  'quotes.create': QUOTE_READS,
  'quotes.update': [MATRIX, ...QUOTE_READS, 'judgements.list', 'judgements.get', 'briefings.citations'],
  'quotes.delete': [MATRIX, ...QUOTE_READS, ...JUDGEMENT_READS, 'trash.list', 'briefings.citations'],

  'tags.create': ['tags.list'],
  'tags.update': TAG_READS,
  'tags.merge': TAG_READS,
  'tags.delete': TAG_READS,
  'tags.apply': TAG_READS,

  'productTypes.create': ['productTypes.list'],
  'briefings.create': BRIEFING_LIST_READS,
  // A status change takes a revision; a new yardstick moves the judgements' likelihoods.
  'briefings.updateMeta': [...BRIEFING_LIST_READS, 'briefings.revisions', 'briefings.exportProblems', 'judgements.list', 'tags.list'],
  // The body is saved as the analyst types: only what shows the body's effects goes stale.
  'briefings.saveBody': ['briefings.list', 'briefings.exportProblems', 'judgements.usedIn', SEARCH],
  'briefings.delete': [...BRIEFING_LIST_READS, 'trash.list', ...INDICATOR_READS],
  'briefings.snapshot': ['briefings.revisions'],
  'briefings.keepText': ['briefings.revisions'],
  'briefings.restoreRevision': [...BRIEFING_LIST_READS, 'briefings.get', 'briefings.revisions', ...JUDGEMENT_READS],
  'briefings.addImage': [],
  // The editor opens again on the shared document.
  'briefings.share': ['briefings.sharing', 'briefings.get'],

  'judgements.create': JUDGEMENT_READS,
  // The judgement itself is brought up to date from the answer (cache-updates.ts).
  'judgements.update': JUDGEMENT_READS,
  'judgements.reorder': ['judgements.list', 'briefings.exportProblems'],
  'judgements.delete': [...JUDGEMENT_READS, 'trash.list', 'assumptions.list'],
  // The change log records statement, likelihood and confidence only, so evidence leaves it alone.
  'judgements.link': EVIDENCE_READS,
  'judgements.updateLink': EVIDENCE_READS,
  'judgements.unlink': EVIDENCE_READS,
  // Citing a matrix answers with the judgement (cache-updates.ts); the export's checks compare the two.
  'judgements.citeMatrix': ['judgements.list', 'judgements.get', 'briefings.exportProblems'],

  // Every matrix change answers with the whole matrix (cache-updates.ts); the list shows counts and order.
  'ach.create': ['ach.list'],
  'ach.update': ['ach.list', ...INDICATOR_READS],
  'ach.delete': ['ach.list', 'ach.get', ...INDICATOR_READS],
  'ach.addHypothesis': ['ach.list'],
  'ach.updateHypothesis': INDICATOR_READS,
  'ach.removeHypothesis': ['ach.list', ...INDICATOR_READS],
  'ach.addItem': ['ach.list'],
  'ach.updateItem': [],
  'ach.removeItem': ['ach.list'],
  'ach.rate': ['ach.list'],

  // A thread's change answers with the thread; the list and the briefings' open counts show it.
  'comments.start': ['comments.list', 'comments.openCounts'],
  'comments.reply': ['comments.list'],
  'comments.setResolved': ['comments.list', 'comments.openCounts'],
  'comments.deleteThread': ['comments.list', 'comments.openCounts'],
  // An indicator shows in its owner's section and in the due list, which read the same records.
  'indicators.create': INDICATOR_READS,
  'indicators.update': INDICATOR_READS,
  'indicators.setSighting': INDICATOR_READS,
  'indicators.delete': INDICATOR_READS,
  // Key assumptions: the register, what each judgement rests on, and the export's checks.
  'assumptions.create': ['assumptions.list', 'briefings.exportProblems'],
  'assumptions.update': ['assumptions.list', 'assumptions.forJudgement', 'briefings.exportProblems'],
  'assumptions.delete': ['assumptions.list', 'assumptions.forJudgement', 'judgements.changes', 'briefings.exportProblems'],
  'assumptions.link': ['assumptions.list', 'assumptions.forJudgement', 'judgements.changes', 'briefings.exportProblems'],
  'assumptions.unlink': ['assumptions.list', 'assumptions.forJudgement', 'judgements.changes', 'briefings.exportProblems'],

  // A restored item can be anything; the trash is rarely used, so everything is read again.
  'trash.restore': EVERYTHING,
  'trash.empty': ['trash.list'],

  // Joining brings the team's library into the tables, and leaving or sharing changes the status.
  'team.join': EVERYTHING,
  'team.leave': ['team.status'],
  'team.share': ['team.status'],

  // Jobs: their results are read again once they succeed (JobsProvider).
  'snapshots.attach': CAPTURE_READS,
  'snapshots.readWithOcr': ['sources.detail', 'snapshots.list', 'snapshots.text', 'snapshots.ocrWords', SEARCH],
  'library.importPreview': [],
  'library.importCommit': [...SOURCE_READS, ...QUOTE_READS, 'tags.list'],
  'library.export': [],
  'workspace.saveCopy': [],
  'backups.create': ['backups.list'],
  'briefings.export': [],
};

/** The reads `command` (or a job that succeeded) makes stale: a list of operation names, or every read there is. */
export function staleAfter(command: OperationName | JobName): Stale {
  return STALE_AFTER[command] ?? [];
}

/**
 * Marks stale (and re-reads, where shown) what `command` changed, except the reads whose keys are
 * in `upToDate` (brought up to date from the command's answer, see `cache-updates.ts`).
 */
export async function invalidateAfter(
  queryClient: QueryClient,
  command: OperationName | JobName,
  upToDate: ReadonlySet<string> = new Set(),
): Promise<void> {
  const stale = staleAfter(command);
  if (stale === EVERYTHING) {
    await queryClient.invalidateQueries();
    return;
  }
  await Promise.all(
    stale.map((name) => queryClient.invalidateQueries({ queryKey: [name], predicate: (query) => !upToDate.has(query.queryHash) })),
  );
}

/**
 * Every read that shows records from the team documents (the library, and shared briefings' title
 * blocks, judgements and evidence): stale once changes from the team were written into the tables.
 */
const TEAM_LIBRARY_READS: readonly OperationName[] = [
  ...SOURCE_READS,
  ...QUOTE_READS,
  ...CAPTURE_READS,
  MATRIX,
  'tags.list',
  'trash.list',
  ...BRIEFING_LIST_READS,
  ...JUDGEMENT_READS,
  'productTypes.list',
];

/** Marks the library's reads stale after the host wrote changes from the team into it. */
export async function invalidateTeamLibrary(queryClient: QueryClient): Promise<void> {
  await Promise.all(TEAM_LIBRARY_READS.map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
}

export function invalidatesEverything(command: OperationName | JobName): boolean {
  return staleAfter(command) === EVERYTHING;
}
