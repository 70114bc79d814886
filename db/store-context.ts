import type Database from 'better-sqlite3';

/** What a repository needs from the workspace: the connection and a hook run after each write. */
export interface StoreContext {
  readonly db: Database.Database;
  /** Called after every committed write (schedules the idle WAL checkpoint). */
  readonly afterWrite: () => void;
  /** Current time as ISO-8601; injectable so tests can order records deterministically. */
  readonly now: () => string;
}
