/**
 * Time from start to an interactive UI in the browser host: `npm run bench:startup` (and part of
 * `npm run bench`). Each run spawns `warrant web` on a workspace, loads the page in Chromium and
 * waits until the main navigation answers a click (the Library button takes it, and the address
 * and the button's current state change). The baseline, measured in the same run, is a
 * bare Node HTTP server spawned the same way serving one button to the same Chromium: the floor
 * that process start and page load set on this machine.
 *
 * A third row restarts the host on one port (as `warrant web` does by default) for a browser that
 * keeps its cache between runs, as an analyst's does: the page's hashed assets come from the
 * cache, with the code Chromium compiled for them before. The first two rows are a first start.
 *
 * Two rungs between the bare page and the app say where the gap comes from: the bare page sent with
 * the browser host's security headers, and React DOM rendering the same button behind those headers
 * (bench/pages/startup-floor.tsx, bundled here with esbuild). What the app costs beyond the React
 * floor is its own code, data and host.
 *
 * Also measured: when the library shows its first source (the data, not only the shell), and the
 * CPU time the server process used up to printing its address (from /proc, summed over its
 * threads: less sensitive than wall time to other work on a shared machine).
 *
 * Environment: BENCH_STARTUP_RUNS (default 10); BENCH_STARTUP_BEFORE, the roots of other
 * checkouts with their own builds (older commits, or variants), comma-separated, started in the
 * same rounds so the builds are compared under the same load.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Workspace } from '../db/workspace';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { freePort } from '../tests/integration/helpers/free-port';
import { SECURITY_HEADERS } from '../main/security-headers';
import { build } from 'esbuild';
import { countBrowserCpu, cpuMs, launchedBrowserPid, type CpuByPart } from './process-cpu';
import { recordPart } from './results-file';
import { ms, percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);
const BEFORE_ROOTS = (process.env.BENCH_STARTUP_BEFORE ?? '')
  .split(',')
  .filter(Boolean)
  .map((root) => resolve(root));
const APP_READY = /Warrant is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/;

// The bare page's button answers a click as the app's does (the address names the view and the
// button says it is current), so both pass the same check of "interactive".
const BARE_PAGE = `<!doctype html><nav aria-label="Main"><button onclick="location.hash='#/library';this.setAttribute('aria-current','page')">Library</button></nav>`;
// The React floor's page: the same button rendered by React DOM from a module script (bench/pages/startup-floor.tsx).
const FLOOR_PAGE = `<!doctype html><html><head><script type="module" src="/floor.js"></script></head><body><div id="root"></div></body></html>`;

/**
 * A bare Node server serving one page (and, for the React floor, its script), optionally with the
 * browser host's security headers. Spawned as `node -e`, like the app's host, so both pay for a
 * process start.
 */
function bareServer(options: { page: string; headers?: Readonly<Record<string, string>>; script?: string }): string {
  return `
const http = require('node:http');
const headers = ${JSON.stringify(options.headers ?? {})};
const script = ${options.script ? `require('node:fs').readFileSync(${JSON.stringify(options.script)})` : 'null'};
const server = http.createServer((req, res) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (script && req.url === '/floor.js') { res.setHeader('Content-Type', 'text/javascript'); res.end(script); return; }
  res.setHeader('Content-Type', 'text/html');
  res.end(${JSON.stringify(options.page)});
});
server.listen(0, '127.0.0.1', () => console.log('listening at http://127.0.0.1:' + server.address().port + '/'));
`;
}
// The bare page's inline click handler is what a Content-Security-Policy refuses; the other headers apply.
const HEADERS_BUT_CSP = Object.fromEntries(Object.entries(SECURITY_HEADERS).filter(([name]) => name !== 'Content-Security-Policy'));
const BARE_READY = /listening at (http:\/\/127\.0\.0\.1:\d+\/)/;

/** Spawns a server and resolves with its URL once it prints one. */
function spawnServer(args: string[], pattern: RegExp): Promise<{ child: ChildProcess; url: string; cpuMs: number | null }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = pattern.exec(output)?.[1];
      if (url) resolvePromise({ child, url, cpuMs: cpuMs(child.pid) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

interface Timing {
  serverReadyMs: number;
  interactiveMs: number;
  /** The first source row on screen (the app only; the bare page has no data). */
  libraryMs: number | null;
  serverCpuMs: number | null;
  /** CPU each process spent from the server's spawn to interactive: the server, and the browser's parts. */
  cpuToInteractive: (CpuByPart & { server: number }) | null;
}

async function timeStart(
  openPage: () => Promise<Page>,
  args: string[],
  pattern: RegExp,
  withLibrary: boolean,
  browserPid: number | null,
): Promise<Timing> {
  const browserCpu = countBrowserCpu(browserPid);
  const started = performance.now();
  const server = await spawnServer(args, pattern);
  const serverReadyMs = performance.now() - started;
  const page = await openPage();
  try {
    await page.goto(server.url);
    // Interactive: the main navigation is there, takes a click, and the page answers it (the
    // address names the library and the button says it is current), which a button painted
    // before the script runs could not do.
    const library = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' });
    await library.click({ timeout: 30_000 });
    await page.waitForFunction("location.hash === '#/library'", undefined, { timeout: 30_000 });
    await library.and(page.locator('[aria-current="page"]')).waitFor({ timeout: 30_000 });
    const interactiveMs = performance.now() - started;
    const reading = performance.now();
    const browserUsed = browserCpu();
    const serverUsed = cpuMs(server.child.pid);
    const cpuToInteractive = browserUsed && serverUsed !== null ? { ...browserUsed, server: serverUsed } : null;
    // Reading /proc takes the bench a few milliseconds the page does not: left out of the library's time.
    const readingMs = performance.now() - reading;
    if (withLibrary)
      await page
        .getByText(/^Startup source \d+$/)
        .first()
        .waitFor({ timeout: 30_000 });
    return {
      serverReadyMs,
      interactiveMs,
      libraryMs: withLibrary ? performance.now() - started - readingMs : null,
      serverCpuMs: server.cpuMs,
      cpuToInteractive,
    };
  } finally {
    await page.close();
    server.child.kill('SIGTERM');
    await new Promise((done) => server.child.once('exit', done));
  }
}

const PROCESSES = ['server', 'browser', 'renderer', 'gpu', 'network', 'other'] as const;

/** The median CPU per start of each process, and of all of them; null where /proc could not be read. */
function cpuByProcess(timings: Timing[]): Record<(typeof PROCESSES)[number] | 'all', number> | null {
  const readings = timings.flatMap((timing) => (timing.cpuToInteractive ? [timing.cpuToInteractive] : []));
  if (readings.length === 0) return null;
  const median = (values: number[]): number =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  const all = median(readings.map((reading) => PROCESSES.reduce((sum, part) => sum + reading[part], 0)));
  return { ...Object.fromEntries(PROCESSES.map((part) => [part, median(readings.map((reading) => reading[part]))])), all } as Record<
    (typeof PROCESSES)[number] | 'all',
    number
  >;
}

function stats(samples: (number | null)[]) {
  return summary(samples.filter((value): value is number => value !== null));
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? null };
}

/** 200 sources, so the library has a page to render. */
async function seedWorkspace(root: string, path: string): Promise<void> {
  const { Workspace: WorkspaceOfBuild } = (await import(pathToFileURL(join(root, 'db/workspace.ts')).href)) as {
    Workspace: typeof Workspace;
  };
  const ws = WorkspaceOfBuild.open(path, { create: true });
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
}

/** Bundles the React floor's page (production React DOM, minified) into `dir`; returns the file. */
async function buildReactFloor(dir: string): Promise<string> {
  const outfile = join(dir, 'floor.js');
  await build({
    entryPoints: [join(ROOT, 'bench/pages/startup-floor.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-startup-bench-'));
  const builds = [
    { label: 'warrant web + app', root: ROOT, workspace: join(dir, 'startup.warrant') },
    ...BEFORE_ROOTS.map((root, index) => ({ label: `before (${root})`, root, workspace: join(dir, `startup-before-${index}.warrant`) })),
  ];
  // Each build gets a workspace made by its own code: an older build refuses a newer one's file.
  for (const build of builds) await seedWorkspace(build.root, build.workspace);
  const floorScript = await buildReactFloor(dir);
  // Two rungs between the bare page and the app, each alternating with the rest: the bare page with
  // the host's security headers (its Cross-Origin-Opener-Policy puts the page in a new browsing
  // context group, hence a renderer process of its own), then React DOM rendering the same button.
  const ladder = [
    { label: 'bare + the host’s security headers', server: bareServer({ page: BARE_PAGE, headers: HEADERS_BUT_CSP }) },
    {
      label: 'React floor: React DOM renders the button, with the headers',
      server: bareServer({ page: FLOOR_PAGE, headers: SECURITY_HEADERS, script: floorScript }),
    },
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const browserPid = launchedBrowserPid();
  // A restart as analysts have it: the workspace's usual port (warrant web reuses it) and a browser
  // that has shown Warrant before, so its cache holds the build's assets and their compiled code.
  const usualPort = await freePort();
  const returningBrowser = await browser.newContext();
  const warmLabel = `${builds[0]?.label ?? ''}, restarted on its port (browser cache warm)`;
  const samples = new Map<string, Timing[]>([
    ...builds.map((build) => [build.label, []] as [string, Timing[]]),
    [warmLabel, []],
    ...ladder.map((rung) => [rung.label, []] as [string, Timing[]]),
    ['bare', []],
  ]);
  const loadAtStart = loadavg()[0] ?? 0;
  const freshPage = (): Promise<Page> => browser.newPage();
  try {
    // Alternating runs, so load on a shared machine falls on all alike; the first round warms caches.
    for (let run = 0; run <= RUNS; run += 1) {
      for (const build of builds) {
        const timing = await timeStart(
          freshPage,
          [join(build.root, 'bin/warrant.mjs'), 'web', '--workspace', build.workspace, '--port', '0', '--no-open'],
          APP_READY,
          true,
          browserPid,
        );
        if (run > 0) samples.get(build.label)?.push(timing);
      }
      const warm = await timeStart(
        () => returningBrowser.newPage(),
        [join(ROOT, 'bin/warrant.mjs'), 'web', '--workspace', builds[0]?.workspace ?? '', '--port', String(usualPort), '--no-open'],
        APP_READY,
        true,
        browserPid,
      );
      if (run > 0) samples.get(warmLabel)?.push(warm);
      for (const rung of ladder) {
        const timing = await timeStart(freshPage, ['-e', rung.server], BARE_READY, false, browserPid);
        if (run > 0) samples.get(rung.label)?.push(timing);
      }
      const bare = await timeStart(freshPage, ['-e', bareServer({ page: BARE_PAGE })], BARE_READY, false, browserPid);
      if (run > 0) samples.get('bare')?.push(bare);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const load = { start: loadAtStart, end: loadavg()[0] ?? 0 };
  const describe = (timings: Timing[]) => ({
    serverReadyMs: stats(timings.map((t) => t.serverReadyMs)),
    interactiveMs: stats(timings.map((t) => t.interactiveMs)),
    libraryMs: stats(timings.map((t) => t.libraryMs)),
    serverCpuMs: stats(timings.map((t) => t.serverCpuMs)),
    cpuToInteractiveMs: cpuByProcess(timings),
  });
  const bare = describe(samples.get('bare') ?? []);
  const figures = {
    runs: RUNS,
    load,
    app: describe(samples.get(builds[0]?.label ?? '') ?? []),
    restartWarm: describe(samples.get(warmLabel) ?? []),
    ...(BEFORE_ROOTS.length > 0
      ? { before: builds.slice(1).map((build) => ({ root: build.root, ...describe(samples.get(build.label) ?? []) })) }
      : {}),
    bareWithHeaders: describe(samples.get(ladder[0]?.label ?? '') ?? []),
    reactFloor: describe(samples.get(ladder[1]?.label ?? '') ?? []),
    baseline: bare,
  };
  console.log(
    `\nStart to interactive UI, browser host (${RUNS} runs after one warm-up; Chromium already running; load ${load.start.toFixed(1)} → ${load.end.toFixed(1)})\n`,
  );
  console.log(
    '| | server ready p50 / p95 | server CPU to ready p50 | interactive p50 / p95 | library shown p50 / p95 | interactive ÷ bare (p50) |',
  );
  console.log('|---|---|---|---|---|---|');
  const rows = [
    ...builds.map((build) => [build.label, describe(samples.get(build.label) ?? [])] as const),
    [warmLabel, describe(samples.get(warmLabel) ?? [])] as const,
    ...ladder.map((rung) => [rung.label, describe(samples.get(rung.label) ?? [])] as const),
    ['bare Node server + one button (baseline)', bare] as const,
  ];
  for (const [label, t] of rows) {
    console.log(
      `| ${label} | ${ms(t.serverReadyMs.p50)} / ${ms(t.serverReadyMs.p95)} | ${ms(t.serverCpuMs.p50)} | ${ms(t.interactiveMs.p50)} / ${ms(t.interactiveMs.p95)} | ${ms(t.libraryMs.p50)} / ${ms(t.libraryMs.p95)} | ${(t.interactiveMs.p50 / bare.interactiveMs.p50).toFixed(2)}× |`,
    );
  }
  // Both cores are busy for the whole start, so wall time follows the CPU all processes spend.
  console.log('\nCPU to interactive by process, ms per start (p50 of each; all = p50 of the sums)\n');
  console.log(`| | ${PROCESSES.join(' | ')} | all |`);
  console.log(`|---|${PROCESSES.map(() => '---|').join('')}---|`);
  for (const [label, t] of rows) {
    const cpu = t.cpuToInteractiveMs;
    console.log(`| ${label} | ${cpu ? [...PROCESSES, 'all' as const].map((part) => ms(cpu[part])).join(' | ') : 'not readable here'} |`);
  }
  recordPart('startup', 'npm run bench:startup', figures);
}

await main();
