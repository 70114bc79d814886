import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved, hoverUntilCard, seedQuote, inspectorTab } from './support/briefings';

// These drive long editing sessions; on the shared 2-core machine they can pass 30 s.
test.describe.configure({ timeout: 90_000 });

test('citing by drag and by quick-cite; a deleted quote shows as a broken reference until restored @web', async ({ app, host }) => {
  if (!host) throw new Error('browser-host target only');
  await seedQuote(host, 'Speech at Keio University', 'North Korea is a global threat and needs a global response.');
  await seedQuote(host, 'Press conference in Seoul', 'We must keep up the pressure on Pyongyang.');
  await createBriefing(app, 'Citations briefing');
  const editor = editorText(app);

  // Drag a quote from the library panel into the Summary.
  await caretInSection(app, 'Summary');
  await app.keyboard.type('The Secretary General called it a global threat.');
  const library = await inspectorTab(app, 'Library');
  const item = library.getByRole('listitem').filter({ hasText: 'needs a global response' });
  await item.dragTo(editor.locator('section').first().locator('p').first());
  const first = editor.getByRole('button', { name: 'Citation 1' });
  await expect(first).toBeVisible();

  // Quick-cite: shortcut, type to search, Enter inserts at the caret.
  await caretInSection(app, 'Analysis');
  await app.keyboard.type('Pressure will continue.');
  await app.keyboard.press('Control+Shift+K');
  const picker = app.getByRole('dialog', { name: 'Cite from the library' });
  await picker.getByRole('combobox', { name: 'Search the library to cite' }).fill('pressure');
  await expect(picker.getByRole('option').first()).toContainText('keep up the pressure');
  await app.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(editor.getByRole('button', { name: 'Citation 2' })).toBeVisible();

  // The caret right after a citation shows its details (keyboard access), as hovering does.
  await expect(app.getByRole('tooltip', { name: /keep up the pressure/ })).toContainText('Press conference in Seoul · grade B2');
  const tip = app.getByRole('tooltip', { name: /North Korea/ });
  await hoverUntilCard(app, first, tip, ['North Korea is a global threat', 'Speech at Keio University · grade B2']);
  // Drawn outside the text (whose blocks are layout-contained), so no later block paints over it.
  await expect(editor.getByRole('tooltip')).toHaveCount(0);
  await expectSaved(app);

  // Delete the cited quote: asked first, naming the briefing; Cancel keeps it.
  // The list may still be re-sorting as the library's reads come back: a click that landed on a
  // row that moved opens another source, so it is made again until the speech is open.
  await expect(async () => {
    await app.keyboard.press('Alt+1');
    await app.getByRole('button', { name: 'Open “Speech at Keio University”' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Speech at Keio University' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const quotes = app.getByRole('list', { name: 'Quotes' });
  await quotes.getByRole('button', { name: /^Delete quote “North Korea/ }).click();
  const ask = app.getByRole('alertdialog', { name: 'Move this quote to the trash?' });
  await expect(ask).toContainText('it is cited in “Citations briefing”');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(quotes.getByRole('listitem')).toHaveCount(1);
  // Confirmed, the citation stays, broken, and is listed under Problems.
  await quotes.getByRole('button', { name: /^Delete quote “North Korea/ }).click();
  await ask.getByRole('button', { name: 'Move to trash' }).click();
  await expect(quotes.getByRole('listitem')).toHaveCount(0);

  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Citations briefing' }).click();
  await expect(editor.getByRole('button', { name: 'Broken citation 1' })).toBeVisible();
  const problems = await inspectorTab(app, 'Problems');
  await expect(problems.getByRole('button', { name: 'Error: Citation 1: the cited quote is in the trash' })).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Citation 2' })).toBeVisible();

  // Restoring the quote from the trash heals it.
  await app.keyboard.press('Alt+3');
  await app.getByRole('button', { name: /^Restore “North Korea is a global threat/ }).click();
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Citations briefing' }).click();
  await expect(editor.getByRole('button', { name: 'Citation 1' })).toBeVisible();
  await expect(problems).toContainText('No problems');

  // End puts the caret after a paragraph's last citation; a citation is one unit to the keyboard
  // and the clipboard: one Shift+Left selects it, a paste makes a citation of its own (numbered
  // after the others), one Backspace deletes it whole.
  await caretInSection(app, 'Analysis');
  await app.keyboard.press('Shift+ArrowLeft');
  await app.keyboard.press('Control+C');
  await app.keyboard.press('End');
  await app.keyboard.type(' Again.');
  await app.keyboard.press('Control+V');
  await expect(editor.getByRole('button', { name: 'Citation 3' })).toBeVisible();
  await app.keyboard.press('Backspace');
  await expect(editor.getByRole('button', { name: /Citation/ })).toHaveCount(2);
  await expect(editor.locator('p').filter({ hasText: 'Pressure will continue.' })).toHaveText(/^Pressure will continue\.\[2\] Again\.$/);
});
