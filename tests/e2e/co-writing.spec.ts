import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { writeSampleJudgements } from '../../db/sample-judgements';
import { buildSampleWorkspace } from '../../db/sample-workspace';
import { callHost, editorText, goToBriefings } from './support/briefings';
import { expect, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { bindWorkspaceToTeam, startTeam } from './support/team';

const TITLE = 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017';

test.describe.configure({ timeout: 120_000 });

const contexts: BrowserContext[] = [];

async function openBriefing(browser: Browser, host: HostProcess): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(host.url);
  await goToBriefings(page);
  // In a teammate's fresh workspace the briefing appears once its record arrives from the team.
  const listed = page.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE });
  await expect(listed).toBeVisible({ timeout: 20_000 });
  await listed.click();
  await expect(editorText(page)).toContainText('“pressure is key”');
  return page;
}

/** Types at the end of the first paragraph of a section. */
async function typeInSection(page: Page, heading: string, text: string): Promise<void> {
  const section = editorText(page).locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
  await section.locator(':scope > p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

test('a teammate with a fresh workspace gets the shared sample briefing in their list, and both co-write it: each sees the other’s text and caret, undoes only their own typing, and the export holds both @web', async ({
  browser,
  workdir,
}) => {
  const server = await startTeam(join(workdir, 'team'), { ana: 'analyst', bob: 'analyst' });
  const hosts: HostProcess[] = [];
  try {
    // Ana holds the sample; Bob's workspace is new and empty. Each is joined as its analyst.
    const anaPath = join(workdir, 'ana.warrant');
    const bobPath = join(workdir, 'bob.warrant');
    buildSampleWorkspace(anaPath, { writeJudgements: writeSampleJudgements });
    await bindWorkspaceToTeam(anaPath, server.httpUrl, 'ana');
    await bindWorkspaceToTeam(bobPath, server.httpUrl, 'bob');
    const [anaHost, bobHost] = await Promise.all([startHostProcess(anaPath), startHostProcess(bobPath)]);
    hosts.push(anaHost, bobHost);

    // The library goes first, so the briefing's citations and evidence resolve on Bob's side.
    await expect
      .poll(async () => (await callHost<{ state?: string }>(anaHost, 'team.status', {})).state, { timeout: 20_000 })
      .toBe('connected');
    await callHost(anaHost, 'team.share', {});
    const ana = await openBriefing(browser, anaHost);
    await ana.getByRole('button', { name: 'Share with the team' }).click();
    await expect(ana.getByRole('button', { name: 'Share with the team' })).toHaveCount(0);
    await expect(editorText(ana)).toContainText('“pressure is key”');

    const bob = await openBriefing(browser, bobHost);
    await expect(bob.getByRole('list', { name: 'Also in this briefing' }).getByText('ana')).toBeVisible();
    await expect(ana.getByRole('list', { name: 'Also in this briefing' }).getByText('bob')).toBeVisible();

    await typeInSection(ana, 'Summary', ' Ana adds this line.');
    // Undo is per person: Bob's undo takes back his own slip, never Ana's line.
    await typeInSection(bob, 'Analysis', ' Bob slips.');
    await expect(editorText(ana)).toContainText('Bob slips.');
    await expect(editorText(bob)).toContainText('Ana adds this line.');
    await bob.keyboard.press('Control+z');
    for (const page of [ana, bob]) await expect(editorText(page)).not.toContainText('Bob slips.');
    await expect(editorText(bob)).toContainText('Ana adds this line.');
    await typeInSection(bob, 'Analysis', ' Bob adds that line.');
    for (const page of [ana, bob]) {
      await expect(editorText(page)).toContainText('Ana adds this line.');
      await expect(editorText(page)).toContainText('Bob adds that line.');
    }
    // The text is one; a judgement block's suggested confidence also weighs the key assumptions,
    // which stay in Ana's workspace (they are not team records), so that line is left out.
    const written = async (page: Page): Promise<string> => (await editorText(page).innerText()).replace(/^Suggested: .*$/gm, '');
    const [anaText, bobText] = await Promise.all([written(ana), written(bob)]);
    expect(anaText).toBe(bobText);
    // Each sees the other's caret, labelled with the name.
    await expect(ana.getByRole('group', { name: 'Other people’s carets' }).getByText('bob')).toBeVisible();
    await expect(bob.getByRole('group', { name: 'Other people’s carets' }).getByText('ana')).toBeVisible();

    // The host projects the document into the stored briefing, so the export holds both edits.
    const { items } = await callHost<{ items: { id: string; title: string }[] }>(anaHost, 'briefings.list', {});
    const briefingId = items.find((item) => item.title === TITLE)?.id ?? '';
    await expect
      .poll(async () => (await callHost<{ bodyText: string }>(anaHost, 'briefings.get', { id: briefingId })).bodyText)
      .toMatch(/Ana adds this line\.[\s\S]*Bob adds that line\./);
    await ana.getByRole('button', { name: 'Export…' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Export briefing' });
    await dialog.getByRole('radio', { name: 'Markdown' }).check();
    const downloading = ana.waitForEvent('download');
    // The sample's checks flag one judgement on purpose, so the button offers to export anyway.
    await dialog.getByRole('button', { name: 'Export anyway' }).click();
    const markdown = readFileSync(await (await downloading).path(), 'utf8');
    expect(markdown).toContain('Ana adds this line.');
    expect(markdown).toContain('Bob adds that line.');
  } finally {
    // Their pages would otherwise live on in this worker's browser, polling hosts that are gone.
    for (const context of contexts) await context.close();
    for (const host of hosts) await host.stop();
    await server.close();
  }
});
