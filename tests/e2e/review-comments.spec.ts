import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved, inspectorTab, selectInText } from './support/briefings';

const selectedText = (page: Page): Promise<string> =>
  editorText(page).evaluate((root) => root.ownerDocument.getSelection()?.toString() ?? '');

function thread(panel: Locator): Locator {
  return panel
    .getByRole('list', { name: 'Comment threads' })
    .getByRole('listitem')
    .filter({ has: panel.page().getByRole('list', { name: 'Comments' }) });
}

test('a review comment on selected words: started by shortcut, answered, resolved and reopened, kept after a reload, deleted', async ({
  app,
}) => {
  await createBriefing(app, 'Reviewed briefing');
  await caretInSection(app, 'Summary');
  await app.keyboard.insertText('The visit framed North Korea as a global threat to Europe.');
  await expectSaved(app);

  // Nothing selected: the panel says what to do instead of starting an empty thread.
  const panel = await inspectorTab(app, 'Comments');
  await expect(panel.getByText('No comments yet.', { exact: false })).toBeVisible();

  await selectInText(app, 'a global threat');
  await app.keyboard.press('Control+Alt+M');
  const form = panel.getByRole('form', { name: 'New comment' });
  await expect(form).toContainText('“a global threat”');
  await expect(form.getByLabel('Comment')).toBeFocused();
  await app.keyboard.insertText('Whose words are these? Cite the speech.');
  await app.keyboard.press('Control+Enter');

  const first = thread(panel);
  await expect(first).toHaveCount(1);
  await expect(first.getByRole('list', { name: 'Comments' })).toContainText('Whose words are these? Cite the speech.');
  await expect(editorText(app).locator('mark.comment-mark')).toHaveText('a global threat');
  await expect(form).toHaveCount(0);

  await first.getByLabel('Reply').fill('The Secretary General’s, at Keio University.');
  await first.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(first.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);

  await first.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel.getByText('Every comment is resolved.')).toBeVisible();
  await expect(editorText(app).locator('mark.comment-mark')).toHaveClass(/comment-mark-resolved/);
  await panel.getByLabel('Show resolved (1)').check();
  await expect(first).toContainText('Resolved by');
  await first.getByRole('button', { name: 'Reopen' }).click();
  await expect(first.getByRole('button', { name: 'Resolve' })).toBeVisible();
  await expectSaved(app);

  // The briefings list shows what a reviewer left open.
  await app.getByRole('button', { name: 'All briefings' }).click();
  const row = app.getByRole('table', { name: 'Briefings' }).getByRole('row', { name: /Reviewed briefing/ });
  await expect(row.getByRole('cell').nth(5)).toHaveText('1');
  await row.getByRole('button', { name: 'Reviewed briefing', exact: true }).click();

  await app.reload();
  const again = await inspectorTab(app, 'Comments');
  await expect(thread(again)).toHaveCount(1);
  await expect(editorText(app).locator('mark.comment-mark')).toHaveText('a global threat');
  await thread(again).getByRole('button', { name: 'Show the commented words: a global threat' }).click();
  await expect.poll(() => selectedText(app)).toBe('a global threat');

  await thread(again).getByRole('button', { name: 'Delete thread' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Delete this comment thread?' });
  await confirm.getByRole('button', { name: 'Delete thread' }).click();
  await expect(thread(again)).toHaveCount(0);
  await expect(editorText(app).locator('mark.comment-mark')).toHaveCount(0);
  await expect(editorText(app)).toContainText('The visit framed North Korea as a global threat to Europe.');
});
