import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved, goToBriefings } from './support/briefings';
import { startHostProcess, type HostProcess } from './support/host-process';

function storedBody(workspacePath: string, title: string): string {
  const db = new Database(workspacePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT body_text FROM briefings WHERE title = ?').pluck().get(title) as string;
  } finally {
    db.close();
  }
}

function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate<string[]>("Object.keys(localStorage).filter((key) => key.startsWith('warrant.draft'))");
}

const TITLE = 'Restarted host briefing';

// `warrant web` stops while the analyst types, and comes back on the same port with a new token.
// First the tab stays open and is given the new address (only the fragment changes: no reload);
// then the tab is closed while the host is down, and a page opened later picks up what was kept.
test('typing while the host is down is kept, and saved once the tab has the new address @web', async ({
  page,
  browser,
  workspacePath,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  test.setTimeout(90_000);
  const banner = page.getByRole('alert', { name: 'Host stopped' });
  let host: HostProcess = await startHostProcess(workspacePath);
  const port = new URL(host.url).port;
  try {
    await page.goto(host.url);
    await createBriefing(page, TITLE);
    await caretInSection(page, 'Summary');
    await page.keyboard.type('Saved before the stop.');
    await expectSaved(page);

    await host.kill();
    await page.keyboard.type(' Typed while it was down.');
    await expect(banner).toContainText('Warrant’s host stopped. What you type is kept here.');
    await page.keyboard.type(' And after the banner.');
    await expect.poll(() => draftKeys(page)).toHaveLength(1);

    host = await startHostProcess(workspacePath, ['--port', port]);
    // Pasting the new address into this tab: the same page, only its fragment changes.
    await page.goto(host.url);
    await expect(banner).toBeHidden();
    await expect(page).toHaveURL(/#\/briefings\/[\w-]+$/);
    await expectSaved(page);
    expect(storedBody(workspacePath, TITLE)).toContain('Saved before the stop. Typed while it was down. And after the banner.');
    expect(await draftKeys(page)).toEqual([]);

    // Down again, and this time the tab is closed before the host is back.
    await host.kill();
    await editorText(page).press('End');
    await page.keyboard.type(' Kept after the tab closed.');
    await expect(banner).toBeVisible();
    await page.close({ runBeforeUnload: true });

    host = await startHostProcess(workspacePath, ['--port', port]);
    const context = page.context();
    const later = await context.newPage();
    await later.goto(host.url);
    await goToBriefings(later);
    await later.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
    await expect(editorText(later)).toContainText('And after the banner. Kept after the tab closed.');
    await expectSaved(later);
    expect(await draftKeys(later)).toEqual([]);

    // Read back through a fresh browser profile: what shows is what the workspace holds.
    const fresh = await browser.newContext();
    try {
      const reader = await fresh.newPage();
      await reader.goto(host.url);
      await reader.keyboard.press('Alt+2');
      await reader.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
      await expect(editorText(reader)).toContainText(
        'Saved before the stop. Typed while it was down. And after the banner. Kept after the tab closed.',
      );
    } finally {
      await fresh.close();
    }
  } finally {
    await host.stop();
  }
});
