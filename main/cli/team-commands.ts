// `warrant team-server …`: run the team server, manage its accounts, read its audit log.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLE_MEANING } from '../../src/team/permissions';
import { userDataDir } from '../paths';
import { AccountError, Accounts } from '../team/accounts';
import { AUDIT_EVENTS, AuditLog, formatAuditEntry, type AuditEvent } from '../team/audit-log';
import { parseRedisAddress, startTeamServer } from '../team/team-server';
import { openTeamStore, type TeamStore } from '../team/team-store';
import { readPassword } from './read-password';

export interface TeamCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Keeps the process serving: `team-server` returns once it listens. */
  onStop(stop: () => Promise<void>): void;
}

/** Where the server keeps its data: every team-server command takes both. */
const storeOptions = { data: { type: 'string' }, postgres: { type: 'string' } } as const;

function dataDirOf(value: string | undefined): string {
  return resolve(value ?? join(userDataDir(), 'team-server'));
}

/** `--postgres URL`, else WARRANT_TEAM_POSTGRES, else none (the SQLite file in the data folder). */
function postgresUrlOf(value: string | undefined): string | undefined {
  return value ?? (process.env.WARRANT_TEAM_POSTGRES || undefined);
}

/** Runs `work` on the server's store (as the server would open it), closing it after. */
async function withStore<T>(values: { data?: string; postgres?: string }, work: (store: TeamStore) => Promise<T>): Promise<T> {
  const store = await openTeamStore({ dataDir: dataDirOf(values.data), postgres: postgresUrlOf(values.postgres) });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new AccountError(`${name} must be a whole number from ${min} to ${max}, not “${value}”.`);
  return number;
}

async function serve(args: string[], io: TeamCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...storeOptions,
      port: { type: 'string' },
      host: { type: 'string' },
      redis: { type: 'string' },
      'session-hours': { type: 'string' },
    },
  });
  const port = wholeNumber(values.port, '--port', 1234, 0, 65535);
  const sessionHours = wholeNumber(values['session-hours'], '--session-hours', 12, 1, 24 * 90);
  let redis;
  try {
    redis = values.redis === undefined ? undefined : parseRedisAddress(values.redis);
  } catch (error) {
    throw new AccountError(error instanceof Error ? error.message : String(error));
  }
  const dataDir = dataDirOf(values.data);
  const host = values.host ?? '127.0.0.1';
  const postgres = postgresUrlOf(values.postgres);
  const server = await startTeamServer({ dataDir, postgres, host, port, redis, sessionHours, log: (line) => io.stderr(`${line}\n`) });
  io.onStop(() => server.close());
  if (!['127.0.0.1', '::1', 'localhost'].includes(host))
    io.stdout(`Listening beyond this machine on ${host}: put it behind a TLS reverse proxy (README, Teams).\n`);
  const users = (await new Accounts(server.db).list()).length;
  if (users === 0) io.stdout('No users yet: add one with `warrant team-server user add NAME --role analyst`.\n');
  const stores = postgres === undefined ? server.db.description : `${server.db.description}, blobs: ${dataDir}`;
  io.stdout(`Warrant team server is listening on ${server.url} (${stores}${redis ? `, Redis ${values.redis}` : ''})\n`);
  return 0;
}

async function user(args: string[], io: TeamCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { ...storeOptions, role: { type: 'string' } },
  });
  const [action, name, role] = positionals;
  return withStore(values, async (store) => {
    const accounts = new Accounts(store);
    if (action === 'list') {
      const users = await accounts.list();
      if (users.length === 0) io.stdout('No users.\n');
      for (const each of users) io.stdout(`${each.name}\t${each.role}\t(${ROLE_MEANING[each.role]})\tadded ${each.createdAt}\n`);
      return 0;
    }
    if (!name) throw new AccountError(`Say which user: warrant team-server user ${action ?? 'add'} NAME.`);
    if (action === 'add') {
      if (!values.role) throw new AccountError('Say which role: --role analyst, reviewer or reader.');
      const added = await accounts.add(name, values.role, await readPassword(`Password for ${name}: `));
      io.stdout(`Added ${added.name} as ${added.role} (${ROLE_MEANING[added.role]}).\n`);
    } else if (action === 'remove') {
      await accounts.remove(name);
      io.stdout(`Removed ${name}; their sessions ended, their audit entries stay.\n`);
    } else if (action === 'role') {
      if (!role) throw new AccountError('Say which role: warrant team-server user role NAME analyst|reviewer|reader.');
      const changed = await accounts.setRole(name, role);
      io.stdout(`${changed.name} is now ${changed.role}; it applies to their next write and next connection.\n`);
    } else if (action === 'password') {
      await accounts.setPassword(name, await readPassword(`New password for ${name}: `));
      io.stdout(`Changed ${name}'s password and ended their sessions.\n`);
    } else if (action === 'logout') {
      io.stdout(`Ended ${await accounts.revokeAll(name)} session(s) of ${name}.\n`);
    } else throw new AccountError(`Unknown user command “${action ?? ''}”: add, list, remove, role, password or logout.`);
    return 0;
  });
}

async function audit(args: string[], io: TeamCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...storeOptions,
      user: { type: 'string' },
      document: { type: 'string' },
      event: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  const event = values.event;
  if (event !== undefined && !(AUDIT_EVENTS as readonly string[]).includes(event))
    throw new AccountError(`--event must be one of ${AUDIT_EVENTS.join(', ')}, not “${event}”.`);
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since)))
    throw new AccountError(`--since must be a time such as 2026-12-05T09:00:00Z, not “${values.since}”.`);
  return withStore(values, async (store) => {
    const entries = await new AuditLog(store).query({
      user: values.user,
      document: values.document,
      event: event as AuditEvent | undefined,
      since: values.since === undefined ? undefined : new Date(values.since).toISOString(),
      limit: wholeNumber(values.limit, '--limit', 100, 1, 100_000),
    });
    if (entries.length === 0) io.stdout('No audit entries match.\n');
    for (const entry of entries) io.stdout(`${formatAuditEntry(entry)}\n`);
    return 0;
  });
}

/** `warrant team-server ARGS`; refusals are thrown as AccountError, for the CLI to print. */
export function teamServerCommand(args: string[], io: TeamCommandIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === 'user') return user(rest, io);
  if (first === 'audit') return audit(rest, io);
  return serve(args, io);
}
