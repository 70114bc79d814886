import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, inspectorTab } from './support/briefings';

function palette(app: Page) {
  return app.getByRole('dialog', { name: 'Command palette' });
}

function mainNav(app: Page) {
  return app.getByRole('navigation', { name: 'Main' });
}

test('the palette opens on Ctrl+Shift+P and Ctrl+K, filters fuzzily and runs a command by keyboard alone', async ({ app }) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();

  await app.keyboard.press('Control+Shift+P');
  const dialog = palette(app);
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('combobox', { name: 'Command' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  // Each command shows its shortcut in this platform's notation.
  await expect(dialog.getByRole('option', { name: /Go to Library/ })).toContainText('Alt+1');
  await expect(dialog.getByRole('option', { name: /Command palette/ })).toContainText('Ctrl+Shift+P');
  // Only what applies here: no briefing is open, so nothing acts on one.
  await expect(dialog.getByRole('option', { name: /Export the briefing/ })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: 'New source' })).toBeVisible();
  // Its own chord closes it again.
  await app.keyboard.press('Control+K');
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Control+K');
  await expect(dialog).toBeHidden();

  await app.keyboard.press('Control+K');
  await expect(field).toBeFocused();
  await app.keyboard.type('gotrs');
  const options = dialog.getByRole('option');
  await expect(options.first()).toHaveAccessibleName(/^Go to Trash/);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? 'missing');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(app).toHaveURL(/#\/trash$/);

  // Arrow keys move through the list; a command whose view is elsewhere goes there and runs.
  await app.keyboard.press('Control+K');
  await expect(field).toBeFocused();
  await app.keyboard.type('new');
  await app.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await app.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await field.fill('new briefing');
  await expect(options.first()).toHaveAccessibleName(/^New briefing/);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'New briefing' })).toBeVisible();
  await expect(app).toHaveURL(/#\/briefings$/);

  await app.getByRole('dialog', { name: 'New briefing' }).getByRole('button', { name: 'Cancel' }).click();
  await app.keyboard.press('Control+K');
  await field.fill('matrix');
  await expect(options.first()).toHaveAccessibleName(/^New ACH matrix…/);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'New matrix' })).toBeVisible();
  await expect(app).toHaveURL(/#\/analysis$/);
  await app.getByRole('dialog', { name: 'New matrix' }).getByRole('button', { name: 'Cancel' }).click();
  await app.keyboard.press('Control+K');
  await expect(field).toBeFocused();
  await app.keyboard.type('zzzz');
  await expect(dialog.getByText('No command matches “zzzz”.')).toBeVisible();
});

test('inside the editor Ctrl+K inserts a link and Ctrl+Shift+P opens the palette with the editor’s commands', async ({ app }) => {
  await createBriefing(app, 'Palette in the editor');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Seoul');
  await app.keyboard.press('Shift+Home');

  await app.keyboard.press('Control+K');
  await expect(app.getByLabel('Link address')).toBeFocused();
  await expect(palette(app)).toBeHidden();
  await app.getByRole('button', { name: 'Cancel' }).click();

  await caretInSection(app, 'Summary');
  await app.keyboard.press('End');
  await app.keyboard.press('Shift+Home');
  await app.keyboard.press('Control+Shift+P');
  const dialog = palette(app);
  await expect(dialog.getByRole('option', { name: /Export the briefing/ })).toContainText('Ctrl+Shift+E');
  await expect(dialog.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await app.keyboard.type('bold');
  await expect(dialog.getByRole('option').first()).toHaveAccessibleName(/^Bold.*Ctrl\+B/);
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(editorText(app).locator('strong, .ed-bold', { hasText: 'Seoul' }).first()).toBeVisible();
  await expect(editorText(app)).toBeFocused();

  // A command with no key of its own is still one palette away.
  await app.keyboard.press('Control+Shift+P');
  await expect(dialog.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await app.keyboard.type('save rev');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('textbox', { name: 'Revision name' })).toBeFocused();
});

test('? shows the shortcuts sheet, grouped, unless it is typed into a field', async ({ app }) => {
  const search = app.getByLabel('Search the library');
  await search.click();
  await app.keyboard.type('why?');
  await expect(search).toHaveValue('why?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // "/" is the library search's shortcut; outside a field neither key is typed anywhere.
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const group of ['General', 'Go to', 'Library', 'Briefings', 'Analysis', 'Editor', 'Workspace'])
    await expect(sheet.getByRole('region', { name: group })).toBeVisible();
  const row = (name: string) => sheet.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Command palette')).toContainText('Ctrl+Shift+P or Ctrl+K');
  await expect(row('Go to Briefings')).toContainText('Alt+2');
  await expect(row('Bold')).toContainText('Ctrl+B');
  await expect(row('Move a key judgement up')).toContainText('Alt+↑');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();

  await app.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('why?');
});

test('buttons carry aria-keyshortcuts and tooltips from the command table', async ({ app }) => {
  const nav = mainNav(app);
  await expect(nav.getByRole('button', { name: 'Library' })).toHaveAttribute('aria-keyshortcuts', 'Alt+1');
  await expect(nav.getByRole('button', { name: 'Library' })).toHaveAttribute('title', 'Library (Alt+1)');
  await expect(nav.getByRole('button', { name: 'Tags' })).toHaveAttribute('aria-keyshortcuts', 'Alt+5');
  await expect(app.getByRole('button', { name: 'Save a copy…' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+S');
  await expect(app.getByRole('button', { name: 'New source' })).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
  await expect(app.getByRole('button', { name: 'Import…' })).toHaveAttribute('title', 'Import… (Alt+I)');
  await expect(app.getByLabel('Search the library')).toHaveAttribute('aria-keyshortcuts', '/');

  await createBriefing(app, 'Shortcut labels');
  await expect(app.getByRole('button', { name: 'Export…' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+E');
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-keyshortcuts', 'Control+B');
  await expect(toolbar.getByRole('button', { name: 'Link' })).toHaveAttribute('aria-keyshortcuts', 'Control+K');
  await expect(toolbar.getByRole('button', { name: 'Add key judgement' })).toHaveAttribute('title', 'Add key judgement (Ctrl+Shift+Enter)');
});

test('typing in the palette or a dialog over the editor stays there when the editor sets its selection behind it', async ({ app }) => {
  await createBriefing(app, 'Selection behind dialogs');
  // The editor's code loads after the briefing's heading shows: its text must be there to select in.
  await expect(editorText(app)).toBeEditable();
  // What a background update does (a saved judgement coming back): the editor puts the document's
  // selection back into its text while a dialog over it has the focus.
  const editorSetsItsSelection = () =>
    app.evaluate(`(() => {
      const text = document.createTreeWalker(document.querySelector('[contenteditable="true"]'), NodeFilter.SHOW_TEXT).nextNode();
      window.getSelection().setBaseAndExtent(text, 0, text, 1);
    })()`);

  await app.keyboard.press('Control+Shift+P');
  const field = app.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Command' });
  await expect(field).toBeFocused();
  await app.keyboard.type('key');
  await editorSetsItsSelection();
  await app.keyboard.type(' assumptions');
  await expect(field).toHaveValue('key assumptions');
  await app.keyboard.press('Escape');

  const panel = await inspectorTab(app, 'Assumptions');
  await panel.getByRole('button', { name: 'Add assumption…' }).click();
  const assumption = app.getByRole('dialog', { name: 'Add a key assumption' }).getByLabel('Assumption', { exact: true });
  await assumption.click();
  await app.keyboard.type('Allies stay');
  await editorSetsItsSelection();
  await app.keyboard.type(' agreed.');
  await expect(assumption).toHaveValue('Allies stay agreed.');
});
