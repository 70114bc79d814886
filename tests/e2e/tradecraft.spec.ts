import { expect, test } from './support/fixtures';
import { callHost, createBriefing, expectSaved, inspectorTab, seedQuote } from './support/briefings';
import { addJudgement, judgementBlock, linkBySearch } from './support/judgements';

test.describe.configure({ timeout: 120_000 });

test('tradecraft checks fire and clear as a judgement is worded and sourced, and the argument picture opens its evidence @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  await app.setViewportSize({ width: 1400, height: 2200 });
  const speech = await seedQuote(host, 'Speech at the National Press Club', 'Pressure is key.');
  const report = await seedQuote(host, 'Wire report on the Tokyo speech', 'He said pressure was key.');
  await createBriefing(app, 'Checked briefing');
  const problems = await inspectorTab(app, 'Problems');
  await expect(problems).toContainText('No problems');

  await addJudgement(app, 1, 'NATO may keep up pressure on Pyongyang.', 'unlikely (20–45%)', 'High confidence');
  await expect(problems.getByRole('button', { name: /Key judgement 1: This judgement has no supporting evidence/ })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Key judgement 1: “may” is a vague hedge/ })).toBeVisible();
  // Severity shows as a word and an icon, not colour alone; errors come first, counted per severity.
  await expect(problems.getByLabel('Problems by severity')).toHaveText(/1 error.*1 warning/);
  await expect(problems.getByRole('listitem').first()).toContainText('Error: Key judgement 1: This judgement has no supporting evidence');
  await expect(problems.getByRole('listitem').last()).toContainText('Warning: Key judgement 1: “may” is a vague hedge');
  // A problem with words to blame selects them in the statement.
  await problems.getByRole('button', { name: /“may” is a vague hedge/ }).click();
  const selected = await judgementBlock(app, 1)
    .getByLabel('Statement')
    .evaluate((field) => {
      const area = field as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
  expect(selected).toBe('may');

  // Probability words that disagree with the likelihood, then agree.
  const statement = judgementBlock(app, 1).getByLabel('Statement');
  await statement.fill('NATO will very likely keep up pressure on Pyongyang.');
  await expect(
    problems.getByRole('button', { name: /The statement says “very likely” .* but the judgement's likelihood is unlikely/ }),
  ).toBeVisible();
  await expect(problems.getByRole('button', { name: /vague hedge/ })).toHaveCount(0);
  await judgementBlock(app, 1).getByLabel('Likelihood').selectOption({ label: 'very likely (80–95%)' });
  await expect(problems.getByRole('button', { name: /The statement says/ })).toHaveCount(0);

  // Likelihood and confidence in one sentence of the rationale (ICD 203 keeps them apart).
  await judgementBlock(app, 1).getByLabel('Rationale').fill('We judge this very likely, with high confidence.');
  await expect(problems.getByRole('button', { name: /gives both a likelihood and a confidence level/ })).toBeVisible();
  await judgementBlock(app, 1).getByLabel('Rationale').fill('Allies repeated the line in Tokyo and Seoul. Our confidence is high.');
  await expect(problems.getByRole('button', { name: /gives both a likelihood and a confidence level/ })).toHaveCount(0);

  // Evidence: one source is a single strand; a second, independent one clears it.
  await statement.click();
  await linkBySearch(app, 'pressure is key', 'Supports', 'Pressure is key');
  await inspectorTab(app, 'Problems');
  await expect(problems.getByRole('button', { name: /no supporting evidence/ })).toHaveCount(0);
  await expect(problems.getByRole('button', { name: /comes from a single independent source/ })).toBeVisible();
  await linkBySearch(app, 'pressure was key', 'Supports', 'He said pressure was key');
  await inspectorTab(app, 'Problems');
  await expect(problems.getByRole('button', { name: /single independent source/ })).toHaveCount(0);

  // The wire report rests on the speech: after a derived-from link they count once again.
  await callHost(host, 'sources.link', { sourceId: report.sourceId, originId: speech.sourceId });
  await expectSaved(app);
  await app.keyboard.press('Alt+1');
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Checked briefing' }).click();
  const problem = problems.getByRole('button', { name: /Key judgement 1: Its support .* comes from a single independent source/ });
  await expect(problem).toBeVisible();
  // A problem takes the analyst to its judgement.
  await problem.click();
  await expect((await inspectorTab(app, 'Evidence')).getByRole('heading', { name: 'Evidence for key judgement 1' })).toBeVisible();

  // The argument picture: the judgement with its evidence, thin ground marked; an item opens in the library.
  await app.keyboard.press('Control+Shift+A');
  const picture = app.getByRole('dialog', { name: 'Argument picture' });
  await expect(picture.getByRole('button', { name: /^Supports: Pressure is key/ })).toBeVisible();
  await expect(picture.getByRole('button', { name: /^Supports: He said pressure was key/ })).toBeVisible();
  await picture.getByRole('button', { name: /^Supports: Pressure is key/ }).click();
  await expect(picture).toHaveCount(0);
  await expect(app.getByRole('heading', { level: 1, name: 'Speech at the National Press Club' })).toBeVisible();
});
