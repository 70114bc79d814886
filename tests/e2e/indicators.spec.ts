import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { createBriefing, inspectorTab, seedQuote } from './support/briefings';
import { addJudgement } from './support/judgements';

const INDICATOR = 'A NATO–Japan partnership programme is signed';

test('an indicator added to a judgement is marked seen with a quote, listed in the due list, opens its judgement and reaches Annex E @web', async ({
  app,
  host,
  workdir,
}) => {
  if (!host) throw new Error('browser host only: the quote is seeded through its HTTP API');
  await seedQuote(host, 'Joint statement, Tokyo', 'Japan and NATO signed an individual partnership programme.');
  await createBriefing(app, 'Indicators e2e');
  await addJudgement(app, 1, 'Japan will deepen its partnership with NATO.', 'likely (55–80%)', 'Moderate confidence');

  // Add it with a review day already past: the panel says it is overdue, in words.
  const panel = (await inspectorTab(app, 'Evidence')).getByRole('region', { name: 'Indicators for key judgement 1' });
  await panel.getByRole('button', { name: 'Add indicator for key judgement 1' }).click();
  const form = panel.getByRole('form', { name: 'New indicator for key judgement 1' });
  await form.getByRole('textbox', { name: 'What would be observed' }).fill(INDICATOR);
  await form.getByLabel('Review by').fill('2017-12-01');
  await form.getByRole('button', { name: 'Add indicator' }).click();
  const item = panel.getByRole('listitem', { name: `Indicator: ${INDICATOR.slice(0, 60)}` });
  await expect(item).toContainText('Would be seen if true · Not yet seen · Review by 2017-12-01 ⚠ Overdue');

  // Mark it seen: the day defaults to today; the evidence comes from the library search.
  await item.getByRole('button', { name: /^Mark seen: “A NATO–Japan partnership .*”$/ }).click();
  const sighting = item.getByRole('form', { name: /^Mark “A NATO–Japan/ });
  const today = await app.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  await expect(sighting.getByLabel('Seen on')).toHaveValue(today);
  await sighting.getByRole('searchbox', { name: 'Find the evidence it was seen in' }).fill('partnership programme');
  await sighting.getByRole('button', { name: /^Seen in “Japan and NATO signed/ }).click();
  await sighting.getByRole('button', { name: 'Save sighting' }).click();
  await expect(item).toContainText(`Seen on ${today} in “Japan and NATO signed an individual partnership programme.”`);
  await expect(item).not.toContainText('Overdue');

  // The due list (Alt+7) shows it; the Seen filter keeps it, the other filter says none; its link opens the judgement.
  await app.keyboard.press('Alt+7');
  await expect(app.getByRole('heading', { level: 1, name: 'Indicators' })).toBeVisible();
  const table = app.getByRole('table', { name: 'Indicators' });
  await expect(table.getByRole('row').nth(1)).toContainText(INDICATOR);
  await expect(table.getByRole('row').nth(1)).toContainText(`Seen on ${today}`);
  // The filter is one line above the table, as a view's filter: its legend beside its three choices, not on a frame's border.
  const centres = await app
    .getByRole('group', { name: 'Show' })
    .locator('legend, input')
    .evaluateAll((parts) => parts.map((part) => Math.round(part.getBoundingClientRect().top + part.getBoundingClientRect().height / 2)));
  expect(Math.max(...centres) - Math.min(...centres), `the legend's and choices' centres: ${centres.join(', ')}`).toBeLessThanOrEqual(4);
  await app.getByRole('radio', { name: 'Not yet seen' }).check();
  await expect(app.getByText('No indicators are not yet seen.')).toBeVisible();
  await app.getByRole('radio', { name: 'Seen', exact: true }).check();
  await table.getByRole('link', { name: 'Key judgement in “Indicators e2e”: Japan will deepen its partnership with NATO.' }).click();
  await expect(app).toHaveURL(/#\/briefings\/[\w-]+\/judgements\/[\w-]+$/);
  await expect(app.getByRole('heading', { level: 1, name: 'Indicators e2e' })).toBeVisible();

  // Exported, the briefing carries Annex E with the indicator and its sighting.
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await dialog.getByRole('radio', { name: 'Web page (HTML)' }).check();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export/ }).click();
  const file = join(workdir, 'indicators.html');
  await (await downloading).saveAs(file);
  const html = readFileSync(file, 'utf8');
  expect(html).toContain('<h2 id="annex-e">Annex E: Indicators</h2>');
  expect(html).toContain(`<td>${INDICATOR}</td>`);
  expect(html).toContain(`Seen on ${today}: “Japan and NATO signed an individual partnership programme.” (Joint statement, Tokyo)`);
});
