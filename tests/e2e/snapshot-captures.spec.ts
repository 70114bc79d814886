import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, expectSaved } from './support/briefings';
import { openSource, saveSelectionAsQuote, selectInSnapshot } from './support/library';
import { addSource } from './support/sources';

/** Captures pasted text through the attach form shown (the first capture, or Capture again). */
async function capturePasted(app: Page, text: string): Promise<void> {
  await app.getByLabel('Or paste the text').fill(text);
  await app.getByRole('button', { name: 'Capture pasted text' }).click();
}

test('a source captured twice: timeline, word diff, quotes from each capture, and both captures in the export annex @web', async ({
  app,
}) => {
  await addSource(app, { title: 'Ministry statement' });
  await openSource(app, 'Ministry statement');
  await capturePasted(app, 'The ministry called the launch a grave provocation.');
  await selectInSnapshot(app, 'grave provocation');
  await saveSelectionAsQuote(app);

  // Capture again: the new capture becomes current, the first stays in the timeline.
  await app.getByRole('button', { name: 'Capture again' }).click();
  await capturePasted(app, 'The ministry called the launch a serious concern.');
  const timeline = app.getByRole('list', { name: 'Captures' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first()).toContainText('current');
  await expect(timeline.getByRole('listitem').first()).toContainText('0 quotes');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('1 quote');
  await expect(app.getByRole('document', { name: 'Snapshot text' })).toContainText('serious concern');

  // Compare the two captures: what changed is marked, and said to screen readers.
  await app.getByRole('button', { name: 'Compare', exact: true }).click();
  const diff = app.getByRole('document', { name: 'Differences between the captures' });
  await expect(diff.locator('del')).toHaveText('[removed: grave provocation.]');
  await expect(diff.locator('ins')).toHaveText('[added: serious concern.]');
  await expect(app.getByRole('status').filter({ hasText: 'passage' })).toHaveText('1 passage removed, 1 passage added.');

  // A quote from the second capture; the first quote says which capture it came from and opens it.
  await selectInSnapshot(app, 'serious concern');
  await saveSelectionAsQuote(app);
  const quotes = app.getByRole('list', { name: 'Quotes' });
  const early = quotes.getByRole('listitem').filter({ hasText: 'grave provocation' });
  await expect(early).toContainText(/from the capture of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  await early.getByRole('button', { name: 'Show in snapshot' }).click();
  await expect(timeline.getByRole('button', { pressed: true })).toHaveText(/Capture of/);
  await expect(timeline.getByRole('listitem').nth(1).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('document', { name: 'Snapshot text' }).locator('mark')).toHaveText('grave provocation');

  // Cite both quotes and export: the annex lists both captures.
  await createBriefing(app, 'Captures briefing');
  for (const search of ['grave', 'serious']) {
    await caretInSection(app, 'Summary');
    await app.keyboard.press('Control+Shift+K');
    const picker = app.getByRole('dialog', { name: 'Cite from the library' });
    await picker.getByRole('combobox', { name: 'Search the library to cite' }).fill(search);
    await expect(picker.getByRole('option').first()).toContainText(search);
    await app.keyboard.press('Enter');
    await expect(picker).toBeHidden();
  }
  await expectSaved(app);
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await dialog.getByRole('radio', { name: 'Markdown' }).check();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const { readFileSync } = await import('node:fs');
  const markdown = readFileSync(await (await downloading).path(), 'utf8');
  expect(markdown.match(/Cited capture of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(text\): [0-9a-f]{64}/g)).toHaveLength(2);
  expect(markdown.match(/capture of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(text, SHA-256 [0-9a-f]{12}…\)/g)).toHaveLength(2);
});
