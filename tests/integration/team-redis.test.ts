// Two team-server nodes joined by a real redis-server: clients on different nodes converge.
// Killing a node mid-edit and restarting it is in `npm run soak:team` (it takes longer).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
