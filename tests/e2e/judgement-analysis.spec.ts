import { expect, test } from './support/fixtures';
import { callHost, createBriefing, inspectorTab, seedQuote } from './support/briefings';
import { addJudgement, judgementBlock, linkBySearch } from './support/judgements';

test.describe.configure({ timeout: 120_000 });

test('a judgement citing a trailing hypothesis is warned until the matrix changes, and over-confidence shows its reasons @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser host only: the evidence and the matrix are seeded through its HTTP API');
  await app.setViewportSize({ width: 1400, height: 2000 });
  await seedQuote(host, 'Speech at Keio University', 'We stand with our American ally.');
  await seedQuote(host, 'Commentary in the Korea Herald', 'The trip was about Pyongyang, not Washington.');
  // H1 leads: the one argument is inconsistent with H2 only.
  const matrix = await callHost<{ id: string; hypotheses: { id: string }[]; items: { id: string }[] }>(host, 'ach.create', {
    title: 'Why Tokyo and Seoul',
    hypotheses: ['Pressure on Pyongyang', 'Solidarity with the US'],
  });
  const rated = await callHost<{ items: { id: string }[] }>(host, 'ach.addItem', {
    matrixId: matrix.id,
    item: { kind: 'argument', text: 'Statements named the weapons, not the alliance' },
  });
  await callHost(host, 'ach.rate', {
    matrixId: matrix.id,
    itemId: rated.items[0]?.id,
    hypothesisId: matrix.hypotheses[1]?.id,
    rating: 'I',
    expected: 'N',
  });

  await createBriefing(app, 'Why he went');
  await addJudgement(app, 1, 'The visit was meant to show solidarity with the United States.', 'likely (55–80%)', 'High confidence');
  await linkBySearch(app, 'American ally', 'Supports', 'We stand with our American ally');
  await linkBySearch(app, 'not Washington', 'Contradicts', 'The trip was about Pyongyang');

  // Confidence with its reasons, beside the stated one; high is two levels above it.
  const advice = judgementBlock(app, 1).getByText(/^Suggested:/);
  await expect(advice).toHaveText(
    'Suggested: low — one independent source, one contradicting item not addressed (stated two levels higher)',
  );
  await advice.click();
  await expect(judgementBlock(app, 1).getByRole('list', { name: 'Factors behind the suggestion' }).getByRole('listitem')).toHaveText([
    '±0 one independent source',
    '+1 support from reliable sources, information confirmed or probable',
    '−1 one contradicting item not addressed',
  ]);
  const problems = await inspectorTab(app, 'Problems');
  const overConfident = problems.getByRole('button', { name: /Key judgement 1: Stated high confidence is two levels above .* \(low: / });
  await expect(overConfident).toBeVisible();

  // Cite the matrix, naming the hypothesis that trails: the panel shows the leader, the check fires with the numbers.
  const evidence = await inspectorTab(app, 'Evidence');
  const cited = evidence.getByRole('region', { name: 'Cited ACH matrix' });
  await cited.getByLabel('Matrix').selectOption({ label: 'Why Tokyo and Seoul' });
  await cited.getByLabel('Hypothesis it supports').selectOption({ label: 'Solidarity with the US' });
  await cited.getByRole('button', { name: 'Cite matrix' }).click();
  await expect(cited.getByLabel('Matrix standing')).toHaveText(
    /^Leader: “Pressure on Pyongyang”, margin [\d.]+ \(weighted inconsistency\)\. This judgement’s hypothesis: ranked below “Pressure on Pyongyang”/,
  );
  await inspectorTab(app, 'Problems');
  const disagrees = problems.getByRole('button', {
    name: /Key judgement 1: The matrix “Why Tokyo and Seoul” ranks .* “Solidarity with the US”, below “Pressure on Pyongyang”: weighted inconsistency [\d.]+ against 0/,
  });
  await expect(disagrees).toBeVisible();

  // Rate the argument very inconsistent with H1 in the grid: solidarity now leads, and the check clears.
  await (
    await inspectorTab(app, 'Evidence')
  )
    .getByRole('region', { name: 'Cited ACH matrix' })
    .getByRole('button', { name: 'Open the matrix' })
    .click();
  await expect(app.getByRole('heading', { level: 1, name: 'Why Tokyo and Seoul' })).toBeVisible();
  const grid = app.getByRole('grid', { name: 'Ratings of the evidence against each hypothesis' });
  await grid.locator('[data-cell="0:0"]').click();
  await app.keyboard.press('Shift+I');
  await expect(grid.locator('[data-cell="0:0"]')).toHaveAttribute('data-rating', 'II');
  await expect(app.getByRole('status').filter({ hasText: /leads/ })).toHaveText(/H2 leads: “Solidarity with the US”/);
  await app.goBack();
  await expect(judgementBlock(app, 1)).toBeVisible();
  await inspectorTab(app, 'Problems');
  await expect(overConfident).toBeVisible();
  await expect(disagrees).toHaveCount(0);
  await judgementBlock(app, 1).getByLabel('Statement').click();
  await expect((await inspectorTab(app, 'Evidence')).getByLabel('Matrix standing')).toHaveText(
    /^Leader: “Solidarity with the US”, margin [\d.]+ \(weighted inconsistency\)\. This judgement’s hypothesis: leads by [\d.]+\.$/,
  );

  // A rationale that takes up the contradiction lifts the suggestion to moderate: the over-confidence check clears.
  await judgementBlock(app, 1).getByLabel('Rationale').fill('Although the Herald reads it otherwise, the speech says so plainly.');
  await expect(advice).toHaveText('Suggested: moderate — one independent source');
  await inspectorTab(app, 'Problems');
  await expect(overConfident).toHaveCount(0);
});
