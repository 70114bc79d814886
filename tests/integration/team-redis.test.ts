// Two team-server nodes joined by a real redis-server: clients on different nodes converge.
// Killing a node mid-edit and restarting it is in `npm run soak:team` (it takes longer).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Accounts } from '../../main/team/accounts';
import { startTeamServer, type RunningTeamServer } from '../../main/team/team-server';
import { connect, connected, login, waitFor, type TeamClient } from './helpers/team';
import { redisServerInstalled, startRedis, type RunningRedis } from './helpers/redis-server';

const PASSWORD = 'a long enough password';
const haveRedis = redisServerInstalled();
if (!haveRedis) console.warn('team-redis: skipped, redis-server is not installed (apt-get install redis-server).');

describe.skipIf(!haveRedis)('two team-server nodes on one Redis', () => {
  let redis: RunningRedis;
  let dataDir: string;
  let nodes: [RunningTeamServer, RunningTeamServer];
  const clients: TeamClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    // Nodes on one machine share one data folder (SQLite in WAL mode serves both processes).
    dataDir = mkdtempSync(join(tmpdir(), 'warrant-team-redis-'));
    const node = (): Promise<RunningTeamServer> => startTeamServer({ dataDir, redis: { host: redis.host, port: redis.port } });
    nodes = [await node(), await node()];
    await new Accounts(nodes[0].db).add('ana', 'analyst', PASSWORD);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const node of nodes) await node.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries edits made on one node to a client of the other, both ways', async () => {
    const token = (await login(nodes[1].httpUrl, 'ana', PASSWORD)).token ?? '';
    const first = await connected(connect(nodes[0].url, 'briefing/two-nodes', token));
    const second = await connected(connect(nodes[1].url, 'briefing/two-nodes', token));
    clients.push(first, second);
    first.doc.getText('body').insert(0, 'from node one. ');
    await waitFor(() => second.doc.getText('body').toString() === 'from node one. ', 'node one’s edit on node two');
    second.doc.getText('body').insert(0, 'From node two, ');
    await waitFor(() => first.doc.getText('body').toString() === 'From node two, from node one. ', 'node two’s edit on node one');
    expect(second.doc.getText('body').toString()).toBe('From node two, from node one. ');
  });

  it('publishes a change itself on Redis, so it reaches the other node in one hop', async () => {
    const token = (await login(nodes[0].httpUrl, 'ana', PASSWORD)).token ?? '';
    const writer = await connected(connect(nodes[0].url, 'briefing/one-hop', token));
    const reader = await connected(connect(nodes[1].url, 'briefing/one-hop', token));
    clients.push(writer, reader);
    const listener = new IORedis(redis.port, redis.host);
    const heard: { kind: number; update: Uint8Array }[] = [];
    listener.on('messageBuffer', (_channel: Buffer, data: Buffer) => {
      // A node's name (length-prefixed), then Hocuspocus's message: document name, type, sync kind, payload.
      const decoder = decoding.createDecoder(new Uint8Array(data.subarray((data[0] ?? 0) + 1)));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== 0) return;
      heard.push({ kind: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) });
    });
    await listener.subscribe('warrant:briefing/one-hop');
    try {
      writer.doc.getText('body').insert(0, 'one hop');
      await waitFor(() => reader.doc.getText('body').toString() === 'one hop', 'the edit on the other node');
      // Hocuspocus's extension as shipped publishes a state vector first (kind 0) and the update only when asked.
      expect(heard[0]?.kind).toBe(1);
      const relayed = new Y.Doc();
      Y.applyUpdate(relayed, heard[0]?.update ?? new Uint8Array());
      expect(relayed.getText('body').toString()).toBe('one hop');
    } finally {
      listener.disconnect();
    }
  });
});
