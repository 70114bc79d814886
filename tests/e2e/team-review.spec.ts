import { join } from 'node:path';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { Workspace } from '../../db/workspace';
import { paragraph, section, state, text } from '../fixtures/export/sample-briefing';
import { editorText, inspectorTab, selectInText } from './support/briefings';
import { expect, test } from './support/fixtures';
import type { HostProcess } from './support/host-process';
import { startTeam, startTeamWorkbenches } from './support/team';
import { copyEmptyWorkspace } from './support/workspace-template';

const WORDS = 'The visit framed North Korea as a global threat to Europe.';

/** One workspace with a briefing already shared with the team, copied for each member, bound to their account and served. */
async function teamWorkbenches(workdir: string, serverUrl: string, users: readonly string[]): Promise<HostProcess[]> {
  const original = join(workdir, 'original.warrant');
  copyEmptyWorkspace(original);
  const ws = Workspace.open(original);
  const briefingId = ws.briefings.create({ title: 'Tokyo visit', typeId: 'briefing', author: 'Ana', marking: 'TLP:CLEAR', date: null }).id;
  ws.briefings.saveBody({
    id: briefingId,
    body: state([section('s1', 'Summary', [paragraph(text(WORDS))])]),
    bodyText: WORDS,
    wordCount: 11,
  });
  // The briefing's threads are a team document (as "Share with the team" leaves it), still empty.
  ws.team.append(`comments/${briefingId}`, Y.encodeStateAsUpdate(new Y.Doc()), false);
  ws.close();
  return startTeamWorkbenches(original, serverUrl, users);
}

async function openBriefing(page: Page, host: HostProcess): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  const row = page.getByRole('table', { name: 'Briefings' }).getByRole('row', { name: /Tokyo visit/ });
  await row.getByRole('button', { name: 'Tokyo visit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokyo visit' })).toBeVisible();
}

test('a reviewer comments on a shared briefing she cannot edit, and the analyst sees the thread with its words marked', async ({
  browser,
  workdir,
}) => {
  const server = await startTeam(workdir, { ana: 'analyst', rita: 'reviewer' });
  const hosts = await teamWorkbenches(workdir, server.httpUrl, ['ana', 'rita']);
  const [anaHost, ritaHost] = hosts;
  const context = await browser.newContext();
  try {
    if (!anaHost || !ritaHost) throw new Error('Both hosts should have started.');
    const rita = await context.newPage();
    await openBriefing(rita, ritaHost);
    await expect(rita.getByRole('note', { name: 'Your team role' })).toContainText('You are a reviewer in this team');
    await expect(editorText(rita)).toHaveAttribute('contenteditable', 'false');

    await selectInText(rita, 'a global threat');
    const ritaPanel = await inspectorTab(rita, 'Comments');
    await ritaPanel.getByRole('button', { name: 'Comment on selection' }).click();
    await ritaPanel.getByRole('textbox', { name: 'Comment', exact: true }).fill('Whose words are these?');
    await ritaPanel.getByRole('button', { name: 'Post comment' }).click();
    const ritaThread = ritaPanel.getByRole('listitem', { name: 'Comment by rita' });
    await expect(ritaThread).toContainText('quoted by a reviewer, not marked in the text');
    await expect(ritaThread.getByRole('button', { name: 'Delete thread' })).toHaveCount(0);

    const ana = await context.newPage();
    await openBriefing(ana, anaHost);
    await expect(ana.getByRole('note', { name: 'Your team role' })).toHaveCount(0);
    const anaPanel = await inspectorTab(ana, 'Comments');
    const anaThread = anaPanel.getByRole('listitem', { name: 'Comment by rita' });
    await expect(anaThread).toContainText('Whose words are these?', { timeout: 10_000 });
    // The analyst's editor marks the words the reviewer quoted, so the thread is anchored in the text.
    await expect(editorText(ana).locator('mark.comment-mark')).toHaveText('a global threat');
    await expect(anaThread.getByRole('button', { name: 'Show the commented words: a global threat' })).toBeVisible();
  } finally {
    await context.close();
    for (const host of hosts) await host.stop();
    await server.close();
  }
});
