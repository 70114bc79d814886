import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../db/workspace';
import { expect, test } from './support/fixtures';
import { startHostProcess } from './support/host-process';
import { addSource } from './support/sources';

test('the status bar names the workspace and tracks saving; every view is reachable by button and by Alt+digit', async ({ app }) => {
  await expect(app.getByRole('contentinfo')).toContainText('Workspace: e2e.warrant');
  await expect(app.getByRole('status', { name: 'Save state', exact: true })).toHaveText('All changes saved');
  await addSource(app, { title: 'Saved source' });
  await expect(app.getByRole('status', { name: 'Save state', exact: true })).toHaveText(/^All changes saved at /);

  const nav = app.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Briefings' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Briefings' })).toHaveAttribute('aria-current', 'page');
  await app.keyboard.press('Alt+3');
  await expect(app.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await app.keyboard.press('Alt+1');
  await expect(app.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
});

test('a source created in the UI is still listed after the host restarts @web', async ({
  page,
  workspacePath,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  const first = await startHostProcess(workspacePath);
  await page.goto(first.url);
  await addSource(page, { title: 'Survives a restart', reliability: 'A — Completely reliable' });
  expect(await first.stop()).toBe(0);

  const second = await startHostProcess(workspacePath);
  try {
    // A fresh load: the restarted host may reuse the port, and then only the fragment would change.
    await page.goto('about:blank');
    await page.goto(second.url);
    // The restart returns to the last place (the new source's page, where saving opened it): the list is one click away.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    const row = page.getByRole('row', { name: /Survives a restart/ });
    await expect(row.getByText('A', { exact: true })).toBeVisible();
  } finally {
    expect(await second.stop()).toBe(0);
  }
});

test('Save a copy downloads a workspace that opens with the source in it @web', async ({ app, workdir }) => {
  await addSource(app, { title: 'In the copy', publisher: 'MOFA Japan' });
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save a copy…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^e2e \(copy \d{4}-\d{2}-\d{2}\)\.warrant$/);
  await expect(app.getByText(/Saved a copy as “e2e \(copy/)).toBeVisible();

  const copyPath = join(workdir, 'copy.warrant');
  await download.saveAs(copyPath);
  expect(readFileSync(copyPath).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  const copy = Workspace.open(copyPath);
  try {
    const { items } = copy.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 });
    expect(items.map((source) => [source.title, source.publisher])).toEqual([['In the copy', 'MOFA Japan']]);
  } finally {
    copy.close();
  }
});

test('settings are stored in the workspace', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const marking = app.getByLabel('Default handling marking');
  await expect(marking).toHaveValue('TLP:CLEAR');
  await app.getByLabel('Analyst name').fill('A. Analyst');
  await marking.fill('TLP:AMBER');
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByText('Settings saved.')).toBeVisible();

  await app.reload();
  await app.keyboard.press('Alt+4');
  await expect(app.getByLabel('Analyst name')).toHaveValue('A. Analyst');
  await expect(app.getByLabel('Default handling marking')).toHaveValue('TLP:AMBER');
});

test('a page opened without the session token explains how to get in @web', async ({ page, host, foreignRequests: _f, dialogs: _d }) => {
  if (!host) throw new Error('browser-host target only');
  await page.goto(`${host.origin}/`);
  await expect(page.getByText(/needs the session address Warrant printed/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New source' })).toHaveCount(0);
});

test('the token leaves the address bar and survives a reload @web', async ({ app, host }) => {
  if (!host) throw new Error('browser-host target only');
  expect(app.url()).not.toContain('token');
  expect(app.url()).not.toContain(host.token);
  await app.reload();
  await expect(app.getByRole('button', { name: 'New source' })).toBeVisible();
});
