/**
 * Time from start to an interactive UI in the browser host: `npm run bench:startup` (and part of
 * `npm run bench`). Each run spawns `warrant web` on a workspace, loads the page in Chromium and
 * waits until the main navigation answers a click. The baseline, measured in the same run, is a
 * bare Node HTTP server spawned the same way serving one button to the same Chromium: the floor
 * that process start and page load set on this machine.
 *
 * Environment: BENCH_STARTUP_RUNS (default 10).
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Workspace } from '../db/workspace';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { recordPart } from './results-file';
import { ms, percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);

const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.setHeader('Content-Type', 'text/html'); res.end('<!doctype html><nav aria-label="Main"><button>Library</button></nav>'); });
server.listen(0, '127.0.0.1', () => console.log('listening at http://127.0.0.1:' + server.address().port + '/'));
`;

/** Spawns a server and resolves with its URL once it prints one. */
function spawnServer(args: string[], pattern: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = pattern.exec(output)?.[1];
      if (url) resolvePromise({ child, url });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

interface Timing {
  serverReadyMs: number;
  interactiveMs: number;
}

async function timeStart(browser: Browser, args: string[], pattern: RegExp): Promise<Timing> {
  const started = performance.now();
  const server = await spawnServer(args, pattern);
  const serverReadyMs = performance.now() - started;
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    // Interactive: the main navigation is there and takes a click.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click({ timeout: 30_000 });
    return { serverReadyMs, interactiveMs: performance.now() - started };
  } finally {
    await page.close();
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.once('exit', done));
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? null };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-startup-bench-'));
  const path = join(dir, 'startup.warrant');
  const ws = Workspace.open(path, { create: true });
  for (let i = 0; i < 200; i += 1)
    ws.sources.create({
      title: `Startup source ${i}`,
      kind: 'news_report',
      url: null,
      author: '',
      publisher: '',
      publishedDate: null,
      accessedDate: null,
      language: '',
      reliability: 'C',
      notes: '',
    });
  ws.close();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const app: Timing[] = [];
  const bare: Timing[] = [];
  try {
    // Alternating runs, so load on a shared machine falls on both alike; the first pair warms caches.
    for (let run = 0; run <= RUNS; run += 1) {
      const a = await timeStart(
        browser,
        [join(ROOT, 'bin/warrant.mjs'), 'web', '--workspace', path, '--port', '0', '--no-open'],
        /Warrant is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/,
      );
      const b = await timeStart(browser, ['-e', BARE_SERVER], /listening at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (run > 0) {
        app.push(a);
        bare.push(b);
      }
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = {
    runs: RUNS,
    app: { serverReadyMs: stats(app.map((t) => t.serverReadyMs)), interactiveMs: stats(app.map((t) => t.interactiveMs)) },
    baseline: { serverReadyMs: stats(bare.map((t) => t.serverReadyMs)), interactiveMs: stats(bare.map((t) => t.interactiveMs)) },
  };
  console.log(`\nStart to interactive UI, browser host (${RUNS} runs after one warm-up; Chromium already running)\n`);
  console.log('| | server ready p50 | p95 | interactive p50 | p95 |');
  console.log('|---|---|---|---|---|');
  for (const [label, t] of [
    ['warrant web + app', figures.app],
    ['bare Node server + one button (baseline)', figures.baseline],
  ] as const) {
    console.log(
      `| ${label} | ${ms(t.serverReadyMs.p50)} | ${ms(t.serverReadyMs.p95)} | ${ms(t.interactiveMs.p50)} | ${ms(t.interactiveMs.p95)} |`,
    );
  }
  recordPart('startup', 'npm run bench:startup', figures);
}

await main();
