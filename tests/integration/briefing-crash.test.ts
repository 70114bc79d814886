import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../db/workspace';
import { seededRandom } from '../crash/seed';
import { seedForFile } from './helpers/seed';
import { TempDirs } from './helpers/temp-workspace';

const CLI = fileURLToPath(new URL('../../bin/warrant.mjs', import.meta.url));
const READY = /Warrant is running at (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/;
/** Host kills in `npm test`; `npm run soak` runs 20. */
const KILLS = Number(process.env.WARRANT_HOST_KILLS ?? 5);
const seed = seedForFile(import.meta.url);

const temp = new TempDirs();
afterAll(() => temp.cleanup());

/** The browser host as its own process, as a user runs it; resolves once it serves. */
function startHost(workspace: string): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(process.execPath, [CLI, 'web', '--workspace', workspace, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ child, origin: match[1], token: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before it was ready:\n${output}`)));
  });
}

async function call<T>(host: { origin: string; token: string }, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Warrant-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message ?? 'call failed');
  return body.value as T;
}

function bodyOf(text: string): { body: string; bodyText: string; wordCount: number } {
  const paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
    format: '',
    indent: 0,
    version: 1,
    direction: null,
    textFormat: 0,
    textStyle: '',
  };
  return {
    body: JSON.stringify({ root: { type: 'root', children: [paragraph], format: '', indent: 0, version: 1, direction: null } }),
    bodyText: `${text}\n`,
    wordCount: text.split(' ').length,
  };
}

describe('the host killed with SIGKILL while a briefing is being saved', () => {
  it(`keeps every acknowledged save and a sound file, ${KILLS} times over`, async () => {
    const path = join(temp.make(), 'crash.warrant');
    const setup = Workspace.open(path, { create: true });
    const briefingId = setup.briefings.create({ title: 'Crash test', typeId: 'briefing', author: '', marking: '', date: null }).id;
    setup.close();

    let acknowledged = 0;
    let typed = 0;
    const random = seededRandom(seed);
    for (let round = 0; round < KILLS; round += 1) {
      const host = await startHost(path);
      const exited = new Promise((resolve) => host.child.once('exit', resolve));
      // The kill lands after a random number of acknowledged saves, a few milliseconds into the next.
      const killAfter = 1 + Math.floor(random() * 40);
      let savedThisRound = 0;
      // Keystroke-sized saves, back to back, as autosave sends them while someone types; each
      // names the version it started from, as the editor does (a save in flight at the last kill
      // may have landed unacknowledged, so the round starts from the stored one).
      let version = (await call<{ version: number }>(host, 'briefings.get', { id: briefingId })).version;
      const typing = (async () => {
        for (;;) {
          typed += 1;
          const text = `keystroke ${typed} ${'word '.repeat(typed % 50)}`.trim();
          const saving = call<{ version: number }>(host, 'briefings.saveBody', { id: briefingId, ...bodyOf(text), baseVersion: version });
          if (savedThisRound === killAfter) setTimeout(() => host.child.kill('SIGKILL'), Math.floor(random() * 4));
          try {
            version = (await saving).version;
            acknowledged = typed;
          } catch {
            return;
          }
          savedThisRound += 1;
        }
      })();
      await Promise.all([typing, exited]);

      const db = new Database(path, { readonly: false });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT body_text FROM briefings WHERE id = ?').get(briefingId) as { body_text: string };
      db.close();
      const saved = Number(/keystroke (\d+)/.exec(row.body_text)?.[1] ?? 0);
      // What the host acknowledged is there; at most the one save in flight at the kill went further.
      expect(saved).toBeGreaterThanOrEqual(acknowledged);
      expect(saved).toBeLessThanOrEqual(typed);
    }
    expect(acknowledged).toBeGreaterThanOrEqual(KILLS);

    const reopened = Workspace.open(path);
    expect(Number(/keystroke (\d+)/.exec(reopened.briefings.get(briefingId).bodyText)?.[1])).toBeGreaterThanOrEqual(acknowledged);
    reopened.close();
  }, 240_000);
});
