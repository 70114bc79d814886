import { isTeamRole } from '../../src/team/permissions';
import type { TeamBinding } from '../../src/team/binding';
import type { StoreContext } from '../store-context';

interface BindingRow {
  server_url: string;
  user_name: string;
  role: string;
  token: string;
  expires_at: string;
  joined_at: string;
}

/**
 * The workspace's side of a team (issue 19): the binding to the team server and the local copy of
 * the team's Yjs documents. Updates are journaled one row each, in the caller's stack, so that an
 * update is on disk before anyone is told it was applied; `fold` rewrites a document's state and
 * empties its journal.
 */
export class TeamRepository {
  constructor(private readonly ctx: StoreContext) {}

  binding(): TeamBinding | null {
    const row = this.ctx.db
      .prepare<[], BindingRow>('SELECT server_url, user_name, role, token, expires_at, joined_at FROM team_binding WHERE id = 1')
      .get();
    if (!row || !isTeamRole(row.role)) return null;
    return {
      serverUrl: row.server_url,
      userName: row.user_name,
      role: row.role,
      token: row.token,
      expiresAt: row.expires_at,
      joinedAt: row.joined_at,
    };
  }

  bind(binding: TeamBinding): void {
    this.ctx.db
      .prepare(
        `INSERT INTO team_binding (id, server_url, user_name, role, token, expires_at, joined_at) VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, user_name = excluded.user_name, role = excluded.role,
             token = excluded.token, expires_at = excluded.expires_at, joined_at = excluded.joined_at`,
      )
      .run(binding.serverUrl, binding.userName, binding.role, binding.token, binding.expiresAt, binding.joinedAt);
    this.ctx.afterWrite();
  }

  /** Leaves the team: the documents go with the binding; the projected tables stay as a solo workspace. */
  unbind(): void {
    this.ctx.db.transaction(() => {
      this.ctx.db.prepare('DELETE FROM team_binding').run();
      this.ctx.db.prepare('DELETE FROM team_document_updates').run();
      this.ctx.db.prepare('DELETE FROM team_documents').run();
    })();
    this.ctx.afterWrite();
  }

  documentNames(): string[] {
    return this.ctx.db
      .prepare<[], string>('SELECT name FROM team_documents UNION SELECT DISTINCT name FROM team_document_updates ORDER BY 1')
      .pluck()
      .all();
  }

  /** The stored state, then every journaled update since, in order: applied together they give the document. */
  load(name: string): { state: Uint8Array | null; updates: Uint8Array[] } {
    const state = this.ctx.db.prepare<[string], Buffer>('SELECT state FROM team_documents WHERE name = ?').pluck().get(name) ?? null;
    const updates = this.ctx.db
      .prepare<[string], Buffer>('SELECT update_bytes FROM team_document_updates WHERE name = ? ORDER BY id')
      .pluck()
      .all(name);
    return { state, updates };
  }

  /** Journals one update; `madeHere` counts it as waiting for the team server's acknowledgement. */
  append(name: string, update: Uint8Array, madeHere: boolean): void {
    this.ctx.db.transaction(() => {
      this.ctx.db.prepare('INSERT INTO team_document_updates (name, update_bytes) VALUES (?, ?)').run(name, update);
      if (madeHere) {
        this.ctx.db
          .prepare(
            `INSERT INTO team_documents (name, state, waiting, stored_at) VALUES (?, X'', 1, ?)
               ON CONFLICT (name) DO UPDATE SET waiting = waiting + 1`,
          )
          .run(name, this.ctx.now());
      }
    })();
    this.ctx.afterWrite();
  }

  /** Replaces the stored state with `state` (which includes every journaled update) and empties the journal. */
  fold(name: string, state: Uint8Array): void {
    this.ctx.db.transaction(() => {
      this.ctx.db
        .prepare(
          `INSERT INTO team_documents (name, state, waiting, stored_at) VALUES (?, ?, 0, ?)
             ON CONFLICT (name) DO UPDATE SET state = excluded.state, stored_at = excluded.stored_at`,
        )
        .run(name, state, this.ctx.now());
      this.ctx.db.prepare('DELETE FROM team_document_updates WHERE name = ?').run(name);
    })();
    this.ctx.afterWrite();
  }

  /** The team server holds everything this workbench made in `name`. */
  acknowledged(name: string): void {
    const changed = this.ctx.db.prepare('UPDATE team_documents SET waiting = 0 WHERE name = ? AND waiting > 0').run(name).changes;
    if (changed > 0) this.ctx.afterWrite();
  }

  /** Changes made here, in every document, that the team server has not acknowledged. */
  waiting(): number {
    return this.ctx.db.prepare<[], number>('SELECT coalesce(sum(waiting), 0) FROM team_documents').pluck().get() ?? 0;
  }
}
