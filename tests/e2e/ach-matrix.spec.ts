import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { callHost, seedQuote } from './support/briefings';

function grid(app: Page): Locator {
  return app.getByRole('grid', { name: 'Ratings of the evidence against each hypothesis' });
}

/** The cell of row `row` (0-based item) and hypothesis column `column` (0-based). */
function cell(app: Page, row: number, column: number): Locator {
  return grid(app).locator(`[data-cell="${row}:${column}"]`);
}

test('a 3 × 6 matrix built and rated by keyboard ranks its hypotheses, and the leader changes when the item it hangs on goes @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser host only: the quote is seeded through its HTTP API');
  await seedQuote(host, 'Speech at Keio University', 'Pyongyang must abandon its nuclear programme.');

  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Analysis' }).click();
  await expect(app.getByText('No matrices yet.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'New matrix…' })).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
  await app.keyboard.press('Alt+N');
  const dialog = app.getByRole('dialog', { name: 'New matrix' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await dialog.getByLabel('Title').fill('Why Tokyo and Seoul');
  await dialog.getByLabel('Question').fill('Why did the Secretary General visit in 2017?');
  await dialog.getByLabel('Hypotheses').fill('Pressure on Pyongyang\nSolidarity with the US');
  await dialog.getByRole('button', { name: 'Create matrix' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Why Tokyo and Seoul' })).toBeVisible();
  await expect(app).toHaveURL(/#\/analysis\/[\w-]+$/);
  // The reminder hypothesis came with the two written ones.
  await expect(app.getByRole('region', { name: 'Hypotheses' }).getByRole('listitem')).toHaveText([
    /Pressure on Pyongyang/,
    /Solidarity with the US/,
    /None of the above, or deception/,
  ]);
  // Each hypothesis keeps its list short above the grid: no heading or empty-state text for indicators it has none of, just the way to add one.
  const hypotheses = app.getByRole('region', { name: 'Hypotheses' });
  await expect(hypotheses.getByRole('button', { name: 'Add indicator for hypothesis “Pressure on Pyongyang”' })).toBeVisible();
  // Removing a hypothesis asks first, and its button says so.
  await hypotheses.getByRole('button', { name: 'Remove hypothesis “Solidarity with the US”…' }).click();
  const removing = app.getByRole('alertdialog', { name: 'Remove this hypothesis?' });
  await expect(removing).toContainText('“Solidarity with the US” goes with its column of ratings.');
  await removing.getByRole('button', { name: 'Cancel' }).click();
  await expect(hypotheses.getByRole('listitem')).toHaveCount(3);
  await expect(hypotheses.getByRole('heading', { name: 'Indicators' })).toHaveCount(0);
  await expect(hypotheses.getByText(/None yet/)).toHaveCount(0);
  await expect(app.getByText('Add evidence items: quotes or sources from the library')).toBeVisible();

  // Six items: one quote from the library, five in words.
  await app.getByLabel('Find a quote or source to add').fill('Pyongyang nuclear');
  await app.getByRole('button', { name: /Add quote “Pyongyang must abandon/ }).click();
  const worded: [string, string][] = [
    ['Argument', 'The visit followed a missile test'],
    ['Argument', 'Joint statements named North Korea'],
    ['Assumption', 'Allies coordinate visit timing'],
    ['Absence of evidence', 'No new exercise was announced'],
    ['Argument', 'The schedule was set a year before'],
  ];
  for (const [kind, text] of worded) {
    await app.getByLabel('Kind of item').selectOption({ label: kind });
    await app.getByLabel('Item in words').fill(text);
    await app.getByRole('button', { name: 'Add item' }).click();
    await expect(grid(app).getByRole('rowheader', { name: new RegExp(text) })).toBeVisible();
  }
  await expect(grid(app).getByRole('row')).toHaveCount(1 + 6 + 1);
  // The grid is virtual: it says how big it is, and where each rendered cell sits.
  await expect(grid(app)).toHaveAttribute('aria-rowcount', '8');
  await expect(grid(app)).toHaveAttribute('aria-colcount', '6');
  await expect(cell(app, 2, 1)).toHaveAttribute('aria-colindex', '5');
  await expect(
    grid(app)
      .getByRole('row')
      .filter({ has: app.locator('[data-cell="2:1"]') }),
  ).toHaveAttribute('aria-rowindex', '4');

  // Rate by keyboard, across each row (H1, H2, H3), from the first cell.
  await cell(app, 0, 0).click();
  const rows = ['cIn', 'cin', 'cnn', 'nnn', 'nnn', 'Icn'];
  for (const row of rows) for (const key of row) await app.keyboard.press(key === key.toUpperCase() && key !== 'n' ? `Shift+${key}` : key);
  await expect(cell(app, 0, 1)).toHaveAttribute('data-rating', 'II');
  await expect(cell(app, 5, 0)).toHaveAttribute('data-rating', 'II');

  // H1: II on the last item (2 × medium × medium = 2); H2: II on the quote (2 × 1 × high credibility 2 = 4) + I (1) = 5; H3: none.
  const status = app.getByRole('status').filter({ hasText: /leads|No hypothesis leads/ });
  await expect(status).toHaveText(/H3 leads: “None of the above, or deception”, by 2 over H1/);
  // Items rated alike across the board tell nothing: greyed as such.
  await expect(
    grid(app).getByRole('row').filter({ hasText: 'Allies coordinate visit timing' }).getByText('none', { exact: true }),
  ).toBeVisible();

  // Undo the last change (the last row's N against H3 changed nothing, so it is the C against H2) and redo it.
  await app.keyboard.press('Control+z');
  await expect(cell(app, 5, 1)).toHaveAttribute('data-rating', 'N');
  await app.keyboard.press('Control+y');
  await expect(cell(app, 5, 1)).toHaveAttribute('data-rating', 'C');

  // Evidence against H3 (II on the missile test, I on the joint statements: 3) puts H1 (2) ahead,
  // hanging on the missile test: without it H3 leads again.
  await cell(app, 1, 2).click();
  await app.keyboard.press('Shift+I');
  await cell(app, 2, 2).click();
  await app.keyboard.press('i');
  await expect(status).toHaveText(/H1 leads: “Pressure on Pyongyang”/);
  await expect(app.getByRole('list', { name: 'Items the conclusion hangs on' })).toContainText('The visit followed a missile test');

  await grid(app)
    .getByRole('button', { name: /Weigh “The visit followed a missile test”/ })
    .click();
  await app.getByRole('dialog', { name: 'Weigh the evidence item' }).getByRole('button', { name: 'Remove from the matrix…' }).click();
  await app.getByRole('alertdialog', { name: 'Remove this item?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(grid(app).getByRole('rowheader', { name: /The visit followed a missile test/ })).toHaveCount(0);
  await expect(status).toHaveText(/H3 leads/);

  // The CSV carries the same figures: H1 2, H2 4 (the quote's II; the missile test's I went with it), H3 1.
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Download as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('Why Tokyo and Seoul.csv');
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0]).toContain('H3: None of the above, or deception');
  expect(csv.at(-2)).toBe(',,Weighted inconsistency (lower is stronger),,,,,2,4,1');

  // The list shows the matrix with its counts.
  await app.getByRole('link', { name: 'All matrices' }).click();
  const listed = app.getByRole('table', { name: 'Matrices' }).locator('tr').filter({ hasText: 'Why Tokyo and Seoul' });
  await expect(listed.getByRole('cell', { name: '5', exact: true })).toBeVisible();
  await expect(listed.getByRole('cell', { name: '3', exact: true })).toBeVisible();
});

test('a quote dragged in from the library panel becomes an item weighed by its grades, and the heat map reads each square out @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser host only: the quote and matrix are seeded through its HTTP API');
  await seedQuote(host, 'Speech at Keio University', 'Pyongyang must abandon its nuclear programme.');
  await callHost(host, 'ach.create', { title: 'Why Tokyo and Seoul', hypotheses: ['Pressure on Pyongyang', 'Solidarity with the US'] });

  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Analysis' }).click();
  await app.getByRole('link', { name: 'Why Tokyo and Seoul' }).click();
  // Source B with information 2: both in the high band, so the item starts at high credibility.
  await app
    .getByRole('list', { name: 'Evidence to add' })
    .getByRole('listitem')
    .filter({ hasText: 'Pyongyang must abandon' })
    .dragTo(app.getByRole('region', { name: 'Ratings' }).getByText('Drop quotes or sources here'));
  await expect(grid(app).getByRole('rowheader', { name: /Pyongyang must abandon/ })).toBeVisible();
  await expect(grid(app).getByRole('button', { name: /Weigh “Pyongyang must abandon/ })).toHaveText('Medium · high');
  await cell(app, 0, 0).click();
  await app.keyboard.press('Shift+I');
  await expect(cell(app, 0, 0)).toHaveAttribute('data-rating', 'II');

  await app.getByRole('group', { name: 'Show the matrix as' }).getByRole('button', { name: 'Heat map' }).click();
  await expect(grid(app)).toHaveCount(0);
  const picture = app.getByRole('img', { name: /^Heat map of 1 items against 2 hypotheses/ });
  await picture.focus();
  await expect(picture).toHaveAccessibleDescription('“Pyongyang must abandon its nuclear programme.” against H1: II, very inconsistent');
  await app.keyboard.press('ArrowRight');
  await expect(picture).toHaveAccessibleDescription(/against H2: N, neutral or not applicable$/);
  const counts = app.getByRole('table', { name: 'Ratings per hypothesis' });
  await expect(counts.getByRole('row', { name: /H1 Pressure on Pyongyang/ }).getByRole('cell')).toHaveText(['0', '0', '0', '0', '1', '4']);
  await expect(counts.getByRole('row', { name: /H2 Solidarity with the US \(leads\)/ })).toBeVisible();
});
