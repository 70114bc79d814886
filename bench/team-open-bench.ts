/**
 * Opening a team briefing of 5,000 words: `npm run bench:team-open` (needs `npm run build`).
 *
 * A real team server and two browser hosts in this process: Ana shares a 5,000-word briefing;
 * Bea's workspace is new and joins. Measured:
 * - arrival: from Bea's join to her briefing row holding the whole shared body (record projected,
 *   body document fetched and projected into the row);
 * - projection: the body built from its `briefing/<id>` document in a fresh headless editor, as
 *   the host does (`projectBriefing`), alone;
 * - open: in Chromium, from the click in Bea's Briefings list to the editor showing the body's last
 *   words, the team briefing (bound through the host's relay) against a solo briefing of the same
 *   text in the same workspace, alternating, ROUNDS times each (the first of each is reported apart:
 *   the page's first open of the team briefing also loads the editor; a second page opens the solo
 *   one first, so its first team open shows what co-writing adds to a cold open).
 * Environment: BENCH_ROUNDS (default 10), BENCH_WORDS (default 5,000).
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { Accounts } from '../main/team/accounts';
import { startTeamServer } from '../main/team/team-server';
import { runBrowserHost, type RunningBrowserHost } from '../main/web-host/browser-host';
import { countSerialized, type SerializedCountNode } from '../src/briefing/word-count';
import type { WireResult } from '../src/contract/errors';
import { projectBriefing, seedBriefingBody } from '../src/team/briefing-body';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { recordPart } from './results-file';
import { ms, percentile, timeSync } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WORDS = Number(process.env.BENCH_WORDS ?? 5_000);
const PASSWORD = 'a long enough password';
const MARKER = 'zenithmarker';
const RENDERER_DIR = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'renderer');
const VOCABULARY = 'the fleet sailed north while ministers met and analysts assessed the likely response of partners in the region'.split(
  ' ',
);

const TEXT = { detail: 0, format: 0, mode: 'normal', style: '', version: 1 };
const BLOCK = { format: '', indent: 0, version: 1, direction: null, textFormat: 0, textStyle: '' };

/** Four sections of 60-word paragraphs; the last paragraph ends with the marker the bench waits for. */
function longBody(words: number): { body: string; bodyText: string; wordCount: number } {
  const paragraphs: string[] = [];
  for (let written = 0, n = 0; written < words; written += 60) {
    const line = Array.from({ length: Math.min(60, words - written) }, () => VOCABULARY[(n += 7) % VOCABULARY.length]).join(' ');
    paragraphs.push(`${line}.`);
  }
  paragraphs[paragraphs.length - 1] += ` ${MARKER}`;
  const per = Math.ceil(paragraphs.length / 4);
  const sections = ['Summary', 'Background', 'Assessment', 'Key Judgements'].map((heading, index) => ({
    type: 'section',
    sectionId: `s${index + 1}`,
    role: 'body',
    cap: null,
    ...BLOCK,
    children: [
      { type: 'heading', tag: 'h2', ...BLOCK, children: [{ type: 'text', text: heading, ...TEXT }] },
      ...paragraphs
        .slice(index * per, (index + 1) * per)
        .map((text) => ({ type: 'paragraph', ...BLOCK, children: [{ type: 'text', text, ...TEXT }] })),
    ],
  }));
  const root = { type: 'root', ...BLOCK, children: sections };
  return { body: JSON.stringify({ root }), bodyText: paragraphs.join('\n'), wordCount: countSerialized(root as SerializedCountNode).total };
}

async function call<T>(host: RunningBrowserHost, name: string, input: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'X-Warrant-Token': host.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as WireResult;
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value as T;
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the shared briefing.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** From the Briefings list, opens `title` and waits until the editor shows the body's last words. */
async function timeOpen(page: Page, title: string): Promise<number> {
  await page.evaluate('window.location.hash = "#/briefings"');
  const listed = page.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: title });
  await listed.waitFor();
  await page.locator('[contenteditable="true"]').waitFor({ state: 'detached' });
  const start = Date.now();
  await listed.click();
  // Checked every frame in the page: a locator's wait polls at growing intervals (up to half a
  // second), which added up to ~400 ms to an open that finished just after one of its polls.
  await page.waitForFunction(
    (marker) => {
      const page = globalThis as unknown as { document: { querySelector(selector: string): { textContent: string | null } | null } };
      return page.document.querySelector('[contenteditable="true"][aria-label="Briefing text"]')?.textContent?.includes(marker) === true;
    },
    MARKER,
    { polling: 'raf', timeout: 60_000 },
  );
  return Date.now() - start;
}

function summary(samples: readonly number[]): { n: number; p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

async function main(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Run `npm run build` first: the bench opens the built renderer.');
  const dir = mkdtempSync(join(tmpdir(), 'warrant-team-open-'));
  const loadBefore = loadavg()[0] ?? 0;
  const server = await startTeamServer({ dataDir: join(dir, 'team'), log: () => undefined });
  const accounts = new Accounts(server.db);
  await accounts.add('ana', 'analyst', PASSWORD);
  await accounts.add('bea', 'analyst', PASSWORD);
  const hosts: RunningBrowserHost[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const start = (name: string) =>
      runBrowserHost({ workspacePath: join(dir, `${name}.warrant`), rendererDir: RENDERER_DIR, port: 0, create: true });
    const [ana, bea] = await Promise.all([start('ana'), start('bea')]);
    hosts.push(ana, bea);
    const body = longBody(WORDS);
    const write = async (host: RunningBrowserHost, title: string): Promise<string> => {
      const created = await call<{ id: string; version: number }>(host, 'briefings.create', { title, typeId: 'in-depth' });
      await call(host, 'briefings.saveBody', { id: created.id, ...body, baseVersion: created.version });
      return created.id;
    };
    const teamId = await write(ana, 'Shared, five thousand words');
    await write(bea, 'Solo, five thousand words');
    await call(ana, 'team.join', { serverUrl: server.httpUrl, user: 'ana', password: PASSWORD });
    await call(ana, 'briefings.share', { id: teamId });

    const joined = Date.now();
    await call(bea, 'team.join', { serverUrl: server.httpUrl, user: 'bea', password: PASSWORD });
    await until(async () => {
      const listed = await call<{ items: { id: string }[] }>(bea, 'briefings.list', {});
      if (!listed.items.some((item) => item.id === teamId)) return false;
      return (await call<{ bodyText: string }>(bea, 'briefings.get', { id: teamId })).bodyText.includes(MARKER);
    });
    const arrivalMs = Date.now() - joined;

    const doc = new Y.Doc();
    seedBriefingBody(doc, body.body);
    const projection = summary(Array.from({ length: ROUNDS }, () => timeSync(() => projectBriefing(doc))));

    const page = await (await browser.newContext()).newPage();
    await page.goto(bea.url);
    await page.getByRole('status', { name: 'Save state', exact: true }).waitFor();
    const team: number[] = [];
    const solo: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternating which goes first, so neither always opens on a warmer page.
      if (round % 2 === 0) {
        team.push(await timeOpen(page, 'Shared, five thousand words'));
        solo.push(await timeOpen(page, 'Solo, five thousand words'));
      } else {
        solo.push(await timeOpen(page, 'Solo, five thousand words'));
        team.push(await timeOpen(page, 'Shared, five thousand words'));
      }
    }
    // A second page opens a solo briefing first: the team briefing's first open there pays for the
    // co-writing code and the relay's socket, not for the editor's.
    const second = await (await browser.newContext()).newPage();
    await second.goto(bea.url);
    await second.getByRole('status', { name: 'Save state', exact: true }).waitFor();
    const soloOnSecond = await timeOpen(second, 'Solo, five thousand words');
    const teamAfterEditor = await timeOpen(second, 'Shared, five thousand words');
    const figures = {
      words: body.wordCount,
      rounds: ROUNDS,
      loadAtStart: loadBefore.toFixed(1),
      loadAtEnd: (loadavg()[0] ?? 0).toFixed(1),
      arrivalMs,
      projectionMs: projection,
      openTeamFirstMs: team[0],
      openTeamMs: summary(team.slice(1)),
      openSoloFirstMs: solo[0],
      openSoloMs: summary(solo.slice(1)),
      secondPage: { soloFirstMs: soloOnSecond, teamFirstAfterEditorMs: teamAfterEditor },
    };
    const line = (label: string, s: { p50: number; p95: number; max: number }): string =>
      `${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`;
    process.stdout.write(
      [
        `${body.wordCount} words, ${ROUNDS} rounds, load ${figures.loadAtStart} → ${figures.loadAtEnd}`,
        `arrival in a fresh workspace (join → row holds the body): ${ms(arrivalMs)}`,
        line('body projected from its document (headless editor)', projection),
        `open, team briefing through the relay: first ${ms(team[0] ?? Number.NaN)}; ${line('then', figures.openTeamMs)}`,
        `open, solo briefing (same text, same page): first ${ms(solo[0] ?? Number.NaN)}; ${line('then', figures.openSoloMs)}`,
        `a fresh page: solo first ${ms(soloOnSecond)}, then the team briefing's first open ${ms(teamAfterEditor)}`,
        '',
      ].join('\n'),
    );
    recordPart('team-open', 'npm run bench:team-open', figures);
  } finally {
    await browser.close();
    for (const host of hosts) await host.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
