import Database from 'better-sqlite3';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved } from './support/briefings';
import { startHostProcess } from './support/host-process';

/**
 * The host killed with SIGKILL while someone types in the real UI: whatever the UI showed as
 * saved is there when the workspace is opened again, and the file passes integrity_check.
 * (tests/integration/briefing-crash.test.ts does the same over the contract, 20 times in `npm run soak`.)
 */
test('typing, then the host is SIGKILLed mid-typing: every save shown as saved survives @web', async ({
  page,
  workspacePath,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  test.setTimeout(120_000);
  const saved: string[] = [];
  for (let round = 1; round <= 3; round += 1) {
    const host = await startHostProcess(workspacePath);
    await page.goto(host.url);
    await expect(page.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
    if (round === 1) await createBriefing(page, 'Crash briefing');
    else {
      await page.keyboard.press('Alt+2');
      await page.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Crash briefing' }).click();
      for (const text of saved) await expect(editorText(page)).toContainText(text);
    }
    await caretInSection(page, 'Summary');
    const text = ` round${round}saved`;
    await page.keyboard.type(text);
    await expectSaved(page);
    saved.push(text.trim());
    // Keep typing and kill the host while those keystrokes are being saved: once a save is on its way.
    const saving = page.waitForRequest((request) => request.url().endsWith('/api/call/briefings.saveBody'));
    await page.keyboard.type(' and more typing that may or may not be saved');
    await saving;
    await host.kill();
    const db = new Database(workspacePath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const body = db.prepare("SELECT body_text FROM briefings WHERE title = 'Crash briefing'").pluck().get() as string;
    db.close();
    for (const shown of saved) expect(body).toContain(shown);
  }
});
