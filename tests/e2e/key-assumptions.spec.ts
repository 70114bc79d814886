import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { createBriefing, inspectorTab } from './support/briefings';
import { addJudgement } from './support/judgements';

test.describe.configure({ timeout: 120_000 });

test('an assumption marked unsupported and linked to a judgement fires its check, shows in the evidence panel and reaches Annex D @web', async ({
  app,
}) => {
  await createBriefing(app, 'Sanctions outlook e2e');
  await addJudgement(app, 1, 'NATO will very likely keep backing the pressure campaign.', 'very likely (80–95%)', 'High confidence');

  // The command opens the tab from the palette; the tab is reachable by keyboard like the others.
  await app.keyboard.press('Control+Shift+P');
  // Typed once the palette's field has focus, as a user sees it first: keys sent before it opens
  // would go to the judgement's Confidence list that has focus.
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await app.keyboard.type('key assumptions');
  // The field holds what was typed and the command leads the list before Enter runs it.
  await expect(palette.getByRole('combobox', { name: 'Command' })).toHaveValue('key assumptions');
  await expect(palette.getByRole('option').first()).toHaveAccessibleName(/^Key assumptions of the briefing/);
  await app.keyboard.press('Enter');
  const tab = app.getByRole('complementary', { name: 'Inspector' }).getByRole('tab', { name: 'Assumptions' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = app.getByRole('region', { name: 'Assumptions', exact: true });
  await expect(panel).toContainText('No assumptions recorded yet.');

  await panel.getByRole('button', { name: 'Add assumption…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a key assumption' });
  await dialog.getByLabel('Assumption', { exact: true }).fill('Allies stay <b>agreed</b> on sanctions.');
  await dialog.getByLabel('Status').selectOption({ label: 'Caveated' });
  await dialog.getByRole('button', { name: 'Add assumption' }).click();
  // A caveated assumption must say its caveat: the field says so and nothing is saved.
  await expect(dialog.getByText('Say what the caveat is.')).toBeVisible();
  await dialog.getByLabel('Status').selectOption({ label: 'Unsupported' });
  await dialog.getByLabel('What would show it wrong').fill('An Ally breaks ranks\nA waiver is granted');
  await dialog.getByRole('button', { name: 'Add assumption' }).click();
  await expect(dialog).toBeHidden();

  const card = panel.getByRole('listitem', { name: /^A1: Allies stay/ });
  await expect(card).toContainText('Unsupported');
  await expect(card.getByRole('list', { name: 'What would show A1 wrong' })).toContainText('A waiver is granted');
  await card
    .getByLabel('Key judgement to rest on A1')
    .selectOption({ label: 'Key judgement 1: NATO will very likely keep backing the pressure ca…' });
  await card.getByRole('button', { name: 'Link judgement' }).click();
  await expect(card.getByRole('list', { name: 'Key judgements resting on A1' })).toContainText('Key judgement 1');

  const problems = await inspectorTab(app, 'Problems');
  await expect(
    problems.getByRole('button', { name: /Key judgement 1: Rests on the unsupported assumption “Allies stay <b>agreed<\/b>/ }),
  ).toBeVisible();
  const evidence = await inspectorTab(app, 'Evidence');
  await expect(evidence.getByRole('list', { name: 'Assumptions it rests on' })).toContainText(
    'Unsupported Allies stay <b>agreed</b> on sanctions.',
  );
  await expect(evidence.getByRole('region', { name: 'Change log' })).toContainText('Rests on assumptions: (none) →');

  await app.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = app.getByRole('dialog', { name: 'Export briefing' });
  await expect(exportDialog.getByRole('region', { name: 'Problems before export' })).toContainText('Rests on the unsupported assumption');
  await exportDialog.getByRole('radio', { name: 'Markdown' }).check();
  const downloading = app.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export anyway' }).click();
  const markdown = readFileSync(await (await downloading).path(), 'utf8');
  expect(markdown).toContain('## Annex D: Key assumptions');
  expect(markdown).toContain('**Status:** Unsupported');
  expect(markdown).toContain('Key judgements resting on it: 1.');
  expect(markdown).not.toContain('<b>agreed</b>');

  // Deleting asks first; once gone, the check clears.
  await inspectorTab(app, 'Assumptions');
  await card.getByRole('button', { name: 'Delete A1' }).click();
  await app.getByRole('alertdialog', { name: 'Delete A1?' }).getByRole('button', { name: 'Delete assumption' }).click();
  await expect(panel).toContainText('No assumptions recorded yet.');
  await inspectorTab(app, 'Problems');
  await expect(problems.getByRole('button', { name: /unsupported assumption/ })).toHaveCount(0);
});
