import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from './chromium';
import { electronBinary } from './desktop';
import { HostPool, type PooledWorkspace } from './host-pool';
import { startHostProcess, type HostProcess } from './host-process';
import { copyEmptyWorkspace } from './workspace-template';

interface Fixtures {
  /** This test's folder and empty workspace, taken from the worker's pool (null on the desktop target). */
  preparedWorkspace: PooledWorkspace | null;
  /** A temporary folder for this test, removed afterwards. */
  workdir: string;
  /** Path of this test's fresh workspace file. */
  workspacePath: string;
  /** The browser host serving that workspace (null on the desktop target). */
  host: HostProcess | null;
  /** The desktop app (null on the browser-host target). */
  electronApp: ElectronApplication | null;
  /** What every address of the workbench starts with on this target. */
  appOrigin: string;
  /** The workbench as a person sees it: a browser tab or the desktop window. */
  app: Page;
  /** Everything the workbench tried to fetch outside the machine (must stay empty). */
  foreignRequests: string[];
  /** Messages of JavaScript dialogs the page opened (must stay empty: no alert() from payloads). */
  dialogs: string[];
}

interface WorkerFixtures {
  /** Prepares the next test's workspace and host while a test runs (null on the desktop target). */
  hostPool: HostPool | null;
}

const isDesktop = (projectName: string): boolean => projectName === 'desktop';

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:', 'app:', 'devtools:'].includes(parsed.protocol)) return true;
  return parsed.hostname === '127.0.0.1';
}

/** The desktop window gets the same watch as a browser tab: foreign requests and dialogs. */
async function guardDesktopWindow(page: Page, foreign: string[], dialogs: string[]): Promise<void> {
  page.on('request', (request) => {
    if (!isLocal(request.url())) foreign.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // Debian's Chromium, the same for every target (Playwright's own browsers cannot be downloaded here).
  browser: [
    async ({ playwright }, use) => {
      const browser = await playwright.chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // Each worker keeps one context (playwright.config.ts, reuseContext). Playwright resets its
  // storage, pages, routes and emulation between tests, but not the permissions a test granted.
  context: async ({ context }, use) => {
    await context.clearPermissions();
    await use(context);
  },
  hostPool: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      if (isDesktop(workerInfo.project.name)) return use(null);
      const pool = new HostPool();
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  preparedWorkspace: async ({ hostPool }, use) => {
    if (!hostPool) return use(null);
    const prepared = hostPool.take();
    await use(prepared);
    await prepared.dispose();
  },
  workdir: async ({ preparedWorkspace }, use) => {
    if (preparedWorkspace) return use(preparedWorkspace.workdir);
    const dir = mkdtempSync(join(tmpdir(), 'warrant-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // A copy of an empty workspace the real host created once (global setup), not a new one per test.
  workspacePath: async ({ workdir, preparedWorkspace }, use) => {
    if (preparedWorkspace) return use(preparedWorkspace.workspacePath);
    const path = join(workdir, 'e2e.warrant');
    copyEmptyWorkspace(path);
    await use(path);
  },
  host: async ({ workspacePath, preparedWorkspace }, use, testInfo) => {
    if (isDesktop(testInfo.project.name)) return use(null);
    // The host started ahead on this test's workspace, unless a spec serves a workspace of its own.
    const ahead = preparedWorkspace?.workspacePath === workspacePath ? preparedWorkspace : null;
    if (!ahead) await preparedWorkspace?.stopUnclaimedHost();
    const host = await (ahead ? ahead.claimHost() : startHostProcess(workspacePath));
    await use(host);
    expect(await host.stop(), 'the host exits cleanly on SIGTERM').toBe(0);
  },
  electronApp: async ({ workdir, workspacePath }, use, testInfo) => {
    if (!isDesktop(testInfo.project.name)) return use(null);
    const electron = electronBinary();
    if (!electron.path) throw new Error(`Desktop target selected but ${electron.reason}`);
    const userData = join(workdir, 'user-data');
    mkdirSync(userData);
    const app = await _electron.launch({
      executablePath: electron.path,
      args: ['.', '--workspace', workspacePath],
      env: { ...process.env, WARRANT_USER_DATA: userData },
    });
    await use(app);
    await app.close();
  },
  appOrigin: async ({ host }, use) => use(host ? host.origin : 'app://warrant'),
  foreignRequests: async ({ context }, use) => {
    const foreign: string[] = [];
    context.on('request', (request) => {
      if (!isLocal(request.url())) foreign.push(request.url());
    });
    // Nothing may leave the machine even if a page tried: abort before it does.
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    await use(foreign);
    expect(foreign, 'requests that left the machine').toEqual([]);
  },
  dialogs: async ({ page }, use) => {
    const seen: string[] = [];
    page.on('dialog', (dialog) => {
      seen.push(dialog.message());
      void dialog.dismiss();
    });
    await use(seen);
    expect(seen, 'JavaScript dialogs opened by the page').toEqual([]);
  },
  app: async ({ page, host, electronApp, foreignRequests, dialogs }, use) => {
    const window = electronApp ? await electronApp.firstWindow() : page;
    if (electronApp) await guardDesktopWindow(window, foreignRequests, dialogs);
    if (host) await window.goto(host.url);
    await expect(window.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
    await use(window);
  },
});

export { expect };
