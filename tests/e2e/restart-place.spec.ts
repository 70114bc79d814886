import Database from 'better-sqlite3';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved } from './support/briefings';
import { startHostProcess } from './support/host-process';

/** The place the workspace keeps for the next start (null until the page wrote one). */
function keptPlace(workspacePath: string): { route: string; caret: unknown } | null {
  const db = new Database(workspacePath, { readonly: true, fileMustExist: true });
  try {
    const value = db.prepare('SELECT value FROM last_place WHERE id = 1').pluck().get();
    return typeof value === 'string' ? (JSON.parse(value) as ReturnType<typeof keptPlace>) : null;
  } finally {
    db.close();
  }
}

// A restart of `warrant web` prints a new address (new port, new token, no route): the page opens
// on the briefing that was being written, with the caret where it was, though the new port is a
// new origin whose page storage is empty.
test('a restart of the host returns to the open briefing with the caret where it was @web', async ({
  page,
  workspacePath,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  const first = await startHostProcess(workspacePath);
  await page.goto(first.url);
  await createBriefing(page, 'Restarted briefing');
  await caretInSection(page, 'Summary');
  await page.keyboard.type('Alpha bravo charlie.');
  for (let step = 0; step < 'charlie.'.length; step += 1) await page.keyboard.press('ArrowLeft');
  await expectSaved(page);
  // The page keeps the caret once it rests, and the place follows: the same caret this page keeps.
  const briefingId = /#\/briefings\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
  const readCaret = (): Promise<{ focus?: { offset?: number } } | undefined> =>
    page.evaluate(`JSON.parse(localStorage.getItem('warrant.carets') ?? '{}')[${JSON.stringify(briefingId)}]`);
  await expect.poll(async () => (await readCaret())?.focus?.offset).toBe('Alpha bravo '.length);
  const pageCaret = await readCaret();
  await expect.poll(() => keptPlace(workspacePath), { timeout: 10_000 }).toEqual({ route: `#/briefings/${briefingId}`, caret: pageCaret });
  expect(await first.stop()).toBe(0);

  const second = await startHostProcess(workspacePath);
  try {
    expect(new URL(second.url).hash).toMatch(/^#token=/);
    await page.goto(second.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Restarted briefing' })).toBeVisible();
    await expect(page).toHaveURL(/#\/briefings\/[\w-]+$/);
    await expect(editorText(page)).toBeFocused();
    await page.keyboard.type('delta ');
    await expect(editorText(page)).toContainText('Alpha bravo delta charlie.');
  } finally {
    await second.stop();
  }
});

test('a restart opens the library when the remembered briefing was deleted @web', async ({
  page,
  workspacePath,
  foreignRequests: _f,
  dialogs: _d,
}) => {
  const first = await startHostProcess(workspacePath);
  await page.goto(first.url);
  await createBriefing(page, 'Briefing to delete');
  await expect.poll(() => keptPlace(workspacePath)?.route ?? '', { timeout: 10_000 }).toMatch(/^#\/briefings\/[\w-]+$/);
  expect(await first.stop()).toBe(0);
  // Deleted behind the page's back (by another window, say): the place it kept is gone.
  const db = new Database(workspacePath);
  db.prepare("UPDATE briefings SET deleted_at = '2026-12-04T00:00:00.000Z' WHERE title = 'Briefing to delete'").run();
  db.close();

  const second = await startHostProcess(workspacePath);
  try {
    await page.goto(second.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
    await expect(page).toHaveURL(/#\/library$/);
  } finally {
    await second.stop();
  }
});
