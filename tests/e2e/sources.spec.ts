import { rmSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { addSource, fillSourceForm } from './support/sources';

test('a new source starts ungraded and is graded deliberately; one saved without a grade is listed as ungraded', async ({ app }) => {
  // The page keeps its own CSP: zod's probe for eval (as the form's schemas loaded) was refused by it.
  await app.addInitScript({
    content:
      "window.refusedByPolicy = []; document.addEventListener('securitypolicyviolation', (e) => window.refusedByPolicy.push(e.violatedDirective + ' ' + e.sourceFile));",
  });
  await app.reload();
  await expect(app.getByText('No sources yet.')).toBeVisible();
  await app.getByRole('button', { name: 'New source' }).click();
  const dialog = app.getByRole('dialog', { name: 'New source' });
  const reliability = dialog.getByLabel('Reliability', { exact: true });
  await expect(reliability).toHaveValue('');
  await expect(reliability.getByRole('option', { selected: true })).toHaveText('Ungraded');
  await expect(reliability.getByRole('option')).toHaveText([
    'Ungraded',
    'A — Completely reliable',
    'B — Usually reliable',
    'C — Fairly reliable',
    'D — Not usually reliable',
    'E — Unreliable',
    'F — Reliability cannot be judged',
  ]);

  await fillSourceForm(app, 'New source', {
    title: 'Remarks by NATO Secretary General in Tokyo',
    kind: 'Speech',
    url: 'https://www.nato.int/cps/en/natohq/opinions_148152.htm',
    author: 'Jens Stoltenberg',
    publisher: 'NATO',
    published: '2017-10-31',
    reliability: 'B — Usually reliable',
    notes: 'Keio University speech.',
  });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // Saving opens the new source; the library lists it.
  await expect(app.getByRole('heading', { level: 1, name: 'Remarks by NATO Secretary General in Tokyo' })).toBeVisible();
  await app.getByRole('button', { name: '← Back to the library' }).click();

  const row = app.getByRole('row', { name: /Remarks by NATO Secretary General in Tokyo/ });
  await expect(row.getByRole('cell', { name: 'Speech' })).toBeVisible();
  await expect(row.getByText('B', { exact: true })).toBeVisible();
  expect(await app.evaluate('window.refusedByPolicy')).toEqual([]);
  await expect(row.getByRole('cell', { name: 'Jens Stoltenberg' })).toBeVisible();
  await expect(app.getByText('1 source')).toBeVisible();

  await addSource(app, { title: 'Joint press statement, Seoul' });
  const ungraded = app.getByRole('row', { name: /Joint press statement, Seoul/ });
  await expect(ungraded.getByText('Ungraded')).toBeVisible();
});

test('the list fits the window: at 1280 pixels the publisher column gives way so Edit and Delete stay in view, then the author and the tags; a wider window shows them', async ({
  app,
}) => {
  await addSource(app, { title: 'Remarks in Tokyo', author: 'Jens Stoltenberg', publisher: 'NATO Public Diplomacy Division' });
  const row = app.getByRole('row', { name: /Remarks in Tokyo/ });
  const table = app.getByRole('table', { name: 'Sources' });
  // The scroller's content is no wider than the scroller: nothing is hidden to the right.
  const overflowsSideways = `(() => { const s = document.querySelector('.source-scroller'); return s.scrollWidth > s.clientWidth; })()`;

  await app.setViewportSize({ width: 1280, height: 720 });
  await expect(row.getByRole('button', { name: 'Delete “Remarks in Tokyo”' })).toBeInViewport({ ratio: 1 });
  await expect(row.getByRole('button', { name: 'Edit “Remarks in Tokyo”' })).toBeInViewport({ ratio: 1 });
  await expect(table.getByRole('columnheader', { name: 'Publisher' })).toBeHidden();
  await expect(row.getByRole('cell', { name: 'Jens Stoltenberg' })).toBeVisible();
  expect(await app.evaluate(overflowsSideways)).toBe(false);

  await app.setViewportSize({ width: 1100, height: 720 });
  await expect(table.getByRole('columnheader', { name: 'Author' })).toBeHidden();
  await expect(row.getByRole('button', { name: 'Delete “Remarks in Tokyo”' })).toBeInViewport({ ratio: 1 });
  expect(await app.evaluate(overflowsSideways)).toBe(false);

  // A 1024-pixel window: the tags give way too.
  await app.setViewportSize({ width: 1024, height: 720 });
  await expect(table.getByRole('columnheader', { name: 'Tags' })).toBeHidden();
  await expect(row.getByRole('button', { name: 'Delete “Remarks in Tokyo”' })).toBeInViewport({ ratio: 1 });
  expect(await app.evaluate(overflowsSideways)).toBe(false);

  await app.setViewportSize({ width: 1700, height: 900 });
  await expect(table.getByRole('columnheader', { name: 'Tags' })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'NATO Public Diplomacy Division' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Publisher' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Delete “Remarks in Tokyo”' })).toBeInViewport({ ratio: 1 });
  expect(await app.evaluate(overflowsSideways)).toBe(false);
});

test('editing a source changes it and keeps it in the list', async ({ app }) => {
  await addSource(app, { title: 'Wire report', reliability: 'C — Fairly reliable' });
  await app.getByRole('button', { name: 'Edit “Wire report”' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit source' });
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Wire report');
  await fillSourceForm(app, 'Edit source', { title: 'Wire report (Kyodo)', reliability: 'F — Reliability cannot be judged' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = app.getByRole('row', { name: /Wire report \(Kyodo\)/ });
  await expect(row.getByText('F', { exact: true })).toBeVisible();
  await expect(app.getByText('1 source')).toBeVisible();
});

test('sorting by title orders the list, both ways', async ({ app }) => {
  for (const title of ['Bravo statement', 'Alpha speech', 'Charlie report']) await addSource(app, { title });
  await app.getByLabel('Sort by').selectOption({ label: 'Title' });
  const titles = app.getByRole('rowheader');
  await expect(titles).toHaveText(['Charlie report', 'Bravo statement', 'Alpha speech']);
  await app.getByRole('button', { name: /Sort descending/ }).click();
  await expect(titles).toHaveText(['Alpha speech', 'Bravo statement', 'Charlie report']);
});

test('invalid input gets field-level errors and nothing is saved', async ({ app }) => {
  await app.getByRole('button', { name: 'New source' }).click();
  const dialog = app.getByRole('dialog', { name: 'New source' });
  await fillSourceForm(app, 'New source', { url: 'javascript:alert(document.domain)', published: '2017-02-30' });
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog.getByRole('alert')).toHaveText('3 fields need attention.');
  const title = dialog.getByLabel('Title', { exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Give the source a title.');
  await expect(dialog.getByLabel('URL', { exact: true })).toHaveAccessibleDescription(
    'Enter a web address starting with http:// or https://.',
  );
  await expect(dialog.getByLabel('Published', { exact: true })).toHaveAccessibleDescription(
    /Use YYYY, YYYY-MM or YYYY-MM-DD with a real date\./,
  );

  await fillSourceForm(app, 'New source', { title: 'Has a title', url: 'file:///etc/passwd', published: '' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('One field needs attention.');
  await expect(dialog.getByLabel('Title', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.getByRole('alertdialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText('No sources yet.')).toBeVisible();
});

test('delete moves a source to the trash, with undo; the trash restores one item and empties only after confirming', async ({ app }) => {
  await addSource(app, { title: 'Keep me' });
  await addSource(app, { title: 'Lose me' });
  await app.getByRole('button', { name: 'Delete “Keep me”' }).click();
  await expect(app.getByRole('button', { name: 'Edit “Keep me”' })).toBeHidden();
  await expect(app.getByText('Moved “Keep me” to the trash.')).toBeVisible();
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('button', { name: 'Edit “Keep me”' })).toBeVisible();

  for (const title of ['Keep me', 'Lose me']) await app.getByRole('button', { name: `Delete “${title}”` }).click();
  await expect(app.getByText('No sources yet.')).toBeVisible();

  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trash' }).click();
  const deleted = app.getByRole('list', { name: 'Deleted items' });
  await expect(deleted.getByRole('listitem')).toHaveCount(2);
  await app.getByRole('button', { name: 'Restore “Keep me”' }).click();
  await expect(deleted.getByRole('listitem')).toHaveCount(1);

  await app.getByRole('button', { name: 'Empty trash' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Empty the trash?' });
  await expect(confirm).toContainText('1 item will be deleted for good.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(deleted.getByRole('listitem')).toHaveCount(1);
  await app.getByRole('button', { name: 'Empty trash' }).click();
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(app.getByText(/The trash is empty\./).first()).toBeVisible();

  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await expect(app.getByRole('button', { name: 'Edit “Keep me”' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Edit “Lose me”' })).toBeHidden();
});

test('keyboard: Alt+N opens a new source, Escape on a touched form asks before discarding', async ({ app }) => {
  await app.keyboard.press('Alt+N');
  const dialog = app.getByRole('dialog', { name: 'New source' });
  await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();
  await app.keyboard.type('Half-typed title');
  await app.keyboard.press('Escape');
  const confirm = app.getByRole('alertdialog', { name: 'Discard changes?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('Half-typed title');
  await app.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Half-typed title' })).toBeVisible();
});

test('a workspace file deleted while open: the next save says what happened and what to do', async ({ app, workspacePath }) => {
  await addSource(app, { title: 'Saved before the file went' });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspacePath}${suffix}`, { force: true });
  await app.getByRole('button', { name: 'New source' }).click();
  const dialog = app.getByRole('dialog', { name: 'New source' });
  await dialog.getByLabel('Title').fill('Written after');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/was deleted or moved by another program while it was open/)).toBeVisible();
  await expect(dialog).toContainText('save a copy somewhere else now (Save a Copy…, Ctrl+Shift+S)');
  await expect(app.getByRole('status', { name: 'Save state', exact: true })).toContainText('Not saved');
  // What was saved is still on screen.
  await expect(app.getByRole('button', { name: 'Open “Saved before the file went”' })).toBeVisible();
});
