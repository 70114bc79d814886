import type { Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test as base } from './support/fixtures';

/**
 * Each Playwright worker keeps one browser context and page for all its tests (playwright.config.ts,
 * `reuseContext`), which saves a context and a renderer per test. These two tests run in order in
 * one worker and prove that nothing the first leaves behind reaches the second: storage, cookies,
 * routes, permissions, extra tabs, viewport, colour scheme and the page's clock.
 */
const test = base.extend<object, { probeOrigin: string }>({
  // One origin both tests visit, so storage left by the first would be visible to the second.
  probeOrigin: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server: Server = createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end('<!doctype html><title>probe</title><p>from the server</p>');
      });
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise((closed) => server.close(closed));
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'serial' });
test.skip(process.env.WARRANT_E2E_FRESH_CONTEXT === '1', 'each test has a context of its own on this run, so there is no reuse to check');

let firstContextId = '';

async function browserContextId(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { browserContextId: string } };
  await session.detach();
  return targetInfo.browserContextId;
}

test('a test leaves storage, a route, a permission, a second tab and page settings behind', async ({ page, context, probeOrigin }) => {
  firstContextId = await browserContextId(page);
  await page.goto(probeOrigin);
  await page.evaluate(`localStorage.setItem('left-behind', 'yes');
    sessionStorage.setItem('left-behind', 'yes');
    document.cookie = 'left-behind=yes; max-age=3600';`);
  await context.grantPermissions(['clipboard-read'], { origin: probeOrigin });
  await context.route(`${probeOrigin}/routed`, (route) => route.fulfill({ body: 'from a route' }));
  await (await context.newPage()).goto(probeOrigin);
  await page.setViewportSize({ width: 500, height: 400 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.clock.install({ time: new Date('2001-01-01T00:00:00Z') });
  expect(await page.evaluate("localStorage.getItem('left-behind')")).toBe('yes');
});

test('the next test in the same worker starts clean in the same context', async ({ page, context, probeOrigin }) => {
  expect(await browserContextId(page), 'the context is reused, not a new one').toBe(firstContextId);
  expect(context.pages()).toHaveLength(1);
  expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
  await page.goto(probeOrigin);
  // Evaluated as the page's own script (the Node type-check has no DOM types).
  const seen = (await page.evaluate(`(async () => ({
    local: localStorage.getItem('left-behind'),
    session: sessionStorage.getItem('left-behind'),
    cookie: document.cookie,
    routed: await (await fetch('/routed')).text(),
    permission: (await navigator.permissions.query({ name: 'clipboard-read' })).state,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    year: new Date().getFullYear(),
  }))()`)) as Record<string, unknown> & { year: number };
  expect(seen).toEqual({
    local: null,
    session: null,
    cookie: '',
    routed: expect.stringContaining('from the server'),
    permission: 'prompt',
    dark: false,
    year: expect.any(Number),
  });
  expect(seen.year).toBeGreaterThan(2001);
});
