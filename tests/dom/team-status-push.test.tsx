import { render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient, type Transport } from '../../src/contract/client';
import type { RunningTeamServer } from '../../main/team/team-server';
import { ClientProvider } from '../../renderer/app/ClientProvider';
import { TeamStatusChip } from '../../renderer/app/TeamStatusChip';
import { createHttpTransport } from '../../renderer/transport/http-transport';
import { Workspace } from '../../db/workspace';
import { bindWorkspace, sessionFor, startTeam } from '../integration/helpers/team-setup';
import { TempDirs } from '../integration/helpers/temp-workspace';
import { BrowserHostFixture } from './support/hosts';

// The top bar's team chip over the renderer's own HTTP transport and the browser host's event
// stream, with a real team server on 127.0.0.1: it follows the hub without asking the host again.
const temp = new TempDirs();
const web = new BrowserHostFixture();
let server: RunningTeamServer;
beforeAll(async () => {
  server = await startTeam(temp.make(), { ana: 'analyst' });
  const session = await sessionFor(server, 'ana');
  // Joined ahead of the host (this DOM's fetch cannot log in across origins): the host resumes the team.
  await web.start((path) => {
    Workspace.open(path, { create: true }).close();
    bindWorkspace(path, server.httpUrl, 'ana', session);
  });
});
afterAll(async () => {
  await web.stop();
  await server.close();
  temp.cleanup();
});

it('shows offline, a change waiting and connected again as the host pushes them, with no team.status asked after the first', async () => {
  const http = createHttpTransport(web.host.token);
  const asked: string[] = [];
  const transport: Transport = { ...http, call: (name, input, epoch) => (asked.push(name), http.call(name, input, epoch)) };
  const client = createClient(transport);
  await client.call('host.info', {});
  render(
    <ClientProvider client={client}>
      <TeamStatusChip />
    </ClientProvider>,
  );
  await screen.findByRole('button', { name: 'Team: Connected' });
  await waitFor(() => expect(client.eventsOpen).toBe(true));
  const statusReads = (): number => asked.filter((name) => name === 'team.status').length;
  const readsBefore = statusReads();

  const hub = (await web.host.team()).hub();
  if (!hub) throw new Error('The host should run a hub once joined.');
  const started = performance.now();
  hub.disconnect();
  await screen.findByRole('button', { name: 'Team: Offline' });
  const offlineAfterMs = performance.now() - started;
  await hub.change('comments/push-test', (doc) => doc.getMap('threads').set('t1', 'written offline'));
  await screen.findByRole('button', { name: 'Team: Offline · 1 waiting' });
  await hub.reconnect();
  await screen.findByRole('button', { name: 'Team: Connected' }, { timeout: 10_000 });

  expect(statusReads()).toBe(readsBefore);
  // The push is gathered for 25 ms; the host's in-process sweep (every second) would be slower.
  expect(offlineAfterMs).toBeLessThan(1_000);
  console.info(`team chip offline ${offlineAfterMs.toFixed(0)} ms after the hub`);
});
