/**
 * Where the page's start goes: `npx tsx bench/startup-profile.ts [loads]`. Starts the built
 * `warrant web` on a workspace of 200 sources, loads the page in Chromium with the DevTools
 * protocol's CPU profiler on, clicks the Library as the startup bench does, and prints (a) the
 * page's own timeline (script fetched, DOMContentLoaded, the button appearing, the click
 * arriving, the first row) and (b) the script CPU per package or source folder, source-mapped
 * through the build's maps. Medians over the loads. Not part of any test; a tool for the next cut.
 */
import { chromium } from '@playwright/test';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Workspace } from '../db/workspace';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const LOADS = Number(process.argv[2] ?? 6);
const APP_READY = /Warrant is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Marks the page's own moments against its time origin, set before any of its scripts runs.
const MARKS_SCRIPT = `
window.__marks = {};
const mark = (name) => { if (!(name in window.__marks)) window.__marks[name] = performance.now(); };
new MutationObserver(() => {
  if (document.querySelector('nav[aria-label="Main"] button')) mark('button');
  if (document.querySelector('[role="row"], [role="option"], li')) mark('anyRow');
  if ([...document.querySelectorAll('*')].some((e) => e.childElementCount === 0 && /^Startup source \\d+$/.test(e.textContent || ''))) mark('firstRow');
}).observe(document, { subtree: true, childList: true });
document.addEventListener('pointerdown', () => mark('pointerdown'), true);
document.addEventListener('click', () => mark('click'), true);
window.addEventListener('hashchange', () => mark('hashchange'));
document.addEventListener('DOMContentLoaded', () => mark('domContentLoaded'));
new PerformanceObserver((list) => { for (const e of list.getEntries()) mark(e.name); }).observe({ type: 'paint', buffered: true });
window.__tasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
`;

const maps = new Map<string, TraceMap | null>();
function mapFor(url: string): TraceMap | null {
  if (!maps.has(url)) {
    const file = join(ROOT, 'dist/renderer/assets', url.split('/assets/')[1] ?? '');
    try {
      maps.set(url, new TraceMap(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      maps.set(url, null);
    }
  }
  return maps.get(url) ?? null;
}

/** A package name under node_modules, the repo folder two deep, or the profiler's own bucket. */
function bucketOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName ? `(${frame.functionName.replace(/[()]/g, '')})` : '(native)';
  const map = frame.url.includes('/assets/') ? mapFor(frame.url) : null;
  if (!map) return frame.url.split('/').pop() ?? frame.url;
  const source = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }).source ?? '?';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (process.env.PROFILE_FUNCTIONS && !modules) {
    const position = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
    return `${source.replace(/^(\.\.\/)*/, '')}:${position.line} ${position.name ?? frame.functionName}${position.line === null ? ` @${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber} ${frame.functionName}` : ''}`;
  }
  if (modules) return modules[1] ?? source;
  const local = /(?:\.\.\/)*((?:src|renderer)\/[^/]+(?:\/[^/]+)?)/.exec(source);
  return local?.[1] ?? source;
}

/** What ran in each 10 ms of one load, from the profile's sample times (for PROFILE_DETAIL=1). */
function printSlices(profile: Profile, byId: Map<number, ProfileNode>, pageMarks: Record<string, number>): void {
  // The profile's clock is not the page's; the first sample in the main script lines the two up roughly.
  let time = profile.startTime / 1000;
  const slices = new Map<number, Record<string, number>>();
  profile.samples.forEach((id, index) => {
    time += (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const bucket = bucketOf(node.callFrame);
    if (bucket === '(idle)') return;
    const slice = Math.floor((time - profile.startTime / 1000) / 10) * 10;
    const entry = slices.get(slice) ?? {};
    entry[bucket] = (entry[bucket] ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000;
    slices.set(slice, entry);
  });
  for (const [slice, entry] of [...slices.entries()].sort((a, b) => a[0] - b[0]))
    console.log(
      `${String(slice).padStart(5)} ` +
        Object.entries(entry)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([bucket, value]) => `${bucket} ${value.toFixed(0)}`)
          .join(', '),
    );
  console.log(JSON.stringify(pageMarks));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-startup-profile-'));
  const workspacePath = join(dir, 'profile.warrant');
  const ws = Workspace.open(workspacePath, { create: true });
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
  const marks: Record<string, number[]> = {};
  const buckets: Record<string, number[]> = {};
  try {
    for (let load = 0; load <= LOADS; load += 1) {
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli.mjs'), 'web', '--workspace', workspacePath, '--port', '0', '--no-open'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const url = await new Promise<string>((done, fail) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = APP_READY.exec(output)?.[1];
          if (found) done(found);
        });
        child.once('exit', () => fail(new Error(output)));
      });
      const page = await browser.newPage();
      await page.addInitScript(MARKS_SCRIPT);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(url);
      const library = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' });
      await library.click();
      await page.waitForFunction("location.hash === '#/library'");
      await library.and(page.locator('[aria-current="page"]')).waitFor();
      await page
        .getByText(/^Startup source \d+$/)
        .first()
        .waitFor();
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      // Strings, not functions: the bench's type-check has no DOM library.
      const detail: unknown = await page.evaluate(`({
        tasks: window.__tasks,
        calls: performance.getEntriesByType('resource').map((e) => e.name.replace(/^.*\\//, '').slice(0, 30) + ' ' + Math.round(e.startTime) + '→' + Math.round(e.responseEnd)),
      })`);
      if (process.env.PROFILE_DETAIL) console.log(JSON.stringify(detail));
      const pageMarks: Record<string, number> = await page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const script = performance.getEntriesByType('resource').find((e) => /index-.*\\.js$/.test(e.name));
        return { ...window.__marks, htmlResponseEnd: nav.responseEnd, scriptResponseEnd: script ? script.responseEnd : NaN, loadEvent: nav.loadEventStart };
      })()`);
      await page.close();
      child.kill('SIGTERM');
      if (load === 0) continue;
      for (const [name, value] of Object.entries(pageMarks)) (marks[name] ??= []).push(value);
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const perLoad: Record<string, number> = {};
      profile.samples.forEach((id, index) => {
        const node = byId.get(id);
        if (!node) return;
        const bucket = bucketOf(node.callFrame);
        perLoad[bucket] = (perLoad[bucket] ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000;
      });
      for (const [bucket, value] of Object.entries(perLoad)) (buckets[bucket] ??= []).push(value);
      if (process.env.PROFILE_DETAIL) printSlices(profile, byId, pageMarks);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nPage timeline, ms from navigation start (median of ${LOADS} loads)`);
  for (const [name, values] of Object.entries(marks).sort((a, b) => median(a[1]) - median(b[1])))
    console.log(`  ${name.padEnd(24)} ${median(values).toFixed(0)}`);
  console.log(`\nCPU by package or folder, ms per load (mean of ${LOADS}; idle left out)`);
  const rows = Object.entries(buckets)
    .map(([bucket, values]) => [bucket, values.reduce((a, b) => a + b, 0) / LOADS] as const)
    .filter(([bucket]) => bucket !== '(idle)')
    .sort((a, b) => b[1] - a[1]);
  let total = 0;
  for (const [, value] of rows) total += value;
  for (const [bucket, value] of rows.slice(0, 30)) console.log(`  ${bucket.padEnd(40)} ${value.toFixed(1)}`);
  console.log(`  ${'all but idle'.padEnd(40)} ${total.toFixed(1)}`);
}

await main();
