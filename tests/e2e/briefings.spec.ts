import { expect, test } from './support/fixtures';
import {
  callHost,
  caretInSection,
  createBriefing,
  editorText,
  expectSaved,
  goToBriefings,
  sectionCounts,
  titleDetails,
} from './support/briefings';

// These drive long editing sessions; on the shared 2-core machine they can pass 30 s.
test.describe.configure({ timeout: 90_000 });

test('a Briefing starts from its template and takes every kind of formatting, a table and an image', async ({ app }) => {
  await createBriefing(app, 'Stoltenberg in Tokyo and Seoul');
  const editor = editorText(app);
  for (const heading of ['Summary', 'Background', 'Analysis', 'Key Judgements']) {
    await expect(editor.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  const counts = await sectionCounts(app);
  await expect(counts).toContainText('0 / 1,100 words');
  await expect(counts).toContainText('Key Judgements');

  await caretInSection(app, 'Summary');
  await app.keyboard.type('NATO ');
  await app.keyboard.press('Control+B');
  await app.keyboard.type('urged');
  await app.keyboard.press('Control+B');
  await app.keyboard.type(' ');
  await app.keyboard.press('Control+I');
  await app.keyboard.type('maximum');
  await app.keyboard.press('Control+I');
  await app.keyboard.type(' ');
  await app.keyboard.press('Control+U');
  await app.keyboard.type('pressure');
  await app.keyboard.press('Control+U');
  await app.keyboard.type(' on ');
  await app.keyboard.press('Control+Shift+X');
  await app.keyboard.type('Pyongyang');
  await app.keyboard.press('Control+Shift+X');
  await expect(editor.locator('strong, .ed-bold', { hasText: 'urged' }).first()).toBeVisible();
  await expect(editor.locator('.ed-italic', { hasText: 'maximum' })).toBeVisible();
  await expect(editor.locator('.ed-underline', { hasText: 'pressure' })).toBeVisible();
  await expect(editor.locator('.ed-strike', { hasText: 'Pyongyang' })).toBeVisible();

  // Lists, quote and a link through the toolbar.
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  await caretInSection(app, 'Background');
  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await app.keyboard.type('Visit to Tokyo');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Visit to Seoul');
  await expect(editor.getByRole('list').getByRole('listitem')).toHaveCount(2);
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Numbered list' }).click();
  await app.keyboard.type('First step');
  await expect(editor.locator('ol li', { hasText: 'First step' })).toBeVisible();
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await toolbar.getByLabel('Block style').selectOption('quote');
  await app.keyboard.type('A global threat needs a global response.');
  await expect(editor.locator('blockquote')).toHaveText('A global threat needs a global response.');

  await caretInSection(app, 'Analysis');
  await app.keyboard.type('Read the statement');
  await app.keyboard.press('Shift+Home');
  await toolbar.getByRole('button', { name: 'Link' }).click();
  await app.getByLabel('Link address').fill('javascript:alert(1)');
  await app.getByRole('button', { name: 'Apply link' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Use an http://, https:// or mailto: address.' })).toBeVisible();
  await app.getByLabel('Link address').fill('https://www.nato.int/');
  await app.getByRole('button', { name: 'Apply link' }).click();
  await expect(editor.getByRole('link', { name: 'Read the statement' })).toHaveAttribute('href', 'https://www.nato.int/');

  // A table, then an image picked from disk and stored in the workspace.
  await caretInSection(app, 'Analysis');
  await app.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Insert table' }).click();
  await expect(editor.getByRole('table')).toBeVisible();
  await expect(editor.getByRole('table').getByRole('row')).toHaveCount(3);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await caretInSection(app, 'Background');
  await app.getByLabel('Image file').setInputFiles({ name: 'map.png', mimeType: 'image/png', buffer: png });
  const image = editor.getByRole('img', { name: 'map.png' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^blob:/);

  // Undo and redo.
  await caretInSection(app, 'Summary');
  await app.keyboard.type(' today');
  await expect(editor).toContainText('Pyongyang today');
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(editor).not.toContainText('Pyongyang today');
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(editor).toContainText('Pyongyang today');

  await expectSaved(app);
  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Stoltenberg in Tokyo and Seoul' }).click();
  await expect(editor.locator('.ed-strike', { hasText: 'Pyongyang' })).toBeVisible();
  await expect(editor.getByRole('table')).toBeVisible();
  await expect(editor.getByRole('img', { name: 'map.png' })).toBeVisible();
  await expect(editor.getByRole('link', { name: 'Read the statement' })).toBeVisible();
});

test('a briefing is tagged in its title block and keeps its tags after a reload', async ({ app }) => {
  await createBriefing(app, 'Tagged briefing');
  const titleBlock = await titleDetails(app);
  await titleBlock.getByLabel('Tag briefing').fill('Region/Asia-Pacific');
  await titleBlock.getByRole('button', { name: 'Add tag' }).click();
  await titleBlock.getByLabel('Tag briefing').fill('Actor/NATO');
  await titleBlock.getByLabel('Tag briefing').press('Enter');
  const chips = titleBlock.getByRole('list', { name: 'Tags' });
  await expect(chips.getByRole('listitem')).toHaveText([/Region\/Asia-Pacific/, /Actor\/NATO/]);
  await chips.getByRole('button', { name: 'Remove tag Region/Asia-Pacific' }).click();
  await expect(chips.getByRole('listitem')).toHaveText([/Actor\/NATO/]);

  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Tagged briefing' }).click();
  await expect((await titleDetails(app)).getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([/Actor\/NATO/]);
});

test('a new analyst gives their name with their first briefing: it is the author, kept in Settings, and not asked again', async ({
  app,
}) => {
  await goToBriefings(app);
  await app.getByRole('button', { name: 'New briefing' }).click();
  const dialog = app.getByRole('dialog', { name: 'New briefing' });
  const name = dialog.getByRole('textbox', { name: 'Your name' });
  await expect(name).toHaveAccessibleDescription(/author, and the name on your changes/);
  await name.fill('Dana Whitfield');
  // A title is still needed: the dialog says so at the field, and goes back to it.
  await dialog.getByRole('button', { name: 'Create briefing' }).click();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByLabel('Title')).toHaveAccessibleDescription('Give the briefing a title.');
  await dialog.getByLabel('Title').fill('First briefing');
  await dialog.getByRole('button', { name: 'Create briefing' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'First briefing' })).toBeVisible();
  await expect((await titleDetails(app)).getByLabel('Author')).toHaveValue('Dana Whitfield');

  await app.getByRole('button', { name: 'New briefing' }).click();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByLabel('Analyst name')).toHaveValue('Dana Whitfield');
});

test('a name set in another window while New briefing asks for one is not overwritten @web', async ({ app, host }) => {
  if (!host) throw new Error('browser host only: the other window is the host’s HTTP API');
  await goToBriefings(app);
  await app.getByRole('button', { name: 'New briefing' }).click();
  const dialog = app.getByRole('dialog', { name: 'New briefing' });
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeVisible();
  await callHost(host, 'settings.update', { analystName: 'Name From Elsewhere' });

  await dialog.getByLabel('Title').fill('Second window');
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Dana Whitfield');
  await dialog.getByRole('button', { name: 'Create briefing' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^Your name was set in another window meanwhile/);
  expect((await callHost<{ analystName: string }>(host, 'settings.get', {})).analystName).toBe('Name From Elsewhere');
  // Emptied, the field leaves the stored name in place, and the briefing takes it.
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('');
  await dialog.getByRole('button', { name: 'Create briefing' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Second window' })).toBeVisible();
  await expect((await titleDetails(app)).getByLabel('Author')).toHaveValue('Name From Elsewhere');
});
