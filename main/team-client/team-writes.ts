import type { Handlers, JobHandlers } from '../../src/contract/handlers';
import { WarrantError } from '../../src/contract/errors';
import { jobs, operations } from '../../src/contract/operations';
import type { LibraryKind } from '../../src/team/library-fields';
import type { TeamLibrary } from './team-library';

/** The library the open workspace shares with its team, and whether this user may change it (null: solo). */
export interface ActiveTeamLibrary {
  library: TeamLibrary;
  mayWrite: boolean;
}

/** Operations that write library records: a team reader's or reviewer's call is refused before it writes. */
const LIBRARY_WRITE = /^(sources|quotes|tags|snapshots|trash|library)\./;

/**
 * Writes of a shared briefing's records: which record the input names. A reader's or reviewer's is
 * refused; one that names the version it started from (`versioned`) merges in a team, never conflicts.
 */
const SHARED_RECORD_WRITES: Readonly<Record<string, { kind: LibraryKind; key: string; versioned?: true }>> = {
  'briefings.updateMeta': { kind: 'briefings', key: 'id', versioned: true },
  'briefings.delete': { kind: 'briefings', key: 'id' },
  'judgements.create': { kind: 'briefings', key: 'briefingId' },
  'judgements.reorder': { kind: 'briefings', key: 'briefingId' },
  'judgements.update': { kind: 'judgements', key: 'id', versioned: true },
  'judgements.delete': { kind: 'judgements', key: 'id', versioned: true },
  'judgements.link': { kind: 'judgements', key: 'judgementId' },
  'judgements.updateLink': { kind: 'evidence-links', key: 'id' },
  'judgements.unlink': { kind: 'evidence-links', key: 'id' },
};

/** The shared record a write names, if the team's documents hold it. */
function sharedRecordOf(name: string, input: unknown, library: TeamLibrary): { versioned: boolean } | null {
  const write = SHARED_RECORD_WRITES[name];
  if (!write || !isObject(input)) return null;
  const id = input[write.key];
  return typeof id === 'string' && library.holds(write.kind, id) ? { versioned: write.versioned === true } : null;
}

function refusal(): WarrantError {
  return new WarrantError(
    'unauthorized',
    'Your role in the team does not let you change the shared library or shared briefings (the team server would refuse it). Nothing was changed.',
  );
}

/**
 * In a team workspace, a write through the usual handlers is a document change, not a solo edit:
 * - the record version it started from is dropped (a field another analyst changed meanwhile is
 *   merged per field, last writer wins, never refused as a conflict), for library records and for
 *   a shared briefing's title block and judgements;
 * - after it, the rows it wrote are copied into the team's library documents;
 * - a role that may not write the library is refused at once, so the page never shows a change
 *   the server would drop.
 * In a solo workspace every call passes through unchanged.
 */
export function bindTeamWrites(
  handlers: Handlers,
  jobHandlers: JobHandlers,
  active: () => Promise<ActiveTeamLibrary | null>,
): { handlers: Handlers; jobHandlers: JobHandlers } {
  const wrap = (name: string, handler: (...args: unknown[]) => unknown, mutates: boolean) => {
    if (!mutates) return handler;
    const libraryWrite = LIBRARY_WRITE.test(name);
    return async (...args: unknown[]): Promise<unknown> => {
      const team = await active();
      if (!team) return handler(...args);
      const [input, ...rest] = args;
      const shared = sharedRecordOf(name, input, team.library);
      if ((libraryWrite || shared) && !team.mayWrite) throw refusal();
      const unversioned =
        libraryWrite && isObject(input) && 'version' in input
          ? { ...input, version: undefined }
          : shared?.versioned && isObject(input)
            ? { ...input, baseVersion: undefined }
            : input;
      try {
        return await handler(unversioned, ...rest);
      } finally {
        team.library.publishLocalWrites();
      }
    };
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const spec = operations[name as keyof typeof operations];
    // A switch or restore puts another workspace behind the session: nothing of this one is left to send.
    wrapped[name] = wrap(name, handler as (...args: unknown[]) => unknown, spec.mutates && !spec.changesEpoch);
  }
  const wrappedJobs: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(jobHandlers)) {
    wrappedJobs[name] = wrap(name, handler as (...args: unknown[]) => unknown, jobs[name as keyof typeof jobs].writes === 'workspace');
  }
  // Same keys and signatures; only a team workspace's writes behave differently.
  return { handlers: wrapped as Handlers, jobHandlers: wrappedJobs as JobHandlers };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
