/**
 * `npm run bench:ach-scroll`: the ACH ratings grid at 50 hypotheses × 500 items in the real app in
 * Chromium: frame times while it scrolls (down, and diagonally), and a rating key's time until the
 * new rating and scores are painted; against a plain HTML table of the same 25,000 cells scrolled
 * the same way in the same browser, rounds alternating so the load of a shared machine falls on both.
 *
 * Frames: Chromium runs without vsync or a frame-rate limit, so the time between two animation
 * frames is what a frame costs (60 fps is 16.7 ms). Each frame moves the scroll position by a fixed
 * step, bouncing at the ends. Needs a build (`npm run build`).
 *
 * Environment: BENCH_FRAMES (frames per scroll run, default 600), BENCH_ROUNDS (default 3),
 * BENCH_KEYS (rating keys per round, default 40).
 */
import { chromium, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Workspace } from '../db/workspace';
import { ACH_RATINGS } from '../src/analysis/ach';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium';
import { Rng } from './prng';
import { describeMachine, loadAverage, recordPart } from './results-file';
import { ms, summarise, table, type Summary } from './stats';
import { startHost, stopHost } from './web-host';

const HYPOTHESES = 50;
const ITEMS = 500;
const FRAMES = Number(process.env.BENCH_FRAMES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BROWSER_ARGS = [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'];
const GRID_SELECTOR = '[role="grid"]';

/** A workspace with one 50 × 500 matrix, about 70% of its cells rated (seeded). */
function seedWorkspace(path: string): string {
  const ws = Workspace.open(path, { create: true });
  const hypotheses = Array.from({ length: HYPOTHESES }, (_, h) => `Hypothesis ${h + 1}: one explanation among the ${HYPOTHESES}`);
  const matrix = ws.ach.create('Bench matrix', 'Which explanation holds?', null, hypotheses);
  for (let i = 0; i < ITEMS; i += 1)
    ws.ach.addItem(matrix.id, {
      kind: 'argument',
      targetId: null,
      text: `Evidence item ${i + 1}, a line of reporting`,
      relevance: 'medium',
    });
  const full = ws.ach.get(matrix.id);
  ws.close();
  // 17,500 ratings in one transaction: the repository's one-cell writes would take a commit each.
  const rng = new Rng(20261205);
  const db = new Database(path);
  const insert = db.prepare('INSERT INTO ach_ratings (item_id, hypothesis_id, rating) VALUES (?, ?, ?)');
  const stored = ACH_RATINGS.filter((rating) => rating !== 'N');
  db.transaction(() => {
    for (const item of full.items)
      for (const hypothesis of full.hypotheses)
        if (rng.chance(0.7)) insert.run(item.id, hypothesis.id, stored[rng.int(0, stored.length - 1)] as string);
  })();
  db.close();
  return matrix.id;
}

/** Page-side: scrolls the element `steps` frames by (dx, dy) each, bouncing at the ends; returns the frame times. */
const SCROLL_AND_TIME = `async ([selector, steps, dx, dy]) => {
  const box = document.querySelector(selector);
  box.scrollTop = 0;
  box.scrollLeft = 0;
  await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
  const frames = [];
  let last = performance.now();
  let x = dx;
  let y = dy;
  return new Promise((done) => {
    const frame = (now) => {
      frames.push(now - last);
      last = now;
      if (frames.length > steps) return done(frames.slice(1));
      if (box.scrollTop + box.clientHeight + y > box.scrollHeight || box.scrollTop + y < 0) y = -y;
      if (box.scrollLeft + box.clientWidth + x > box.scrollWidth || box.scrollLeft + x < 0) x = -x;
      box.scrollTop += y;
      box.scrollLeft += x;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}`;

/** A plain table of the same size and ratings density, every cell in the page (the baseline). */
function plainTableHtml(): string {
  const rng = new Rng(20261205);
  const head = `<tr><th>Evidence</th>${Array.from({ length: HYPOTHESES }, (_, h) => `<th>H${h + 1}</th>`).join('')}</tr>`;
  const body = Array.from(
    { length: ITEMS },
    (_, i) =>
      `<tr><th>Evidence item ${i + 1}, a line of reporting</th>${Array.from({ length: HYPOTHESES }, () => `<td>${rng.chance(0.7) ? (ACH_RATINGS[rng.int(0, 4)] as string) : '·'}</td>`).join('')}</tr>`,
  ).join('');
  return `<!doctype html><html><body style="margin:0;font:14px sans-serif"><div role="grid" style="height:90vh;overflow:auto"><table style="border-collapse:collapse"><thead style="position:sticky;top:0;background:#fff">${head}</thead><tbody>${body}</tbody></table></div></body></html>`;
}

async function scrollFrames(page: Page, dx: number, dy: number): Promise<number[]> {
  return (await page.evaluate(`(${SCROLL_AND_TIME})(${JSON.stringify([GRID_SELECTOR, FRAMES, dx, dy])})`)) as number[];
}

/** Page-side: from a rating key's keydown to the frame after its cell shows the new rating (host round trip included). */
const RATING_PROBE = `(() => {
  const samples = [];
  window.__ratingLatencies = samples;
  document.addEventListener('keydown', (event) => {
    const cell = event.target.closest && event.target.closest('[data-cell]');
    if (!cell) return;
    const before = cell.dataset.rating;
    const start = event.timeStamp;
    const observer = new MutationObserver(() => {
      if (cell.dataset.rating === before) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => samples.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(cell, { attributes: true, attributeFilter: ['data-rating'] });
  }, true);
})()`;

/** Focuses the first cell, scrolls it far out of view (the grid keeps its row and column), and says whether it kept focus. */
async function focusSurvivesScrolling(page: Page): Promise<boolean> {
  await page.evaluate(`(async () => {
    const box = document.querySelector(${JSON.stringify(GRID_SELECTOR)});
    box.scrollTop = 0;
    box.scrollLeft = 0;
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
  })()`);
  await page.locator('[data-cell="0:0"]').click();
  const script = `(async () => {
    const box = document.querySelector(${JSON.stringify(GRID_SELECTOR)});
    box.scrollTop = box.scrollHeight;
    box.scrollLeft = box.scrollWidth;
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    return document.activeElement?.dataset.cell === '0:0' && document.activeElement.isConnected;
  })()`;
  return (await page.evaluate(script)) as boolean;
}

const KEY_FOR: Record<string, string> = { CC: 'i', C: 'i', N: 'c', I: 'c', II: 'c' };

/** Rates `count` cells from the middle of the grid, each with a key that changes it; returns key → painted times. */
async function rateAndMeasure(page: Page, count: number): Promise<number[]> {
  await page.evaluate(RATING_PROBE);
  await page.locator('[data-cell="0:0"]').click();
  for (let i = 0; i < 25; i += 1) await page.keyboard.press('PageDown');
  for (let i = 0; i < count; i += 1) {
    const rating = await page.evaluate('document.activeElement.dataset.rating');
    const wanted = (await page.evaluate('window.__ratingLatencies.length')) as number;
    await page.keyboard.press(KEY_FOR[String(rating)] ?? 'c');
    // Polled from here: the app's CSP refuses the string predicates waitForFunction evaluates.
    while (((await page.evaluate('window.__ratingLatencies.length')) as number) <= wanted) await page.waitForTimeout(5);
  }
  return (await page.evaluate('window.__ratingLatencies.slice()')) as number[];
}

const over = (frames: readonly number[], limit: number): string =>
  `${((100 * frames.filter((frame) => frame > limit).length) / Math.max(1, frames.length)).toFixed(1)}%`;

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html')) || !existsSync(join(ROOT, 'dist/cli.mjs')))
    throw new Error('Build first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'warrant-ach-scroll-bench-'));
  const path = join(dir, 'bench.warrant');
  const matrixId = seedWorkspace(path);
  const host = await startHost(path);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS });
  const samples: Record<string, number[]> = {};
  const add = (label: string, values: number[]): void => void (samples[label] ??= []).push(...values);
  const loadBefore = loadAverage();
  let renderedCells: number;
  let focusKept: boolean;
  try {
    const plain = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await plain.setContent(plainTableHtml());
    const app = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await app.goto(host.url);
    await app.getByRole('status', { name: 'Save state', exact: true }).waitFor();
    await app.evaluate(`location.hash = '#/analysis/${matrixId}'`);
    await app.locator('[data-cell="0:0"]').waitFor();
    renderedCells = (await app.evaluate('document.querySelectorAll("[data-cell]").length')) as number;
    for (let round = 1; round <= ROUNDS; round += 1) {
      add('Virtual grid, scrolling down', await scrollFrames(app, 0, 60));
      add('Plain table (baseline), scrolling down', await scrollFrames(plain, 0, 60));
      add('Virtual grid, scrolling diagonally', await scrollFrames(app, 30, 60));
      add('Plain table (baseline), scrolling diagonally', await scrollFrames(plain, 30, 60));
      process.stdout.write(`round ${round}: scrolled (load ${loadAverage()})\n`);
    }
    focusKept = await focusSurvivesScrolling(app);
    process.stdout.write(`the focused cell ${focusKept ? 'kept' : 'LOST'} focus when scrolled out of view\n`);
    add('Rating key → new rating and scores painted (host round trip included)', await rateAndMeasure(app, KEYS));
  } finally {
    await browser.close();
    await stopHost(host.child);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
  const summaries: Record<string, Summary> = Object.fromEntries(
    Object.entries(samples).map(([label, values]) => [label, summarise(values)]),
  );
  process.stdout.write(
    `\nACH grid, ${HYPOTHESES} hypotheses × ${ITEMS} items (${HYPOTHESES * ITEMS} cells; the virtual grid rendered ${renderedCells}), ` +
      `${ROUNDS} rounds of ${FRAMES} frames, Chromium without vsync, load ${loadBefore} → ${loadAverage()}; ` +
      `the focused cell ${focusKept ? 'kept' : 'LOST'} focus when scrolled out of view\n` +
      table(
        ['', 'samples', 'p50 ms', 'p95 ms', 'max ms', 'frames > 16.7 ms'],
        Object.entries(summaries).map(([label, summary]) => [
          label,
          String(summary.n),
          ms(summary.p50),
          ms(summary.p95),
          ms(summary.max),
          label.startsWith('Rating') ? '' : over(samples[label] ?? [], 1000 / 60),
        ]),
      ) +
      '\n',
  );
  recordPart('achScroll', 'npm run build && npm run bench:ach-scroll', {
    hypotheses: HYPOTHESES,
    items: ITEMS,
    renderedCells,
    focusKept,
    frames: FRAMES,
    rounds: ROUNDS,
    loadBefore,
    machineSummary: describeMachine().cpu,
    figures: summaries,
  });
}

await main();
