import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { callHost, caretInSection, createBriefing, editorText, expectSaved, goToBriefings, inspectorTab } from './support/briefings';
import { addJudgement, judgementBlock } from './support/judgements';

async function openBriefing(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await goToBriefings(page);
  await page.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('two windows without a shared lock: the later save gets the conflict and both texts stay recoverable @web', async ({
  app,
  browser,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  await createBriefing(app, 'Contested briefing');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Shared opening.');
  await expectSaved(app);

  // A second browser profile: no Web Locks in common, like a second host on the same file.
  const other = await browser.newContext();
  try {
    const b = await other.newPage();
    await openBriefing(b, host.url, 'Contested briefing');
    await expect(editorText(b)).toContainText('Shared opening.');

    await caretInSection(app, 'Summary');
    await app.keyboard.type(' Words from A.');
    await expectSaved(app);
    await caretInSection(b, 'Summary');
    await b.keyboard.type(' Words from B.');

    const notice = b.getByRole('alertdialog', { name: 'This briefing was changed elsewhere' });
    await expect(notice).toContainText('your text was not saved over it');
    await expect(notice).toContainText('Your unsaved version');
    const diff = notice.getByLabel('Your text against the version saved elsewhere');
    await expect(diff.locator('del')).toContainText('Words from B.');
    await expect(diff.locator('ins')).toContainText('Words from A.');
    // The editor now holds A's text, and B's is in the revision list (seen once the dialog is closed).
    await expect(editorText(b)).toContainText('Words from A.');

    await notice.getByRole('button', { name: 'Keep mine' }).click();
    await expect(editorText(b)).toContainText('Words from B.');
    await expect(editorText(b)).not.toContainText('Words from A.');
    // A's text, replaced by the restore, is itself kept.
    const revisions = await inspectorTab(b, 'Revisions');
    await expect(revisions.getByRole('button', { name: /^Your unsaved version/ })).toBeVisible();
    await expect(revisions.getByRole('button', { name: /Before restoring/ })).toBeVisible();
  } finally {
    await other.close();
  }
});

test('a second tab opens the briefing read-only; "Edit here instead" takes it over after the first tab saved @web', async ({
  app,
  context,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  await createBriefing(app, 'Handed-over briefing');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Typed in the first tab.');
  await expectSaved(app);

  const second = await context.newPage();
  await openBriefing(second, host.url, 'Handed-over briefing');
  const banner = second.getByRole('status', { name: 'Editing elsewhere' });
  await expect(banner).toContainText('read-only here');
  await expect(editorText(second)).toHaveAttribute('contenteditable', 'false');

  // Typed but not yet saved when the hand-over is asked for: it is saved first, not lost.
  await caretInSection(app, 'Summary');
  await app.keyboard.type(' Last words.');
  await banner.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(editorText(second)).toHaveAttribute('contenteditable', 'true');
  await expect(editorText(second)).toContainText('Typed in the first tab. Last words.');
  await expect(second.getByRole('status', { name: 'Editing elsewhere' })).toHaveCount(0);
  await expect(app.getByRole('status', { name: 'Editing elsewhere' })).toContainText('read-only here');
  await expect(editorText(app)).toHaveAttribute('contenteditable', 'false');

  await caretInSection(second, 'Summary');
  await second.keyboard.type(' Now from the second tab.');
  await expectSaved(second);
});

test('a judgement changed in another window: its form says so with the other value, and the analyst picks @web', async ({
  app,
  browser,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  await createBriefing(app, 'Judged briefing');
  await addJudgement(app, 1, 'Japan will deepen its partnership with NATO.', 'likely (55–80%)', 'Moderate confidence');
  await expectSaved(app);
  const other = await browser.newContext();
  try {
    const b = await other.newPage();
    await openBriefing(b, host.url, 'Judged briefing');
    await judgementBlock(b, 1).getByLabel('Confidence').selectOption({ label: 'High confidence' });
    const stored = async (): Promise<string | null> => {
      const [briefing] = (await callHost<{ items: { id: string }[] }>(host, 'briefings.list', {})).items;
      const listed = await callHost<{ items: { confidence: string | null }[] }>(host, 'judgements.list', { briefingId: briefing?.id });
      return listed.items[0]?.confidence ?? null;
    };
    await expect.poll(stored).toBe('high');

    // A still shows the version it opened: its change is refused, not saved over B's.
    await judgementBlock(app, 1).getByLabel('Confidence').selectOption({ label: 'Low confidence' });
    const notice = judgementBlock(app, 1).getByRole('alert', { name: 'Key judgement changed elsewhere' });
    await expect(notice).toContainText(
      'Saved elsewhere: “Japan will deepen its partnership with NATO.”, likelihood likely (55–80%), confidence High confidence',
    );
    await expect(notice).toContainText('confidence Low confidence');
    await notice.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(judgementBlock(app, 1).getByLabel('Confidence')).toHaveValue('high');
    await expect(notice).toHaveCount(0);
  } finally {
    await other.close();
  }
});
