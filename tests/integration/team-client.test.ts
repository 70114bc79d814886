// The workbench's team client for real: two browser hosts (each with its own workspace file) joined to
// one team server on 127.0.0.1; the server stopped and started again on the same port for "offline".
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Workspace } from '../../db/workspace';
import { startTeamServer, type RunningTeamServer } from '../../main/team/team-server';
import type { TeamService } from '../../main/team-client/team-service';
import type { RunningBrowserHost } from '../../main/web-host/browser-host';
import { TempDirs } from './helpers/temp-workspace';
import { waitFor } from './helpers/team';
import { startTeam, startWorkbench, TEAM_PASSWORD as PASSWORD } from './helpers/team-setup';
import { ProviderWebSocket } from '../../main/team-client/provider-websocket';

const temp = new TempDirs();
let serverDir: string;
let server: RunningTeamServer;
let port: number;
const hosts: RunningBrowserHost[] = [];

async function startHost(name: string): Promise<RunningBrowserHost> {
  const host = await startWorkbench(temp, name);
  hosts.push(host);
  return host;
}

function teamOf(host: RunningBrowserHost): Promise<TeamService> {
  return host.team();
}

function waiting(team: TeamService): number {
  const status = team.status();
  return status.joined ? status.waiting : Number.NaN;
}

function state(team: TeamService): string {
  const status = team.status();
  return status.joined ? status.state : 'not joined';
}

function sourceTitles(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries([...doc.getMap<Y.Map<unknown>>('sources').entries()].map(([id, fields]) => [id, fields.toJSON()]));
}

beforeAll(async () => {
  serverDir = temp.make();
  server = await startTeam(serverDir, { ana: 'analyst', bob: 'analyst', rita: 'reviewer' });
  port = server.port;
});

afterAll(async () => {
  for (const host of hosts) await host.close();
  await server.close();
  temp.cleanup();
});

describe('joining a team from the workbench', () => {
  it('refuses a wrong password and an address where no team server answers, and binds nothing', async () => {
    const team = await teamOf(await startHost('Refused'));
    await expect(team.join({ serverUrl: server.httpUrl, user: 'ana', password: 'wrong' })).rejects.toThrow('Wrong user name or password.');
    await expect(team.join({ serverUrl: '127.0.0.1:1', user: 'ana', password: PASSWORD })).rejects.toThrow(/Could not reach a team server/);
    await expect(team.join({ serverUrl: 'ftp://x', user: 'ana', password: PASSWORD })).rejects.toThrow(
      /not a server address|Could not reach/,
    );
    expect(team.status()).toEqual({ joined: false });
  });

  it('keeps two workbenches in step, works offline with its changes waiting in the file, and merges on reconnect', async () => {
    const [hostA, hostB] = await Promise.all([startHost('Ana'), startHost('Bob')]);
    const [a, b] = await Promise.all([teamOf(hostA), teamOf(hostB)]);
    expect(await a.join({ serverUrl: server.httpUrl, user: 'ana', password: PASSWORD })).toMatchObject({ joined: true, role: 'analyst' });
    await b.join({ serverUrl: `127.0.0.1:${port}`, user: 'bob', password: PASSWORD });
    const hubA = a.hub();
    const hubB = b.hub();
    if (!hubA || !hubB) throw new Error('Both workbenches should have a hub once joined.');

    await hubA.change('library/sources', (doc) => {
      const fields = new Y.Map<unknown>();
      doc.getMap('sources').set('s1', fields);
      fields.set('title', 'Tokyo speech');
      fields.set('grade', 'B2');
    });
    const docB = await hubB.openDocument('library/sources');
    await waitFor(() => sourceTitles(docB).s1 !== undefined, 'the source to reach the second workbench');
    await waitFor(() => state(a) === 'connected' && waiting(a) === 0, 'the first workbench to be acknowledged');

    // The server goes away: both keep working, and what each changes waits in its own file.
    await server.close();
    await waitFor(() => state(a) === 'offline' && state(b) === 'offline', 'both to see the server gone');
    await hubA.change('library/sources', (doc) => doc.getMap<Y.Map<unknown>>('sources').get('s1')?.set('title', 'Tokyo speech, 2017'));
    await hubB.change('library/sources', (doc) => doc.getMap<Y.Map<unknown>>('sources').get('s1')?.set('grade', 'A1'));
    expect(a.status()).toMatchObject({ state: 'offline', waiting: 1 });
    expect(b.status()).toMatchObject({ state: 'offline', waiting: 1 });
    // The waiting change is in the workspace file, not only in memory.
    expect(hostB.session.current.team.waiting()).toBe(1);

    server = await startTeamServer({ dataDir: serverDir, port });
    await waitFor(() => waiting(a) === 0 && waiting(b) === 0, 'both to be acknowledged after reconnecting', 20_000);
    const docA = await hubA.openDocument('library/sources');
    await waitFor(
      () => JSON.stringify(sourceTitles(docA)) === JSON.stringify(sourceTitles(docB)),
      'the two workbenches to converge',
      10_000,
    );
    // Last writer wins per field, not per record: each kept their own change.
    expect(sourceTitles(docA).s1).toEqual({ title: 'Tokyo speech, 2017', grade: 'A1' });

    // A copy saved for someone else carries neither Ana's session token nor the team's documents.
    const copyPath = join(temp.make(), 'For a colleague.warrant');
    await hostA.session.current.saveCopy(copyPath, { leaveTeam: true });
    const copy = Workspace.open(copyPath, { create: false });
    try {
      expect([copy.team.binding(), copy.team.documentNames()]).toEqual([null, []]);
    } finally {
      copy.close();
    }
    expect(hostA.session.current.team.binding()?.userName).toBe('ana');
  });

  it('relays a page to its documents only with the host token, and makes a reviewer read-only there', async () => {
    const host = await startHost('Rita');
    const team = await teamOf(host);
    await team.join({ serverUrl: server.httpUrl, user: 'rita', password: PASSWORD });
    const page = (
      token: string,
      name: string,
    ): { provider: HocuspocusProvider; refused: () => string | null; socket: HocuspocusProviderWebsocket } => {
      let refusal: string | null = null;
      const socket = new HocuspocusProviderWebsocket({
        url: `ws://127.0.0.1:${host.port}/team-relay`,
        WebSocketPolyfill: ProviderWebSocket,
      });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        token,
        onAuthenticationFailed: ({ reason }) => (refusal = reason),
      });
      provider.attach();
      return { provider, refused: () => refusal, socket };
    };
    const stranger = page('not the token', 'library/sources');
    await waitFor(() => stranger.refused() !== null, 'a wrong token to be refused');
    stranger.provider.destroy();
    stranger.socket.destroy();

    const reviewer = page(host.token, 'library/sources');
    await waitFor(() => reviewer.provider.isSynced, 'the page to sync through the relay');
    // The team's library reached the reviewer's workbench through the server, and on to the page.
    const sources = reviewer.provider.document.getMap<Y.Map<unknown>>('sources');
    await waitFor(() => sources.get('s1')?.get('grade') === 'A1', 'the library to reach the page');
    reviewer.provider.document.getMap('sources').set('forged', new Y.Map());
    // The hub answers a sync round only after it has handled the write sent before it.
    let answered = false;
    reviewer.provider.on('message', () => (answered = true));
    reviewer.provider.forceSync();
    await waitFor(() => answered, 'the hub to answer after the forged write');
    expect(reviewer.provider.hasUnsyncedChanges).toBe(true);
    const hubDoc = await team.hub()?.openDocument('library/sources');
    expect(hubDoc?.getMap('sources').has('forged')).toBe(false);
    reviewer.provider.destroy();
    reviewer.socket.destroy();

    // Another site's page cannot even open the socket (the token is checked only after it opens).
    const foreign = await new Promise<number | 'opened'>((settle) => {
      const socket = new WebSocket(`ws://127.0.0.1:${host.port}/team-relay`, { headers: { Origin: 'http://evil.example' } });
      socket.on('open', () => {
        settle('opened');
        socket.terminate();
      });
      socket.on('unexpected-response', (_request, response) => settle(response.statusCode ?? 0));
      socket.on('error', () => undefined);
    });
    expect(foreign).toBe(403);
  });
});
