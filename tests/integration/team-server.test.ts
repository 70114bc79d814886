// The team server for real: Hocuspocus on 127.0.0.1, its SQLite file in a temporary folder,
// providers over `ws`, and a raw client standing in for a modified workbench.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Accounts } from '../../main/team/accounts';
import { AuditLog } from '../../main/team/audit-log';
import { startTeamServer, type RunningTeamServer } from '../../main/team/team-server';
import { connect, connected, login, RawClient, sqliteFileOf, textUpdate, waitFor, type TeamClient } from './helpers/team';
import { runCliInProcess } from './helpers/cli';

const PASSWORD = 'a long enough password';
const LIMITS = { maxMessageBytes: 64 * 1024, maxDocumentBytes: 160 * 1024 };

let dataDir: string;
let server: RunningTeamServer;
const tokens: Record<string, string> = {};
const clients: TeamClient[] = [];
const logged: string[] = [];

async function start(): Promise<RunningTeamServer> {
  return startTeamServer({ dataDir, limits: LIMITS, log: (line) => logged.push(line) });
}

function open(name: string, user: string): Promise<TeamClient> {
  const client = connect(server.url, name, tokens[user] ?? '');
  clients.push(client);
  return connected(client);
}

function audit(): AuditLog {
  return new AuditLog(server.db);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'warrant-team-'));
  server = await start();
  const accounts = new Accounts(server.db);
  const roles = { ana: 'analyst', bob: 'analyst', rita: 'reviewer', reed: 'reader' } as const;
  await Promise.all(Object.entries(roles).map(([name, role]) => accounts.add(name, role, PASSWORD)));
  const answers = await Promise.all(Object.keys(roles).map(async (name) => [name, await login(server.httpUrl, name, PASSWORD)] as const));
  for (const [name, answer] of answers) {
    expect(answer.status).toBe(200);
    tokens[name] = answer.token ?? '';
  }
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('warrant team-server', () => {
  it('binds 127.0.0.1, lets two analysts converge, audits their updates and keeps the text across a restart', async () => {
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const ana = await open('briefing/converge', 'ana');
    const bob = await open('briefing/converge', 'bob');
    ana.doc.getText('body').insert(0, 'Ana wrote this. ');
    bob.doc.getText('body').insert(0, 'Bob wrote that. ');
    const both = (text: string): boolean => text.includes('Ana wrote this.') && text.includes('Bob wrote that.');
    await waitFor(() => both(ana.doc.getText('body').toString()) && both(bob.doc.getText('body').toString()), 'both texts on both sides');
    expect(ana.doc.getText('body').toString()).toBe(bob.doc.getText('body').toString());
    await waitFor(() => !ana.provider.hasUnsyncedChanges && !bob.provider.hasUnsyncedChanges, 'both acknowledged');

    const updates = await audit().query({ document: 'briefing/converge', event: 'update' });
    expect(new Set(updates.map((entry) => entry.user))).toEqual(new Set(['ana', 'bob']));
    expect(updates.every((entry) => (entry.bytes ?? 0) > 0)).toBe(true);
    expect((await audit().query({ document: 'briefing/converge', event: 'connect', user: 'ana' }))[0]?.detail).toBe('analyst, read-write');

    // Acknowledged means stored: a new server on the same folder serves the same text.
    const merged = ana.doc.getText('body').toString();
    for (const client of clients.splice(0)) client.close();
    await server.close();
    server = await start();
    const again = await open('briefing/converge', 'bob');
    expect(again.doc.getText('body').toString()).toBe(merged);
  });

  it('refuses a wrong password, an expired or revoked session, and a revoked session that was already connected', async () => {
    expect(await login(server.httpUrl, 'ana', 'not the password')).toMatchObject({ status: 401, error: 'Wrong user name or password.' });
    expect((await audit().query({ event: 'login-refused', user: 'ana' }))[0]?.detail).toBe('wrong user name or password');

    const expiring = (await login(server.httpUrl, 'bob', PASSWORD)).token ?? '';
    // The session ends as if its hours had passed.
    const expired = sqliteFileOf(server.db)
      .prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ?")
      .run(createHash('sha256').update(expiring).digest('hex'));
    expect(expired.changes).toBe(1);
    const lateBob = connect(server.url, 'briefing/sessions', expiring);
    clients.push(lateBob);
    await waitFor(() => lateBob.refusal() !== null, 'the refusal of an expired session');
    expect((await audit().query({ event: 'connect-refused', document: 'briefing/sessions' }))[0]?.detail).toBe('session expired');
    const stray = connect(server.url, 'notes/anything', tokens.ana ?? '');
    clients.push(stray);
    await waitFor(() => stray.refusal() !== null, 'the refusal of a name outside the team documents');
    expect((await audit().query({ event: 'connect-refused', document: 'notes/anything' }))[0]?.detail).toBe('not a team document name');

    const live = (await login(server.httpUrl, 'ana', PASSWORD)).token ?? '';
    const raw = await RawClient.open(server.url, 'briefing/sessions', live);
    expect(raw.replies.authenticated).toBe(true);
    const logout = await fetch(`${server.httpUrl}/logout`, { method: 'POST', headers: { authorization: `Bearer ${live}` } });
    expect(logout.status).toBe(200);
    raw.sendUpdate(textUpdate('body', 'written after logging out'));
    await waitFor(() => raw.replies.closedWith !== null, 'the connection to be closed');
    expect(raw.replies.closedWith).toBe('session revoked');
    raw.close();
    const afterLogout = connect(server.url, 'briefing/sessions', live);
    clients.push(afterLogout);
    await waitFor(() => afterLogout.refusal() !== null, 'the refusal of a revoked session');
  });

  it('drops writes from a reader and a reviewer’s text edit even from a modified client; a reviewer writes comments', async () => {
    const ana = await open('briefing/roles', 'ana');
    ana.doc.getText('body').insert(0, 'The assessment.');
    await waitFor(() => !ana.provider.hasUnsyncedChanges, 'ana’s text acknowledged');

    for (const user of ['reed', 'rita']) {
      const raw = await RawClient.open(server.url, 'briefing/roles', tokens[user] ?? '');
      raw.sendUpdate(textUpdate('body', `${user} rewrote it`));
      await waitFor(() => raw.replies.saved.length > 0, `the answer to ${user}’s write`);
      expect(raw.replies.saved).toEqual([false]);
      raw.close();
      expect((await audit().query({ user, event: 'refused', document: 'briefing/roles' }))[0]?.detail).toBe(
        'write on a read-only connection',
      );
    }
    const reader = await open('briefing/roles', 'reed');
    expect(reader.doc.getText('body').toString()).toBe('The assessment.');
    expect(ana.doc.getText('body').toString()).toBe('The assessment.');

    const reviewer = await open('comments/roles', 'rita');
    const analystView = await open('comments/roles', 'ana');
    reviewer.doc.getMap('threads').set('t1', 'Source for paragraph 2?');
    await waitFor(() => analystView.doc.getMap('threads').get('t1') === 'Source for paragraph 2?', 'the reviewer’s comment at the analyst');
  });

  it('refuses a malformed update, an oversized message and a document past its cap, and keeps serving others', async () => {
    const ana = await open('briefing/hostile-witness', 'ana');
    const bob = await open('briefing/hostile-witness', 'bob');
    const hostile = async (name: string): Promise<RawClient> => RawClient.open(server.url, name, tokens.ana ?? '');

    const malformed = await hostile('briefing/hostile-1');
    malformed.sendRaw(new Uint8Array([0, 2, 9, 1, 200, 3, 7, 7, 7, 7, 7, 7, 7]));
    await waitFor(() => malformed.replies.closedWith !== null, 'the malformed update refused');
    expect(malformed.replies.closedWith).toMatch(/^the Yjs update does not decode/);

    const oversized = await hostile('briefing/hostile-2');
    oversized.sendUpdate(textUpdate('body', 'x'.repeat(LIMITS.maxMessageBytes + 1)));
    await waitFor(() => oversized.replies.closedWith !== null, 'the oversized message refused');
    expect(oversized.replies.closedWith).toBe(`message over the ${LIMITS.maxMessageBytes}-byte cap`);

    const beyondWire = await hostile('briefing/hostile-3');
    beyondWire.sendUpdate(textUpdate('body', 'x'.repeat(LIMITS.maxMessageBytes * 3)));
    await waitFor(() => beyondWire.replies.socketClosedCode !== null, 'the socket dropped');
    expect(beyondWire.replies.socketClosedCode).toBe(1009);

    const grower = await hostile('briefing/hostile-4');
    for (let round = 0; round < 8 && grower.replies.closedWith === null; round++) {
      grower.sendUpdate(textUpdate(`part-${round}`, 'y'.repeat(40 * 1024)));
      await waitFor(() => grower.replies.saved.length > round || grower.replies.closedWith !== null, `round ${round} answered`);
    }
    expect(grower.replies.closedWith).toBe(`document would pass the ${LIMITS.maxDocumentBytes}-byte cap`);
    expect(grower.replies.saved.length).toBeLessThanOrEqual(4);

    // Before authenticating, Hocuspocus would queue messages without end.
    const flood = new WebSocket(server.url);
    const floodClosed = new Promise<number>((resolve) => flood.once('close', resolve));
    await new Promise((resolve) => flood.once('open', resolve));
    for (let i = 0; i < 100 && flood.readyState === WebSocket.OPEN; i++) flood.send(new Uint8Array([3, 120, 120, 120, 0, 0]));
    expect(await floodClosed).toBe(1008);

    for (const raw of [malformed, oversized, beyondWire, grower]) raw.close();
    const reasons = (await audit().query({ event: 'refused', user: 'ana' })).map((entry) => entry.detail);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the Yjs update does not decode/),
        `message over the ${LIMITS.maxMessageBytes}-byte cap`,
        `document would pass the ${LIMITS.maxDocumentBytes}-byte cap`,
      ]),
    );
    expect(logged.some((line) => line.includes('document would pass'))).toBe(true);
    expect((await audit().query({ event: 'refused', user: undefined })).map((entry) => entry.detail)).toContain(
      'too much sent before authenticating',
    );

    ana.doc.getText('body').insert(0, 'still served');
    await waitFor(() => bob.doc.getText('body').toString() === 'still served', 'an ordinary edit after the hostile ones');
  });

  it('manages users and reads the audit log from the command line', async () => {
    process.env.WARRANT_TEAM_PASSWORD = PASSWORD;
    try {
      const added = await runCliInProcess(['team-server', 'user', 'add', 'carol', '--role', 'reviewer', '--data', dataDir]);
      expect(added).toMatchObject({ code: 0, stdout: 'Added carol as reviewer (reads every document, writes only review comments).\n' });
      const refused = await runCliInProcess(['team-server', 'user', 'add', 'dan', '--role', 'editor', '--data', dataDir]);
      expect(refused).toMatchObject({ code: 1, stderr: 'The role must be analyst, reviewer or reader, not “editor”.\n' });
    } finally {
      delete process.env.WARRANT_TEAM_PASSWORD;
    }
    expect((await runCliInProcess(['team-server', 'user', 'role', 'carol', 'analyst', '--data', dataDir])).code).toBe(0);
    const listed = await runCliInProcess(['team-server', 'user', 'list', '--data', dataDir]);
    expect(listed.stdout).toMatch(/^carol\tanalyst\t/m);
    const trail = await runCliInProcess(['team-server', 'audit', '--user', 'ana', '--event', 'refused', '--data', dataDir]);
    expect(trail.stdout).toContain('document would pass the');
  });
});
