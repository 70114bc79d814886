import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * The settings row naming this workspace for its backups' manifests. It is copied with the
 * file (a copy is the same workspace), and is not a user setting, so the settings form never
 * sees it.
 */
const WORKSPACE_ID_KEY = 'warrant.workspaceId';

export function readWorkspaceIdFrom(db: Database.Database): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(WORKSPACE_ID_KEY);
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' && parsed.length > 0 ? parsed : null;
  } catch {
    return null;
  }
}

/** The workspace's id, given one on first use (an older workspace has none until its first backup). */
export function ensureWorkspaceId(db: Database.Database): string {
  const existing = readWorkspaceIdFrom(db);
  if (existing) return existing;
  const id = randomUUID();
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(WORKSPACE_ID_KEY, JSON.stringify(id));
  return readWorkspaceIdFrom(db) ?? id;
}

/** The id stored in a closed workspace file, or null when it has none or cannot be read. */
export function readWorkspaceId(path: string, nativeBinding?: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma('trusted_schema = OFF');
    return readWorkspaceIdFrom(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
