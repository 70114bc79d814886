import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './host-process';

interface Fixtures {
  /** A temporary folder for this test, removed afterwards. */
  workdir: string;
  /** Path of this test's fresh workspace file. */
  workspacePath: string;
  /** The browser host serving that workspace. */
  host: HostProcess;
  /** The workbench, opened from the host's printed address. */
  app: Page;
  /** Everything the page tried to fetch outside 127.0.0.1 (must stay empty). */
  foreignRequests: string[];
  /** Messages of JavaScript dialogs the page opened (must stay empty: no alert() from payloads). */
  dialogs: string[];
}

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return parsed.hostname === '127.0.0.1';
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  workdir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  workspacePath: async ({ workdir }, use) => use(join(workdir, 'e2e.warrant')),
  host: async ({ workspacePath }, use) => {
    const host = await startHostProcess(workspacePath);
    await use(host);
    expect(await host.stop(), 'the host exits cleanly on SIGTERM').toBe(0);
  },
  foreignRequests: async ({ context }, use) => {
    const foreign: string[] = [];
    context.on('request', (request) => {
      if (!isLocal(request.url())) foreign.push(request.url());
    });
    // Nothing may leave the machine even if a page tried: abort before it does.
    await context.route((url) => !isLocal(url.href), (route) => route.abort('blockedbyclient'));
    await use(foreign);
    expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
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
  app: async ({ page, host, foreignRequests: _foreign, dialogs: _dialogs }, use) => {
    await page.goto(host.url);
    await expect(page.getByRole('status', { name: 'Save state' })).toBeVisible();
    await use(page);
  },
});

export { expect };
