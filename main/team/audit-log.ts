// Who connected to which document, which updates they sent (size, time), and what was refused
// and why. Read with `warrant team-server audit`.
import type { TeamDatabase } from './team-database';

export const AUDIT_EVENTS = [
  'login',
  'login-refused',
  'connect',
  'connect-refused',
  'update',
  'refused',
  'disconnect',
  'blob-put',
  'blob-get',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export interface AuditEntry {
  at: string;
  user: string | null;
  event: AuditEvent;
  document: string | null;
  bytes: number | null;
  detail: string | null;
}

export interface AuditQuery {
  user?: string;
  document?: string;
  event?: AuditEvent;
  /** ISO time; only entries at or after it. */
  since?: string;
  limit?: number;
}

interface AuditRow {
  at: string;
  user_name: string | null;
  event: AuditEvent;
  document: string | null;
  bytes: number | null;
  detail: string | null;
}

export class AuditLog {
  private readonly insert;

  constructor(
    private readonly db: TeamDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare('INSERT INTO audit (at, user_name, event, document, bytes, detail) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record(entry: Omit<AuditEntry, 'at'>): void {
    this.insert.run(this.now().toISOString(), entry.user, entry.event, entry.document, entry.bytes, entry.detail);
  }

  /** Newest first. */
  query(query: AuditQuery = {}): AuditEntry[] {
    const filters: [string, string | undefined][] = [
      ['user_name = ?', query.user],
      ['document = ?', query.document],
      ['event = ?', query.event],
      ['at >= ?', query.since],
    ];
    const chosen = filters.filter((filter): filter is [string, string] => filter[1] !== undefined);
    const where = chosen.map(([clause]) => clause);
    const values = chosen.map(([, value]) => value);
    const sql = `SELECT at, user_name, event, document, bytes, detail FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...values, query.limit ?? 100) as AuditRow[];
    return rows.map((row) => ({
      at: row.at,
      user: row.user_name,
      event: row.event,
      document: row.document,
      bytes: row.bytes,
      detail: row.detail,
    }));
  }
}

export function formatAuditEntry(entry: AuditEntry): string {
  const fields = [
    entry.at,
    entry.event.padEnd(15),
    entry.user ?? '-',
    entry.document ?? '-',
    entry.bytes === null ? '' : `${entry.bytes} B`,
  ];
  return `${fields.join('  ')}${entry.detail ? `  ${entry.detail}` : ''}`;
}
