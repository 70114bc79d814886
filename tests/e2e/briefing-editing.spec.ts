import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved, goToBriefings, inspectorTab, sectionCounts } from './support/briefings';

// These drive long editing sessions; on the shared 2-core machine they can pass 30 s.
test.describe.configure({ timeout: 90_000 });

const words = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ');

test('the word count is live per section and crosses the product limit and a section cap', async ({ app }) => {
  await createBriefing(app, 'Long briefing');
  const counts = await sectionCounts(app);
  await caretInSection(app, 'Key Judgements');
  await app.keyboard.insertText(words(148));
  await expect(counts.getByRole('listitem').filter({ hasText: 'Key Judgements' })).toContainText('148 / 150 — near the limit');
  await app.keyboard.type(' one two three');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Key Judgements' })).toContainText('151 / 150 — over by 1');

  await caretInSection(app, 'Analysis');
  await app.keyboard.insertText(words(945));
  await expect(counts.getByText('1,096 / 1,100 words — near the limit')).toBeVisible();
  for (const word of [' alpha', ' bravo', ' charlie', ' delta', ' echo', ' foxtrot']) await app.keyboard.type(word);
  await expect(counts.getByText('1,102 / 1,100 words — over by 2')).toBeVisible();
  // Headings are not counted: renaming one changes nothing, and the section keeps its cap.
  const heading = editorText(app).getByRole('heading', { name: 'Key Judgements' });
  await heading.click();
  await app.keyboard.press('End');
  await app.keyboard.type(' and outlook');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Key Judgements and outlook' })).toContainText('151 / 150');
  await expect(counts.getByText('1,102 / 1,100 words — over by 2')).toBeVisible();
  await expectSaved(app);
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'All briefings' }).click();
  await expect(app.getByRole('table', { name: 'Briefings' }).getByRole('row', { name: /Long briefing/ })).toContainText('1,102 / 1,100');
});

test('a named revision can be viewed with a diff and restored, and restoring is a new revision', async ({ app }) => {
  await createBriefing(app, 'Revisions briefing');
  const editor = editorText(app);
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Original assessment of the visit.');
  await expectSaved(app);
  const revisions = await inspectorTab(app, 'Revisions');
  await revisions.getByLabel('Revision name').fill('Before desk review');
  await revisions.getByRole('button', { name: 'Save revision' }).click();
  await expect(revisions.getByRole('button', { name: /Before desk review/ })).toBeVisible();

  await caretInSection(app, 'Summary');
  await app.keyboard.press('Shift+Home');
  await app.keyboard.type('Rewritten after review.');
  await expect(editor).toContainText('Rewritten after review.');
  await revisions.getByRole('button', { name: /Before desk review/ }).click();
  const viewer = app.getByRole('dialog', { name: 'Revision: Before desk review' });
  const diff = viewer.getByLabel('Differences from the current text');
  await expect(diff.locator('del')).toHaveText('Original assessment of the visit.');
  await expect(diff.locator('ins')).toHaveText('Rewritten after review.');
  await viewer.getByRole('button', { name: 'Restore this revision' }).click();
  await app.getByRole('alertdialog', { name: 'Restore this revision?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(editor).toContainText('Original assessment of the visit.');
  await expect(editor).not.toContainText('Rewritten after review.');
  await expect(revisions.getByRole('button', { name: /Restored from Before desk review/ })).toBeVisible();
  await expect(revisions.getByRole('button', { name: /Before restoring/ })).toBeVisible();
});

test('switching briefings within 50 ms of a keystroke loses nothing', async ({ app }) => {
  await createBriefing(app, 'First briefing');
  await createBriefing(app, 'Second briefing');
  const nav = app.getByRole('navigation', { name: 'Briefings list' });
  for (let round = 1; round <= 3; round += 1) {
    await nav.getByRole('button', { name: 'First briefing' }).click();
    await caretInSection(app, 'Summary');
    await app.keyboard.type(` r${round}`);
    await app.waitForTimeout(20);
    await nav.getByRole('button', { name: 'Second briefing' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Second briefing' })).toBeVisible();
  }
  await app.reload();
  await app.keyboard.press('Alt+2');
  await nav.getByRole('button', { name: 'First briefing' }).click();
  await expect(editorText(app)).toContainText('r1 r2 r3');
});

test('closing the page within 50 ms of a keystroke loses nothing @web', async ({ app, context, host }) => {
  if (!host) throw new Error('browser-host target only');
  await createBriefing(app, 'Closing briefing');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Typed just before closing');
  await app.waitForTimeout(20);
  await app.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(host.url);
  await goToBriefings(again);
  await again.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Closing briefing' }).click();
  await expect(editorText(again)).toContainText('Typed just before closing');
});

test('a stored body that fails to parse opens in a recovery view with its text, not a blank editor @web', async ({
  app,
  host,
  workspacePath,
}) => {
  if (!host) throw new Error('browser-host target only');
  await createBriefing(app, 'Damaged briefing');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Text that must survive.');
  await expectSaved(app);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(workspacePath);
  db.pragma('busy_timeout = 5000');
  db.prepare(
    `UPDATE briefings SET body = substr(body, 1, length(body) / 2) || '{"type":"unknown-node"' WHERE title = 'Damaged briefing'`,
  ).run();
  db.close();

  await app.reload();
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Damaged briefing' }).click();
  const recovery = app.getByRole('region', { name: 'Recovery' });
  await expect(recovery.getByRole('alert')).toContainText('could not be opened in the editor');
  await expect(recovery.getByLabel('Recovered text')).toContainText('Text that must survive.');
  await expect(editorText(app)).toHaveCount(0);

  await recovery.getByRole('button', { name: 'Rebuild from this text' }).click();
  await expect(editorText(app)).toContainText('Text that must survive.');
  await expect((await inspectorTab(app, 'Revisions')).getByRole('button', { name: /Damaged text before recovery/ })).toBeVisible();
});

test('briefings are found by title and text in the library search', async ({ app }) => {
  await createBriefing(app, 'Aegis Ashore outlook');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Deployment debated in Akita prefecture.');
  await expectSaved(app);
  await app.keyboard.press('Alt+1');
  await app.getByLabel('Search the library').fill('akita');
  const group = app.getByRole('region', { name: 'Briefings' });
  await expect(group.getByRole('button', { name: /Aegis Ashore outlook/ })).toBeVisible();
  await group.getByRole('button', { name: /Aegis Ashore outlook/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Aegis Ashore outlook' })).toBeVisible();
});

test('users add a product type with its own limit and sections, and a briefing starts from it', async ({ app }) => {
  await app.keyboard.press('Alt+2');
  await app.getByRole('button', { name: 'New product type' }).click();
  const dialog = app.getByRole('dialog', { name: 'New product type' });
  await dialog.getByLabel('Name').fill('Spot report');
  await dialog.getByLabel('Word limit').fill('300');
  await dialog.getByLabel('Sections').fill('What happened\nSo what | 80\nAnnex');
  await dialog.getByRole('button', { name: 'Add product type' }).click();
  await expect(app.getByText('Added the product type “Spot report”.')).toBeVisible();

  await createBriefing(app, 'Missile launch spot report', 'Spot report (up to 300 words)');
  const counts = await sectionCounts(app);
  await expect(counts).toContainText('0 / 300 words');
  await expect(counts.getByRole('listitem').filter({ hasText: 'So what' })).toContainText('0 / 80');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Annex' })).toContainText('(not counted)');
});

test('an update the analyst did not make does not pull the keys typed in another field into the briefing', async ({ app }) => {
  await createBriefing(app, 'Keys stay where they are typed');
  await editorText(app).click();
  await app.keyboard.type('Pressure is key');
  const marking = app.getByRole('textbox', { name: 'Handling marking' });
  await marking.click();
  await app.keyboard.press('End');
  await app.keyboard.type(' A');
  // A change to the text arriving from elsewhere (a saved judgement's statement coming back, a
  // teammate's edit): the page's own Lexical editor, updated as those paths update it.
  await app.evaluate(`(() => {
    const editor = document.querySelector('[contenteditable="true"]').__lexicalEditor;
    editor.update(() => {
      const text = editor._pendingEditorState._nodeMap.get('root').getAllTextNodes()[0];
      text.setTextContent(text.getTextContent() + ' (revised)');
    });
  })()`);
  await expect(editorText(app)).toContainText('(revised)');
  await app.keyboard.type('MBER');
  await expect(marking).toHaveValue('TLP:CLEAR AMBER');
  await expect(marking).toBeFocused();
  await expect(editorText(app)).not.toContainText('MBER');
});
