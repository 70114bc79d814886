// The team server on a real PostgreSQL (started by the test, helpers/postgres-server.ts): the
// server's own checks again on that backend, through the `warrant team-server --postgres` process,
// killed with SIGKILL mid-edit; clear refusals when PostgreSQL cannot be used; the same tables as
// the SQLite file; and two nodes on one Redis sharing one database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Accounts } from '../../main/team/accounts';
import { AuditLog } from '../../main/team/audit-log';
import { applyStored } from '../../main/team/document-persistence';
import { startTeamServer, type RunningTeamServer } from '../../main/team/team-server';
import { openTeamStore, type TeamStore } from '../../main/team/team-store';
import { cliBuild } from './helpers/builds';
import { CLI, runCliInProcess } from './helpers/cli';
import { postgresMissing, startPostgres, type RunningPostgres } from './helpers/postgres-server';
import { redisServerInstalled, startRedis } from './helpers/redis-server';
import {
  connect,
  connected,
  login,
  RawClient,
  spawnTeamServer,
  sqliteFileOf,
  textUpdate,
  waitFor,
  waitForAsync,
  type TeamClient,
  type TeamServerProcess,
} from './helpers/team';

const PASSWORD = 'a long enough password';
const missing = postgresMissing();
if (missing) console.warn(`team-postgres: skipped, ${missing}.`);

/** `warrant team-server --postgres URL` as a process of its own, so that it can be killed with SIGKILL. */
function startTeamServerProcess(dataDir: string, postgres: string): Promise<TeamServerProcess> {
  return spawnTeamServer([CLI, 'team-server', '--data', dataDir, '--port', '0', '--postgres', postgres]);
}

function killed(server: TeamServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

describe.skipIf(missing !== null)('the team server on PostgreSQL', () => {
  let postgres: RunningPostgres;
  /** One database for every test: each opens the store as a server would (tables made once) and uses its own names. */
  let url: string;
  let dataDir: string;
  const clients: TeamClient[] = [];
  const servers: TeamServerProcess[] = [];
  const stores: TeamStore[] = [];

  // Longer than a hook's usual 10 s: on an edited checkout the CLI bundle is rebuilt first.
  beforeAll(async () => {
    cliBuild();
    postgres = await startPostgres();
    url = postgres.url;
    dataDir = mkdtempSync(join(tmpdir(), 'warrant-team-pg-'));
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(servers.map(killed));
    for (const store of stores) await store.close();
    await postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in, writes, refuses a reviewer’s write, and after kill -9 mid-edit still holds every acknowledged change', async () => {
    let server = await startTeamServerProcess(dataDir, url);
    servers.push(server);
    const store = await openTeamStore({ dataDir, postgres: url });
    stores.push(store);
    const accounts = new Accounts(store);
    await Promise.all([accounts.add('ana', 'analyst', PASSWORD), accounts.add('rita', 'reviewer', PASSWORD)]);
    const [wrong, ana, rita] = await Promise.all([
      login(server.httpUrl, 'ana', 'not the password'),
      login(server.httpUrl, 'ana', PASSWORD),
      login(server.httpUrl, 'rita', PASSWORD),
    ]);
    expect(wrong.status).toBe(401);

    const writer = await connected(connect(server.url, 'briefing/kill', ana.token ?? ''));
    clients.push(writer);
    const acknowledged: string[] = [];
    for (let k = 0; k < 25; k++) {
      writer.doc.getText('body').insert(writer.doc.getText('body').length, ` k${k} `);
      await waitFor(() => !writer.provider.hasUnsyncedChanges, 'an acknowledgement');
      acknowledged.push(`k${k}`);
    }
    const raw = await RawClient.open(server.url, 'briefing/kill', rita.token ?? '');
    raw.sendUpdate(textUpdate('body', 'rita rewrote it'));
    await waitFor(() => raw.replies.saved.length > 0, 'the answer to the reviewer’s write');
    expect(raw.replies.saved).toEqual([false]);
    raw.close();
    // The server process writes its audit rows a moment after answering (PostgreSQL, in batches).
    const refusals = async (): Promise<(string | null)[]> =>
      (await new AuditLog(store).query({ user: 'rita', event: 'refused' })).map((entry) => entry.detail);
    await waitForAsync(async () => (await refusals()).length > 0, 'the refusal in the audit log');
    expect(await refusals()).toEqual(['write on a read-only connection']);

    // One more change on its way when the process dies: it may or may not have been stored.
    writer.doc.getText('body').insert(0, ' in-flight ');
    await killed(server);
    writer.close();
    server = await startTeamServerProcess(dataDir, url);
    servers.push(server);
    const reader = await connected(connect(server.url, 'briefing/kill', ana.token ?? ''));
    clients.push(reader);
    const text = reader.doc.getText('body').toString();
    expect(acknowledged.filter((marker) => !text.includes(` ${marker} `))).toEqual([]);
    expect(text).not.toContain('rita');
    expect((await new AuditLog(store).query({ user: 'ana', event: 'update', document: 'briefing/kill' })).length).toBeGreaterThanOrEqual(
      25,
    );
  });

  it('says in one line why it cannot use PostgreSQL: nothing listening, no such database, not a URL', async () => {
    const closedPort = postgres.port === 1 ? 2 : 1;
    const unreachable = await runCliInProcess([
      'team-server',
      'user',
      'list',
      '--postgres',
      `postgres://warrant@127.0.0.1:${closedPort}/team`,
    ]);
    expect(unreachable).toMatchObject({ code: 1, stdout: '' });
    expect(unreachable.stderr).toBe(
      `Could not reach PostgreSQL at 127.0.0.1:${closedPort} (connection refused): is it running, and is that its address?\n`,
    );
    process.env.WARRANT_TEAM_POSTGRES = `postgres://warrant:secret@127.0.0.1:${postgres.port}/no_such_database`;
    try {
      const absent = await runCliInProcess(['team-server', 'audit', '--data', dataDir]);
      expect(absent).toMatchObject({ code: 1, stdout: '' });
      expect(absent.stderr).toBe(
        `PostgreSQL at 127.0.0.1:${postgres.port} has no database “no_such_database”: create it first (createdb no_such_database).\n`,
      );
    } finally {
      delete process.env.WARRANT_TEAM_POSTGRES;
    }
    const notUrl = await runCliInProcess(['team-server', '--postgres', 'warrant_team', '--data', dataDir]);
    expect(notUrl).toMatchObject({ code: 1, stderr: '--postgres must be a URL such as postgres://warrant@127.0.0.1:5432/warrant_team.\n' });
  });

  it('makes the same tables and columns as the SQLite file, and makes them once however often it starts', async () => {
    const sqlite = await openTeamStore({ dataDir: mkdtempSync(join(dataDir, 'sqlite-')) });
    stores.push(sqlite);
    await Promise.all([0, 1].map(async () => (await openTeamStore({ dataDir, postgres: url })).close()));
    stores.push(await openTeamStore({ dataDir, postgres: url }));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const columns = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name <> 'warrant_team_schema' ORDER BY table_name, ordinal_position`,
      );
      const inPostgres = columns.rows.map((row) => `${row.table_name}.${row.column_name}`);
      const file = sqliteFileOf(sqlite);
      const tables = file.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      const inSqlite = tables.flatMap((table) =>
        file
          .prepare<[], string>(`SELECT name FROM pragma_table_info('${table}')`)
          .pluck()
          .all()
          .map((column) => `${table}.${column}`),
      );
      expect(inPostgres).toEqual(inSqlite);
      expect((await client.query('SELECT version FROM warrant_team_schema')).rows).toEqual([{ version: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('keeps, when a node compacts, what another node stored and this one never saw', async () => {
    // No Redis between the nodes, so neither hears of the other's change: only the store has both.
    const node = (): Promise<RunningTeamServer> => startTeamServer({ dataDir, postgres: url, compactAfterUpdates: 1 });
    const [first, second] = await Promise.all([node(), node()]);
    let firstOpen = true;
    try {
      await new Accounts(first.db).add('cid', 'analyst', PASSWORD);
      const token = (await login(first.httpUrl, 'cid', PASSWORD)).token ?? '';
      const onSecond = await connected(connect(second.url, 'briefing/unrelayed', token));
      const onFirst = await connected(connect(first.url, 'briefing/unrelayed', token));
      clients.push(onFirst, onSecond);
      onFirst.doc.getText('body').insert(0, 'from the first node. ');
      await waitFor(() => !onFirst.provider.hasUnsyncedChanges, 'the first node’s acknowledgement');
      firstOpen = false;
      await first.close();
      onSecond.doc.getText('body').insert(0, 'from the second node. ');
      await waitFor(() => !onSecond.provider.hasUnsyncedChanges, 'the second node’s acknowledgement');
      // The second node's compaction took the first node's change from the store, and its client got it too.
      await waitFor(() => onSecond.doc.getText('body').toString().includes('from the first node.'), 'the stored change on the second node');
    } finally {
      if (firstOpen) await first.close();
      await second.close();
    }
    const store = await openTeamStore({ dataDir, postgres: url });
    stores.push(store);
    const loaded = new Y.Doc();
    applyStored(loaded, await store.loadDocument('briefing/unrelayed'));
    expect(loaded.getText('body').toString()).toContain('from the first node.');
    expect(loaded.getText('body').toString()).toContain('from the second node.');
  });

  it.skipIf(!redisServerInstalled())('lets two nodes on one Redis share the database, each compacting, and loses nothing', async () => {
    const edits = 16;
    const redis = await startRedis();
    const node = (): Promise<RunningTeamServer> =>
      startTeamServer({ dataDir, postgres: url, redis: { host: redis.host, port: redis.port }, compactAfterUpdates: 4 });
    const nodes = [await node(), await node()] as const;
    try {
      await new Accounts(nodes[0].db).add('bea', 'analyst', PASSWORD);
      const token = (await login(nodes[1].httpUrl, 'bea', PASSWORD)).token ?? '';
      const pair = await Promise.all(nodes.map(async (each) => connected(connect(each.url, 'briefing/shared', token))));
      clients.push(...pair);
      for (let k = 0; k < edits; k++) {
        const client = pair[k % 2];
        client?.doc.getText('body').insert(0, ` n${k} `);
        await waitFor(() => !client?.provider.hasUnsyncedChanges, 'an acknowledgement');
      }
      const markers = Array.from({ length: edits }, (_, k) => ` n${k} `);
      const all = (client: TeamClient): boolean => markers.every((marker) => client.doc.getText('body').toString().includes(marker));
      await waitFor(() => pair.every(all), 'both nodes’ clients to hold every change');
      for (const client of pair) client.close();
    } finally {
      for (const each of nodes) await each.close();
      await redis.stop();
    }
    // What a node starting afresh would load: the database alone holds every change.
    const store = await openTeamStore({ dataDir, postgres: url });
    stores.push(store);
    const stored = await store.loadDocument('briefing/shared');
    const loaded = new Y.Doc();
    applyStored(loaded, stored);
    const text = loaded.getText('body').toString();
    expect(Array.from({ length: edits }, (_, k) => `n${k}`).filter((marker) => !text.includes(` ${marker} `))).toEqual([]);
    // Both nodes compacted (every 4 changes), so the state holds most of it and the journal little.
    expect(stored.state).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(edits);
  });
});
