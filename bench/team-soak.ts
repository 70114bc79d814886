/**
 * `npm run soak:team`: the team server under load, and killed mid-edit.
 * 1. Load: CLIENTS clients (one socket each, every one on all DOCS briefings, or on OPEN of them) type a marked
 *    keystroke every RATE ms into a random one of their briefings for SECONDS; every other client times when
 *    it sees it. With NODES=2 the clients alternate between two nodes joined by a redis-server,
 *    and latency is reported within a node and across nodes. At the end every briefing must be
 *    identical everywhere and hold every keystroke sent (no lost update).
 * 2. Kill: one client types, each keystroke waiting for the server's acknowledgement; the server
 *    is killed with SIGKILL mid-edit and started again on its folder: every acknowledged keystroke
 *    must be there. With NODES=2 the killed node is the writer's, and the other node (through
 *    Redis) must hold them too.
 * Servers are `warrant team-server` processes; sizes from the environment (defaults: the issue's).
 * POSTGRES=url runs them on that PostgreSQL database (`--postgres`), POSTGRES=local on a throwaway
 * cluster started here (tests/integration/helpers/postgres-server.ts); otherwise on the SQLite file.
 * PROFILE=dir writes the servers' CPU profiles; `node --cpu-prof --import tsx bench/team-soak.ts` the clients'.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import IORedis from 'ioredis';
import * as Y from 'yjs';
import { Accounts } from '../main/team/accounts';
import { openTeamStore } from '../main/team/team-store';
import {
  connect,
  connected,
  login,
  spawnTeamServer,
  waitFor,
  type TeamClient,
  type TeamServerProcess,
} from '../tests/integration/helpers/team';
import { startPostgres } from '../tests/integration/helpers/postgres-server';
import { redisServerInstalled, startRedis, type RunningRedis } from '../tests/integration/helpers/redis-server';
import { ProviderWebSocket } from '../main/team-client/provider-websocket';

const CLI = resolve(import.meta.dirname, '..', 'bin', 'warrant.mjs');
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const DOCS = Number(process.env.DOCS ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 60);
const RATE = Number(process.env.RATE ?? 500);
const NODES = Number(process.env.NODES ?? 1);
/** Briefings each client has open and types into: all of them by default (the worst case), or e.g. 1 (co-writers of one briefing). */
const OPEN = Math.min(DOCS, Number(process.env.OPEN ?? DOCS));
const PASSWORD = 'soak password long enough';
const localPostgres = process.env.POSTGRES === 'local' ? await startPostgres() : null;
const POSTGRES_URL = localPostgres?.url ?? (process.env.POSTGRES || undefined);

type Node = TeamServerProcess;

function startNode(dataDir: string, redis: RunningRedis | null, port = 0): Promise<Node> {
  const args = [
    CLI,
    'team-server',
    '--data',
    dataDir,
    '--port',
    String(port),
    ...(redis ? ['--redis', `${redis.host}:${redis.port}`] : []),
    ...(POSTGRES_URL ? ['--postgres', POSTGRES_URL] : []),
  ];
  // PROFILE=dir writes each server's CPU profile there (open in Chrome's DevTools) when it stops.
  const profile = process.env.PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROFILE] : [];
  return spawnTeamServer([...profile, ...args]);
}

function rssMb(pid: number | undefined): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Messages Redis has published so far (each reaches every subscribed node): the cost of carrying changes across nodes. */
async function redisPublishes(redis: RunningRedis | null): Promise<number> {
  if (!redis) return 0;
  const client = new IORedis(redis.port, redis.host);
  try {
    const stats = await client.info('commandstats');
    return Number(/cmdstat_publish:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  } finally {
    client.disconnect();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function loadPhase(dataDir: string): Promise<boolean> {
  const redis = NODES > 1 ? await startRedis() : null;
  const nodes: Node[] = [];
  for (let i = 0; i < NODES; i++) nodes.push(await startNode(dataDir, redis));
  const idleMb = nodes.map((node) => rssMb(node.child.pid));
  const token = (await login(nodes[0]?.httpUrl ?? '', 'soak', PASSWORD)).token ?? '';
  const sentAt = new Map<string, number>();
  // Spread so that with NODES=2 every briefing has writers on both nodes whatever OPEN is.
  const nodeOfClient = (client: number): number => (OPEN < DOCS ? Math.floor(client / DOCS) : client) % NODES;
  const briefingsOf = (client: number): number[] => Array.from({ length: OPEN }, (_, i) => (client + i) % DOCS);
  const latency = { within: [] as number[], across: [] as number[] };
  const sockets: HocuspocusProviderWebsocket[] = [];
  /** views[client][briefing], for the briefings that client has open. */
  const views: Map<number, TeamClient>[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const url = nodes[nodeOfClient(c)]?.url ?? '';
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: ProviderWebSocket });
    sockets.push(socket);
    const docs = new Map<number, TeamClient>();
    for (const d of briefingsOf(c)) {
      const view = connect(url, `briefing/soak-${d}`, token, socket);
      // The markers are read from the update itself: a text event's delta walks the whole text,
      // which at 500 documents in this one process cost more than the server did.
      view.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
        if (transaction.local) return;
        const arrived = performance.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
          for (const marker of struct.content.str.match(/c\d+k\d+/g) ?? []) {
            const writer = Number(/c(\d+)/.exec(marker)?.[1]);
            const at = sentAt.get(marker);
            if (at !== undefined) latency[nodeOfClient(writer) === nodeOfClient(c) ? 'within' : 'across'].push(arrived - at);
          }
        }
      });
      docs.set(d, view);
    }
    views.push(docs);
  }
  const allViews = views.flatMap((docs) => [...docs.values()]);
  await Promise.all(allViews.map((view) => connected(view)));
  const loadedMb = nodes.map((node) => rssMb(node.child.pid));
  process.stdout.write(
    `load: ${CLIENTS} clients, ${OPEN} of ${DOCS} briefings open each, on ${NODES} node(s), a keystroke every ${RATE} ms each, ${SECONDS} s\n`,
  );
  const perDoc = new Map<number, string[]>();
  let keystrokes = 0;
  // Where the time goes: the servers' CPU, the clients' (this process's) CPU, and how late this
  // process's event loop runs (every delivery it times waits in that queue).
  const serverCpuBefore = nodes.map((node) => cpuSeconds(node.child.pid));
  const clientCpuBefore = process.cpuUsage();
  const publishesBefore = await redisPublishes(redis);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const timers = views.map((docs, c) =>
    setInterval(() => {
      const d = (c + Math.floor(Math.random() * OPEN)) % DOCS;
      const marker = `c${c}k${keystrokes++}`;
      sentAt.set(marker, performance.now());
      perDoc.set(d, [...(perDoc.get(d) ?? []), marker]);
      const text = docs.get(d)?.doc.getText('body');
      // At either end, never inside another keystroke's marker (which would split it).
      text?.insert(Math.random() < 0.5 ? 0 : text.length, ` ${marker} `);
    }, RATE),
  );
  await new Promise((done) => setTimeout(done, SECONDS * 1000));
  for (const timer of timers) clearInterval(timer);
  loopDelay.disable();
  const serverCpu = nodes.map((node, i) => cpuSeconds(node.child.pid) - (serverCpuBefore[i] ?? 0));
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const publishes = (await redisPublishes(redis)) - publishesBefore;
  await waitFor(() => allViews.every((view) => !view.provider.hasUnsyncedChanges), 'every keystroke acknowledged', 60_000);
  let lost = 0;
  const textOf = (d: number): string =>
    views
      .find((docs) => docs.has(d))
      ?.get(d)
      ?.doc.getText('body')
      .toString() ?? '';
  await waitFor(
    () => views.every((docs) => [...docs].every(([d, view]) => view.doc.getText('body').toString() === textOf(d))),
    'every briefing identical everywhere',
    60_000,
  ).catch((error: unknown) => process.stdout.write(`${String(error)}\n`));
  for (const [d, markers] of perDoc) {
    const text = textOf(d);
    lost += markers.filter((marker) => !text.includes(` ${marker} `)).length;
  }
  const busyMb = nodes.map((node) => rssMb(node.child.pid));
  for (const [kind, values] of Object.entries(latency))
    if (values.length > 0)
      process.stdout.write(
        `  propagation ${kind === 'within' ? 'within a node' : 'across nodes'}: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (${values.length} deliveries)\n`,
      );
  process.stdout.write(`  ${keystrokes} keystrokes, ${lost} lost\n`);
  process.stdout.write(
    `  CPU over the ${SECONDS} s: server${NODES > 1 ? 's' : ''} ${serverCpu.map((seconds) => `${seconds.toFixed(1)} s`).join(' + ')}, clients ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s; clients' event-loop delay p50 ${(loopDelay.percentile(50) / 1e6).toFixed(0)} ms, p95 ${(loopDelay.percentile(95) / 1e6).toFixed(0)} ms\n`,
  );
  if (redis) process.stdout.write(`  Redis: ${publishes} messages published, ${(publishes / keystrokes).toFixed(1)} per keystroke\n`);
  nodes.forEach((node, i) =>
    process.stdout.write(
      `  node ${i + 1} RSS: ${idleMb[i]?.toFixed(0)} MB idle, ${loadedMb[i]?.toFixed(0)} MB with the briefings open, ${busyMb[i]?.toFixed(0)} MB at the end: ~${(((busyMb[i] ?? 0) - (idleMb[i] ?? 0)) / DOCS).toFixed(1)} MB per briefing with ${(CLIENTS * OPEN) / DOCS} clients each\n`,
    ),
  );
  for (const view of allViews) view.provider.destroy();
  for (const socket of sockets) socket.destroy();
  for (const node of nodes) node.child.kill('SIGTERM');
  await redis?.stop();
  return lost === 0;
}

/**
 * With NODES=2, the writer is on the second node, a watcher on the first (through Redis); the
 * second node is killed and restarted on its port, and both the restarted node and the first
 * must hold every acknowledged keystroke.
 */
async function killPhase(dataDir: string): Promise<boolean> {
  const redis = NODES > 1 ? await startRedis() : null;
  const survivor = redis ? await startNode(dataDir, redis) : null;
  let node = await startNode(dataDir, redis);
  const port = Number(new URL(node.httpUrl).port);
  const token = (await login(node.httpUrl, 'soak', PASSWORD)).token ?? '';
  const writer = await connected(connect(node.url, 'briefing/kill', token));
  const watcher = survivor ? await connected(connect(survivor.url, 'briefing/kill', token)) : null;
  const acknowledged: string[] = [];
  const killAt = Date.now() + 1500;
  for (let k = 0; Date.now() < killAt; k++) {
    writer.doc.getText('body').insert(writer.doc.getText('body').length, ` k${k} `);
    await waitFor(() => !writer.provider.hasUnsyncedChanges, 'an acknowledgement');
    acknowledged.push(`k${k}`);
  }
  writer.doc.getText('body').insert(0, ' in-flight ');
  node.child.kill('SIGKILL');
  writer.close();
  node = await startNode(dataDir, redis, port);
  const reader = await connected(connect(node.url, 'briefing/kill', token));
  const missingIn = (client: TeamClient): string[] => {
    const text = client.doc.getText('body').toString();
    return acknowledged.filter((marker) => !text.includes(` ${marker} `));
  };
  const missing = missingIn(reader);
  let ok = missing.length === 0;
  process.stdout.write(`kill -9 mid-edit: ${acknowledged.length} acknowledged keystrokes, ${missing.length} missing after the restart\n`);
  if (watcher) {
    await waitFor(() => missingIn(watcher).length === 0, 'the other node to hold them', 10_000).catch(() => undefined);
    process.stdout.write(`  on the node that was not killed: ${missingIn(watcher).length} missing\n`);
    ok &&= missingIn(watcher).length === 0;
    watcher.close();
  }
  reader.close();
  node.child.kill('SIGTERM');
  survivor?.child.kill('SIGTERM');
  await redis?.stop();
  return ok;
}

if (NODES > 1 && !redisServerInstalled()) {
  process.stdout.write('NODES=2 needs redis-server (apt-get install redis-server).\n');
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), 'warrant-team-soak-'));
const store = await openTeamStore({ dataDir, postgres: POSTGRES_URL });
process.stdout.write(`store: ${store.description}\n`);
await new Accounts(store).add('soak', 'analyst', PASSWORD);
await store.close();
try {
  const loadOk = await loadPhase(dataDir);
  const killOk = await killPhase(dataDir);
  process.stdout.write(loadOk && killOk ? 'team soak passed\n' : 'team soak FAILED\n');
  process.exitCode = loadOk && killOk ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await localPostgres?.stop();
}
