// Review comments through a real team server: an analyst's and a reviewer's browser hosts, each
// with its own copy of one workspace file, joined to one team server on 127.0.0.1.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { commentsSyncOf } from '../../main/team-client/comments-team';
import type { TeamHub } from '../../main/team-client/team-hub';
import { AuditLog } from '../../main/team/audit-log';
import type { RunningTeamServer } from '../../main/team/team-server';
import { runBrowserHost, type RunningBrowserHost } from '../../main/web-host/browser-host';
import type { CommentThread } from '../../src/domain/comment';
import { TempDirs } from './helpers/temp-workspace';
import { waitFor } from './helpers/team';
import { startTeam, TEAM_PASSWORD as PASSWORD } from './helpers/team-setup';

const temp = new TempDirs();
let server: RunningTeamServer;
const hosts: RunningBrowserHost[] = [];
let briefingId: string;
let soloThreadId: string;

/** One workspace file with a briefing and a thread written before it was shared, copied per person. */
function workspaceCopies(names: readonly string[]): string[] {
  const dir = temp.make();
  const original = join(dir, 'original.warrant');
  const ws = Workspace.open(original, { create: true });
  ws.settings.update({ analystName: 'Ana Analyst' });
  briefingId = ws.briefings.create({ title: 'Tokyo visit', typeId: 'briefing', author: 'Ana', marking: 'TLP:CLEAR', date: null }).id;
  soloThreadId = ws.comments.start(briefingId, 'c-solo-anchor', 'a global threat', 'Written before sharing.').id;
  ws.close();
  return names.map((name) => {
    const path = join(dir, `${name}.warrant`);
    copyFileSync(original, path);
    return path;
  });
}

async function startHost(workspacePath: string): Promise<RunningBrowserHost> {
  const rendererDir = temp.make();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const host = await runBrowserHost({ workspacePath, rendererDir, port: 0 });
  hosts.push(host);
  return host;
}

/** A contract call over HTTP, as the page makes it. */
async function call<T>(host: RunningBrowserHost, name: string, input: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Warrant-Token': host.token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function joined(host: RunningBrowserHost, user: string): Promise<TeamHub> {
  const team = await host.team();
  await team.join({ serverUrl: server.httpUrl, user, password: PASSWORD });
  const hub = team.hub();
  if (!hub) throw new Error(`${user}'s workbench has no hub after joining.`);
  return hub;
}

beforeAll(async () => {
  server = await startTeam(temp.make(), { ana: 'analyst', rita: 'reviewer' });
});

afterAll(async () => {
  for (const host of hosts) await host.close();
  await server.close();
  temp.cleanup();
});

describe('review comments in a team', () => {
  it('carries a reviewer’s comment, reply and resolve to the analyst’s tables, and never the reviewer’s change to the text', async () => {
    const [anaPath = '', ritaPath = ''] = workspaceCopies(['ana', 'rita']);
    const [anaHost, ritaHost] = await Promise.all([startHost(anaPath), startHost(ritaPath)]);
    const [anaHub, ritaHub] = await Promise.all([joined(anaHost, 'ana'), joined(ritaHost, 'rita')]);
    const ana = anaHost.session;

    // Ana shares the briefing's threads; Rita's workbench follows the shared briefing.
    await commentsSyncOf(anaHub, () => ana.current).attach(briefingId);
    await commentsSyncOf(ritaHub, () => ritaHost.session.current).attach(briefingId);
    expect(await call(ritaHost, 'comments.access', { briefingId })).toMatchObject({
      shared: true,
      role: 'reviewer',
      editText: false,
      comment: true,
    });
    expect(await call(anaHost, 'comments.access', { briefingId })).toMatchObject({ shared: true, role: 'analyst', editText: true });

    const started = await call<CommentThread>(ritaHost, 'comments.start', {
      briefingId,
      anchor: 'q-reviewer-anchor-1',
      quote: 'framed North Korea',
      body: 'Framed by whom?',
    });
    await call(ritaHost, 'comments.reply', { threadId: soloThreadId, body: 'Agreed, cite it.' });
    await call(ritaHost, 'comments.setResolved', { threadId: soloThreadId, version: 1, resolved: true });

    const anaThreads = (): CommentThread[] => ana.current.comments.list(briefingId);
    await waitFor(() => anaThreads().length === 2 && anaThreads()[0]?.resolvedAt !== null, 'Rita’s comments in Ana’s tables', 10_000);
    const [solo, reviewed] = anaThreads();
    expect(solo?.comments.map((comment) => `${comment.author}: ${comment.body}`)).toEqual([
      'Ana Analyst: Written before sharing.',
      'rita: Agreed, cite it.',
    ]);
    expect(solo?.resolvedBy).toBe('rita');
    expect(reviewed).toMatchObject({ id: started.id, anchor: 'q-reviewer-anchor-1', quote: 'framed North Korea' });
    expect(await call(anaHost, 'comments.openCounts', {})).toEqual({ counts: { [briefingId]: 1 } });

    // A modified workbench forces a change to the text through its hub: the server drops it.
    const anaBody = await anaHub.openDocument(`briefing/${briefingId}`);
    await ritaHub.change(`briefing/${briefingId}`, (doc) => doc.getText('forged').insert(0, 'Rita rewrote this.'));
    // Sent after the forged change on the same socket, so it arrives after it would have.
    await call(ritaHost, 'comments.reply', { threadId: started.id, body: 'Sent after the forged text.' });
    await waitFor(() => anaThreads()[1]?.comments.length === 2, 'the later reply to reach Ana', 10_000);
    expect(anaBody.getText('forged').toString()).toBe('');
    const refused = await new AuditLog(server.db).query({ user: 'rita', event: 'refused', document: `briefing/${briefingId}` });
    expect(refused[0]?.detail).toBe('write on a read-only connection');
  });
});
