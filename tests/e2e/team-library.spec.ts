// Two workbenches (two browser hosts, two tabs) and one team server on 127.0.0.1: joining through
// the Team view, sharing the library, seeing the other's source, and working on while the server
// is down until it is back and everything has gone out.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startTeamServer, type RunningTeamServer } from '../../main/team/team-server';
import { expect, test } from './support/fixtures';
import { startHostProcess } from './support/host-process';
import { addSource, fillSourceForm } from './support/sources';
import { startTeam, TEAM_PASSWORD as PASSWORD } from './support/team';
import { copyEmptyWorkspace } from './support/workspace-template';

async function joinTeam(page: Page, serverUrl: string, user: string, password = PASSWORD): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Team' }).click();
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByLabel('User').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Join team' }).click();
}

test('two analysts share a library through the team server, and changes made offline go out when it is back', async ({
  app,
  browser,
  workdir,
}) => {
  test.slow();
  const dataDir = join(workdir, 'team');
  let server: RunningTeamServer = await startTeam(dataDir, { ana: 'analyst', bea: 'analyst' });
  const otherPath = join(workdir, 'bea.warrant');
  copyEmptyWorkspace(otherPath);
  const otherHost = await startHostProcess(otherPath);
  const context = await browser.newContext();
  try {
    // Ana: a source of her own, a wrong password first, then joining and sharing.
    await addSource(app, { title: 'Port call at Vladivostok' });
    await joinTeam(app, server.httpUrl, 'ana', 'not the password');
    await expect(app.getByRole('alert')).toHaveText('Wrong user name or password.');
    await app.getByLabel('Password').fill(PASSWORD);
    await app.getByRole('button', { name: 'Join team' }).click();
    await expect(app.getByRole('button', { name: /^Team: (Connected|Syncing)/ })).toBeVisible();
    await app.getByRole('button', { name: 'Share the library with the team' }).click();
    await expect(app.getByText(/Shared \d+ records? with the team/)).toBeVisible();
    await expect(app.getByRole('button', { name: 'Team: Connected' })).toBeVisible();

    // Bea joins from her own workbench and gets the library without sharing anything.
    const bea = await context.newPage();
    await bea.goto(otherHost.url);
    await joinTeam(bea, server.httpUrl, 'bea');
    await expect(bea.getByRole('button', { name: 'Team: Connected' })).toBeVisible();
    await bea.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await expect(bea.getByRole('button', { name: 'Open “Port call at Vladivostok”' })).toBeVisible();

    // The server goes down: Ana works on, her change waits in her workspace file.
    const port = server.port;
    await server.close();
    await expect(app.getByRole('button', { name: /^Team: Offline/ })).toBeVisible();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await app.getByRole('button', { name: 'Edit “Port call at Vladivostok”' }).click();
    await fillSourceForm(app, 'Edit source', { title: 'Port call at Vladivostok, 3 May' });
    await app.getByRole('dialog', { name: 'Edit source' }).getByRole('button', { name: 'Save' }).click();
    await expect(app.getByRole('button', { name: 'Team: Offline · 1 waiting' })).toBeVisible();

    // Back on the same port: merged, nothing waits, and Bea sees the new title.
    server = await startTeamServer({ dataDir, port });
    await expect(app.getByRole('button', { name: 'Team: Connected' })).toBeVisible({ timeout: 20_000 });
    await expect(bea.getByRole('button', { name: 'Open “Port call at Vladivostok, 3 May”' })).toBeVisible({ timeout: 20_000 });

    // Bea leaves (after confirming): the chip goes, the library stays in her workspace.
    await bea.getByRole('button', { name: 'Team: Connected' }).click();
    await bea.getByRole('button', { name: 'Leave the team…' }).click();
    await bea.getByRole('alertdialog', { name: 'Leave the team?' }).getByRole('button', { name: 'Leave the team' }).click();
    await expect(bea.getByRole('button', { name: 'Join team' })).toBeVisible();
    await expect(bea.getByRole('button', { name: /^Team: / })).toBeHidden();
  } finally {
    await context.close();
    await otherHost.stop();
    // Already closed when a step between stopping and restarting it failed.
    await server.close().catch(() => undefined);
  }
});
