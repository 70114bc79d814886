import type { Page } from '@playwright/test';
import { callHost } from './support/briefings';
import { expect, test } from './support/fixtures';

// The first page carries only the library; the other views' code is fetched when first opened
// (issue 18, item 4). These check what the analyst sees while it loads, and if it cannot.
test('a view past the library says it is loading until its code arrives @web', async ({ app }) => {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.route(/\/assets\/briefings-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Loading Briefings…' })).toBeVisible();
  release();
  await expect(app.getByRole('navigation', { name: 'Briefings list' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Loading Briefings…' })).toHaveCount(0);
});

test('code that cannot be fetched is named in an alert, and the rest of the app keeps working @web', async ({ app }) => {
  // As when the host was stopped or updated under an open page.
  await app.route(/\/assets\/settings-[\w-]+\.js$/, (route) => route.abort('connectionrefused'));
  const main = app.getByRole('navigation', { name: 'Main' });
  await main.getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Could not load Settings' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Reload' })).toBeVisible();

  await main.getByRole('button', { name: 'Library' }).click();
  await expect(app.getByRole('button', { name: 'Import…' })).toBeVisible();
  await main.getByRole('button', { name: 'Trash' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Could not load' })).toHaveCount(0);
});

test('a fresh start opens on the library without waiting for the host, and the navigation answers while the host says where the analyst was @web', async ({
  page,
  host,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  if (!host) throw new Error('This test needs its own host.');
  const holdHostInfo = async (target: Page): Promise<() => void> => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await target.route(/\/api\/call\/host\.info$/, async (route) => {
      await held;
      await route.continue();
    });
    return release;
  };
  const libraryButton = (target: Page) => target.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' });

  // The last place is the library (a new workspace's is): the page the host serves says so, and
  // the library shows while host.info is still unanswered.
  const releaseFirst = await holdHostInfo(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(libraryButton(page)).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Opening workspace…')).toHaveCount(0);
  releaseFirst();
  await expect(page.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();

  // Elsewhere (the trash): the page must wait for host.info to learn it, and a click on the
  // Library meanwhile opens it at once instead of being dropped until the answer comes.
  await callHost(host, 'workspace.rememberPlace', { route: '#/trash', caret: null });
  const second = await page.context().newPage();
  const releaseSecond = await holdHostInfo(second);
  await second.goto(host.url);
  await expect(second.getByText('Opening workspace…')).toBeVisible();
  await libraryButton(second).click();
  await expect(libraryButton(second)).toHaveAttribute('aria-current', 'page');
  await expect(second.getByRole('heading', { name: 'Sources' })).toBeVisible();
  expect(new URL(second.url()).hash).toBe('#/library');
  releaseSecond();
  await expect(second.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
  await expect(libraryButton(second)).toHaveAttribute('aria-current', 'page');
  await second.close();
});

test('a fresh start asks the host each of its first reads once @web', async ({ page, host, foreignRequests: _f, dialogs: _d }) => {
  if (!host) throw new Error('This test needs its own host.');
  // The early script sends them before the main script runs, and the boot takes their answers. Run
  // out of order, each went to the host twice: once from each, a few milliseconds apart.
  const FIRST_READS = ['host.info', 'sources.list', 'tags.list'];
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/call/')) calls.push(path.slice('/api/call/'.length));
  });
  const answered = FIRST_READS.map((read) => page.waitForResponse((response) => response.url().endsWith(`/api/call/${read}`)));
  await page.goto(host.url);
  await Promise.all(answered);
  await expect(page.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
  for (const read of FIRST_READS)
    expect(
      calls.filter((call) => call === read),
      read,
    ).toHaveLength(1);
});
