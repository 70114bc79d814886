// Who connected to which document, which updates they sent (size, time), and what was refused
// and why. Read with `warrant team-server audit`.
import type { TeamStore } from './team-store';

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

function auditEventOf(value: string): AuditEvent {
  const known = AUDIT_EVENTS.find((event) => event === value);
  if (known === undefined) throw new Error(`The audit log holds an unknown event “${value}”.`);
  return known;
}

export class AuditLog {
  constructor(
    private readonly store: TeamStore,
    /** Where a row that could not be stored is reported; recording never holds up the caller. */
    private readonly onError: (error: unknown) => void = (error) => console.error('Could not write to the team audit log:', error),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stored in the order recorded (at once with SQLite, in the next batch with PostgreSQL). */
  record(entry: Omit<AuditEntry, 'at'>): void {
    this.store
      .appendAudit({
        at: this.now().toISOString(),
        user_name: entry.user,
        event: entry.event,
        document: entry.document,
        bytes: entry.bytes,
        detail: entry.detail,
      })
      .catch(this.onError);
  }

  /** Newest first; includes everything recorded before the call. */
  async query(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const rows = await this.store.queryAudit({ ...query, limit: query.limit ?? 100 });
    return rows.map((row) => ({
      at: row.at,
      user: row.user_name,
      event: auditEventOf(row.event),
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
