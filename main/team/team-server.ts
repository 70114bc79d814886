// `warrant team-server`: Hocuspocus (3.4 line) with Warrant's accounts, permissions, limits,
// audit log and persistence (SQLite, or PostgreSQL with `--postgres`), optionally joined to other
// nodes through Redis.
import { Server, type Extension } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SESSION_HOURS, DEFAULT_TEAM_LIMITS, type TeamLimits } from '../../src/team/permissions';
import { Accounts } from './accounts';
import { AuditLog } from './audit-log';
import { BlobRoutes } from './blob-routes';
import { BlobStore } from './blob-store';
import { RedisRelay } from './redis-relay';
import { ServerPersistence } from './server-persistence';
import { TeamGuard, userOfOrigin } from './team-guard';
import { TeamHttp } from './team-http';
import { openTeamStore, type TeamStore } from './team-store';

export interface TeamServerOptions {
  /** The server's folder: its SQLite file (unless `postgres` is given) and its blob store. */
  dataDir: string;
  /** A PostgreSQL URL to keep accounts, audit log and documents in, instead of the SQLite file. */
  postgres?: string;
  host?: string;
  /** 0 (the default) for any free port. */
  port?: number;
  redis?: { host: string; port: number };
  limits?: Partial<TeamLimits>;
  sessionHours?: number;
  /** Journal rows after which a document's stored state is rewritten (see document-persistence.ts). */
  compactAfterUpdates?: number;
  /** Where refusals are reported as they happen (the CLI: stderr). */
  log?: (line: string) => void;
}

export interface RunningTeamServer {
  /** ws://host:port, what a provider connects to. */
  url: string;
  /** http://host:port, for /login. */
  httpUrl: string;
  port: number;
  /** The server's store (SQLite file or PostgreSQL), for accounts and the audit log. */
  db: TeamStore;
  close(): Promise<void>;
}

/** `host:port` of `--redis`; refuses anything else with a message that says what it wants. */
export function parseRedisAddress(value: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--redis must be host:port (for example 127.0.0.1:6379), not “${value}”.`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

export async function startTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const log = options.log ?? (() => undefined);
  const db = await openTeamStore({ dataDir: options.dataDir, postgres: options.postgres, log });
  const accounts = new Accounts(db);
  const audit = new AuditLog(db, (error) =>
    log(`could not write to the audit log: ${error instanceof Error ? error.message : String(error)}`),
  );
  const limits: TeamLimits = { ...DEFAULT_TEAM_LIMITS, ...options.limits };
  const persistence = new ServerPersistence(db, {
    log,
    compactAfterUpdates: options.compactAfterUpdates ?? 500,
    onUpdate: (document, update, origin) => {
      const user = userOfOrigin(origin);
      // Updates arriving from other nodes through Redis are audited by the node their author used.
      if (user !== null) audit.record({ user, event: 'update', document, bytes: update.length, detail: null });
    },
  });
  const guard = new TeamGuard({ accounts, audit, limits, estimatedBytes: (name) => persistence.estimatedBytes(name), log });
  const http = new TeamHttp(
    accounts,
    audit,
    options.sessionHours ?? DEFAULT_SESSION_HOURS,
    new BlobRoutes(new BlobStore(options.dataDir), accounts, audit, limits.maxBlobBytes),
  );
  const extensions: Extension[] = [guard, http, persistence];
  if (options.redis) extensions.push(new RedisRelay({ ...options.redis, identifier: `warrant-${randomUUID()}`, prefix: 'warrant' }));
  const server = new Server(
    {
      name: 'warrant-team-server',
      port: options.port ?? 0,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      // The journal already makes every update durable; the store only folds it into the state.
      debounce: 5_000,
      maxDebounce: 30_000,
      extensions,
    },
    // ws's own frame cap, a backstop at twice the guard's: a frame over it is dropped before it is buffered.
    { maxPayload: limits.maxMessageBytes * 2 },
  );
  server.webSocketServer.on('connection', guard.watchSocket);
  try {
    // Not server.listen(): Hocuspocus 3.4 hands Node `address` where it expects `host`, so it
    // would bind every interface whatever it is told. Listening here keeps 127.0.0.1 the default.
    await new Promise<void>((done, fail) => {
      server.httpServer.once('error', fail);
      server.httpServer.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' }, () => {
        server.httpServer.off('error', fail);
        done();
      });
    });
  } catch (error) {
    await server.destroy();
    await db.close();
    throw error;
  }
  const { address, port } = server.address;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    db,
    async close() {
      await server.destroy();
      // ws's close() leaves open sockets open: a stopped server must drop its clients, as a stopped process would.
      for (const client of server.webSocketServer.clients) client.terminate();
      await persistence.settled();
      await db.close();
    },
  };
}
