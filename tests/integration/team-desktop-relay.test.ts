// The desktop app's team link, without Electron: its team client and loopback relay started the
// way main/electron/main.ts starts them (DesktopTeam: its own server on 127.0.0.1, a per-launch
// secret, only the app:// origin), a page's provider on it, and a browser host as the other
// analyst, both joined to one real team server.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { DesktopTeam } from '../../main/electron/desktop-team';
import { Accounts } from '../../main/team/accounts';
import { startTeamServer, type RunningTeamServer } from '../../main/team/team-server';
import { runBrowserHost, type RunningBrowserHost } from '../../main/web-host/browser-host';
import { WorkspaceSession } from '../../main/workspace-session';
import { connect, connected, waitFor, type TeamClient } from './helpers/team';
import { TempDirs } from './helpers/temp-workspace';

const PASSWORD = 'a long enough password';
const APP_ORIGIN = 'app://warrant';
const DOCUMENT = 'briefing/desktop-relay';
const temp = new TempDirs();
const closers: (() => void)[] = [];
let server: RunningTeamServer;
let browserHost: RunningBrowserHost;
let session: WorkspaceSession;
let desktop: DesktopTeam;
const errors: unknown[] = [];

/** A socket as the desktop page opens it: Chromium sends the page's origin, app://warrant. */
function pageSocket(url: string, origin = APP_ORIGIN): HocuspocusProviderWebsocket {
  class AppPageWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[], options?: ClientOptions) {
      super(address, protocols, { ...options, origin });
      // As main/team-client/provider-websocket.ts: an aborted handshake reported after the provider let go is not fatal.
      this.on('error', () => undefined);
    }
  }
  return new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: AppPageWebSocket });
}

function page(url: string, token: string, socket?: HocuspocusProviderWebsocket): TeamClient {
  const client = connect(url, DOCUMENT, token, socket);
  closers.push(() => (client.close(), socket?.destroy()));
  return client;
}

/** The HTTP status of a raw upgrade to the relay (or 'opened'). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number | 'opened'> {
  return new Promise((settle) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      settle('opened');
      socket.terminate();
    });
    socket.on('unexpected-response', (_request, response) => settle(response.statusCode ?? 0));
    socket.on('error', () => undefined);
  });
}

function joined(): boolean {
  return desktop.current?.status().joined === true;
}

beforeAll(async () => {
  server = await startTeamServer({ dataDir: temp.make(), log: () => undefined });
  const accounts = new Accounts(server.db);
  await Promise.all([accounts.add('ana', 'analyst', PASSWORD), accounts.add('bob', 'analyst', PASSWORD)]);
  const rendererDir = temp.make();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  browserHost = await runBrowserHost({ workspacePath: join(temp.make(), 'Ana.warrant'), rendererDir, port: 0, create: true });
  session = new WorkspaceSession(join(temp.make(), 'Bob.warrant'), { create: true, lockAs: 'desktop app' });
  desktop = await DesktopTeam.listen({ appOrigin: APP_ORIGIN, onError: (_what, error) => errors.push(error) });
  desktop.open(session);
  await Promise.all([
    (await browserHost.team()).join({ serverUrl: server.httpUrl, user: 'ana', password: PASSWORD }),
    desktop.current?.join({ serverUrl: server.httpUrl, user: 'bob', password: PASSWORD }),
  ]);
});

afterAll(async () => {
  for (const close of closers) close();
  await desktop.close();
  await session.closeAsync();
  await browserHost.close();
  await server.close();
  temp.cleanup();
});

describe('the desktop app’s team relay', () => {
  it('lets the app page co-edit with a browser-host analyst, and refuses a wrong secret, another origin and another Host', async () => {
    const relay = desktop.relay;
    expect(relay.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/team-relay$/);
    expect(relay.token).toHaveLength(43);

    const bob = await connected(page(relay.url, relay.token, pageSocket(relay.url)));
    const ana = await connected(page(`ws://127.0.0.1:${browserHost.port}/team-relay`, browserHost.token));
    bob.doc.getText('body').insert(0, 'Written in the desktop app. ');
    await waitFor(() => ana.doc.getText('body').toString().includes('desktop app'), 'the desktop page’s text to reach the browser host');
    ana.doc.getText('body').insert(ana.doc.getText('body').length, 'Written in the browser.');
    const both = 'Written in the desktop app. Written in the browser.';
    await waitFor(() => bob.doc.getText('body').toString() === both, 'the browser host’s text to reach the desktop page');
    expect(ana.doc.getText('body').toString()).toBe(both);

    // The secret is checked inside the protocol, as the browser host checks its token.
    const stranger = page(relay.url, 'not this launch’s secret', pageSocket(relay.url));
    await waitFor(() => stranger.refusal() !== null, 'a wrong secret to be refused');
    expect(stranger.doc.getText('body').toString()).toBe('');
    // Another origin, none at all, or a rebound Host never reach the hub.
    expect(await upgradeStatus(relay.url, { Origin: 'http://127.0.0.1:8080' })).toBe(403);
    expect(await upgradeStatus(relay.url, {})).toBe(403);
    expect(await upgradeStatus(relay.url, { Origin: APP_ORIGIN, Host: 'evil.example' })).toBe(403);
    expect(await upgradeStatus(relay.url.replace('/team-relay', '/other'), { Origin: APP_ORIGIN })).toBe(403);
    expect((await fetch(relay.url.replace('ws:', 'http:'))).status).toBe(404);
  });

  it('closes the team with the workspace it belongs to on a switch, and resumes it on the way back', async () => {
    const bobPath = session.current.path;
    session.switchTo(join(temp.make(), 'Solo.warrant'), true);
    desktop.workspaceChanged(session);
    expect(desktop.current?.status()).toEqual({ joined: false });
    // The solo workspace has no hub: the relay refuses even the app page.
    expect(await upgradeStatus(desktop.relay.url, { Origin: APP_ORIGIN })).toBe(403);
    expect(session.current.team.documentNames()).toEqual([]);

    session.switchTo(bobPath, false);
    desktop.workspaceChanged(session);
    await waitFor(() => joined() && desktop.current?.hub() !== null, 'Bob’s workspace to reconnect to its team');
    const again = await connected(page(desktop.relay.url, desktop.relay.token, pageSocket(desktop.relay.url)));
    expect(again.doc.getText('body').toString()).toBe('Written in the desktop app. Written in the browser.');
    expect(errors).toEqual([]);
  });
});
