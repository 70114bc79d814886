/**
 * Run in a fresh process by bench/library-bench.ts: how long a workspace takes to open, and to answer its
 * first library page and first search, before anything is warm in this process. Prints JSON.
 *   node --import tsx bench/open-probe.ts PATH [SEARCH]
 */
import { since } from './stats';

export interface OpenProbeResult {
  /** Loading the app's modules (db/, main/, src/ and zod) in a new process. */
  importMs: number;
  /** `Workspace.open` through `WorkspaceSession` (header check, migrations check, pragmas, CJK index version). */
  openMs: number;
  /** The first `sources.list` page (100 rows) at the contract boundary. */
  firstListMs: number;
  /** The first `search.query` at the contract boundary. */
  firstSearchMs: number;
  closeMs: number;
}

async function main(): Promise<void> {
  const path = process.argv[2];
  const searchText = process.argv[3] ?? 'missile';
  if (!path) throw new Error('usage: open-probe.ts PATH [SEARCH]');
  let start = process.hrtime.bigint();
  const [{ WorkspaceSession }, { createHandlers }, { createDispatcher }, { JobManager }, { UploadStore }] = await Promise.all([
    import('../main/workspace-session'),
    import('../main/handlers'),
    import('../src/contract/dispatch'),
    import('../src/contract/job-manager'),
    import('../main/uploads'),
  ]);
  const importMs = since(start);

  start = process.hrtime.bigint();
  const session = new WorkspaceSession(path);
  const openMs = since(start);

  const jobManager = new JobManager();
  const uploads = new UploadStore();
  const host = { appVersion: 'bench', dialogs: null, deliverCopy: async (): Promise<never> => Promise.reject(new Error('unused')) };
  const { handlers, jobHandlers } = createHandlers(session, jobManager, host, uploads);
  const dispatcher = createDispatcher(handlers, jobHandlers, jobManager);

  start = process.hrtime.bigint();
  const listed = await dispatcher.call('sources.list', {});
  const firstListMs = since(start);
  if (!listed.ok) throw new Error(`sources.list failed: ${listed.error.message}`);

  start = process.hrtime.bigint();
  const searched = await dispatcher.call('search.query', { text: searchText, limit: 20 });
  const firstSearchMs = since(start);
  if (!searched.ok) throw new Error(`search.query failed: ${searched.error.message}`);

  start = process.hrtime.bigint();
  session.close();
  const closeMs = since(start);
  uploads.dispose();
  const result: OpenProbeResult = { importMs, openMs, firstListMs, firstSearchMs, closeMs };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
