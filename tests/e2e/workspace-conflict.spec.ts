import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { callHost, caretInSection, createBriefing, expectSaved } from './support/briefings';
import type { HostProcess } from './support/host-process';

/** Starts a job over the host's HTTP API and waits for it to finish. */
async function runJob(host: HostProcess, name: string): Promise<void> {
  const response = await fetch(`${host.origin}/api/job/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Warrant-Token': host.token },
    body: '{}',
  });
  const started = (await response.json()) as { value: { jobId: string } };
  await expect
    .poll(async () => (await callHost<{ status: string }>(host, 'jobs.get', { jobId: started.value.jobId })).status)
    .toBe('succeeded');
}

async function openSecondTab(app: Page, host: HostProcess): Promise<Page> {
  const tab = await app.context().newPage();
  await tab.goto(host.url);
  await expect(tab.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
  return tab;
}

test('a restore under an open tab: the tab shows the reload banner and writes nothing back @web', async ({ app, host }) => {
  if (!host) throw new Error('browser host only');
  await createBriefing(app, 'Restore case');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Kept in the backup.');
  await expectSaved(app);
  await runJob(host, 'backups.create');
  const { items } = await callHost<{ items: { fileName: string }[] }>(host, 'backups.list', {});
  const [briefing] = (await callHost<{ items: { id: string }[] }>(host, 'briefings.list', {})).items;

  // Another tab (here: the API, as any other page would) restores the backup.
  await callHost(host, 'backups.restore', { fileName: items[0]?.fileName });
  await app.keyboard.type(' Typed before the restore was noticed.');

  const banner = app.getByRole('alert', { name: 'Workspace changed' });
  await expect(banner).toContainText('The workspace was restored (or switched) — reload to continue.');
  const stored = await callHost<{ bodyText: string }>(host, 'briefings.get', { id: briefing?.id });
  expect(stored.bodyText).toContain('Kept in the backup.');
  expect(stored.bodyText).not.toContain('Typed before the restore');

  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(banner).toBeHidden();
  await expect(app.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
});

test('a source edited in two tabs: the second save shows both values and keeps either @web', async ({ app, host }) => {
  if (!host) throw new Error('browser host only');
  await callHost(host, 'sources.create', { draft: { title: 'Two-tab source', notes: 'As first written.' } });
  // The first tab loaded before the source existed; the second loads with it.
  await app.reload();
  const other = await openSecondTab(app, host);
  for (const tab of [app, other]) await tab.getByRole('button', { name: 'Edit “Two-tab source”' }).click();

  const first = other.getByRole('dialog', { name: 'Edit source' });
  await first.getByLabel('Notes', { exact: true }).fill('Notes from the other tab.');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first).toBeHidden();

  const mine = app.getByRole('dialog', { name: 'Edit source' });
  await mine.getByLabel('Notes', { exact: true }).fill('Notes from this tab.');
  await mine.getByRole('button', { name: 'Save' }).click();
  const notice = mine.getByRole('alert', { name: 'Changed elsewhere' });
  const row = notice.getByRole('row', { name: /Notes/ });
  await expect(row).toContainText('Notes from the other tab.');
  await expect(row).toContainText('Notes from this tab.');
  await expect(mine.getByLabel('Notes', { exact: true })).toHaveValue('Notes from this tab.');

  await notice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(mine).toBeHidden();
  const [source] = (await callHost<{ items: { notes: string; version: number }[] }>(host, 'sources.list', {})).items;
  expect(source).toMatchObject({ notes: 'Notes from this tab.', version: 3 });
  await other.close();
});
