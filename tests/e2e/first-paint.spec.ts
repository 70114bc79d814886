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

test('the navigation answers before the host has said where the analyst was @web', async ({
  page,
  host,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  // The host is slow to say where the analyst was: the shell is there, and a click on the
  // Library opens it at once instead of being dropped until the answer comes.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/call\/host\.info$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(host?.url ?? '');
  await expect(page.getByText('Opening workspace…')).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' });
  await library.click();
  await expect(library).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/library');
  release();
  await expect(page.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
  await expect(library).toHaveAttribute('aria-current', 'page');
});
