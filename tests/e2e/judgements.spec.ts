import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { callHost, caretInSection, createBriefing, expectSaved, inspectorTab, sectionCounts, seedQuote } from './support/briefings';
import { addJudgement, judgementBlock, linkBySearch } from './support/judgements';

// Long editing sessions on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

const judgement = judgementBlock;

test('three judgements with likelihood and confidence, evidence for and against, independent sources, change log and back-links @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  // Tall enough that the library panel and the evidence panel show together (a drag cannot scroll).
  await app.setViewportSize({ width: 1400, height: 2200 });
  await callHost(host, 'settings.update', { analystName: 'Dana Analyst' });
  const speech = await seedQuote(host, 'Speech at the National Press Club', 'Pressure is key.');
  const report = await seedQuote(host, 'News report on the Tokyo speech', 'Stoltenberg said pressure was key to a solution.');
  await seedQuote(host, 'Joint press conference in Seoul', 'We strongly support a peaceful, negotiated solution.');
  await createBriefing(app, 'Visits to Tokyo and Seoul');

  await addJudgement(app, 1, 'NATO will keep up pressure on Pyongyang.', 'very likely (80–95%)', 'High confidence');
  await addJudgement(app, 2, 'Japan will deepen its partnership with NATO.', 'likely (55–80%)', 'Moderate confidence');
  await app.keyboard.press('Control+Shift+Enter');
  await expect(judgement(app, 3).getByLabel('Statement')).toBeFocused();
  await app.keyboard.type('Seoul will join a NATO exercise.');
  await judgement(app, 3).getByLabel('Likelihood').selectOption({ label: 'unlikely (20–45%)' });
  await judgement(app, 3).getByLabel('Confidence').selectOption({ label: 'Low confidence' });
  // The statements are body text of the Key Judgements section (each checked first, so a lost one is named).
  for (const [n, statement] of [
    'NATO will keep up pressure on Pyongyang.',
    'Japan will deepen its partnership with NATO.',
    'Seoul will join a NATO exercise.',
  ].entries())
    await expect(judgement(app, n + 1).getByLabel('Statement')).toHaveValue(statement);
  await expect((await sectionCounts(app)).getByRole('listitem').filter({ hasText: 'Key Judgements' })).toContainText('20 / 150');

  // Reorder from the keyboard: the third moves above the second.
  await judgement(app, 3).getByRole('button', { name: 'Move key judgement 3 up' }).focus();
  await app.keyboard.press('Alt+ArrowUp');
  await expect(judgement(app, 2).getByLabel('Statement')).toHaveValue('Seoul will join a NATO exercise.');
  await expect(judgement(app, 3).getByLabel('Statement')).toHaveValue('Japan will deepen its partnership with NATO.');

  // Evidence for the first: two supporting quotes by search, one contradicting by drag from the library.
  await judgement(app, 1).getByLabel('Statement').click();
  const panel = await inspectorTab(app, 'Evidence');
  await expect(panel.getByRole('heading', { name: 'Evidence for key judgement 1' })).toBeVisible();
  await linkBySearch(app, 'pressure is key', 'Supports', 'Pressure is key');
  await linkBySearch(app, 'Stoltenberg', 'Supports', 'Stoltenberg said pressure');
  // Dragged from the Library tab onto the Evidence tab, which links it and shows the evidence.
  const library = await inspectorTab(app, 'Library');
  await library
    .getByRole('listitem')
    .filter({ hasText: 'negotiated solution' })
    .dragTo(app.getByRole('complementary', { name: 'Inspector' }).getByRole('tab', { name: 'Evidence' }));
  const linked = panel.getByRole('list', { name: 'Linked evidence' });
  await expect(linked.getByRole('listitem')).toHaveCount(3);
  await linked.getByLabel('Stance of “We strongly support a peaceful, negotiated solution.”').selectOption({ label: 'Contradicts' });
  const counts = panel.getByLabel('Evidence counts');
  await expect(counts).toHaveText('2 supporting quotes from 2 independent sources, 1 contradicting');
  await expect(linked.getByRole('listitem').first()).toContainText('B2');
  await expect(judgement(app, 1)).toContainText('2 supporting quotes from 2 independent sources, 1 contradicting');

  // The report rests on the speech: with a derived-from link they count once.
  await callHost(host, 'sources.link', { sourceId: report.sourceId, originId: speech.sourceId });
  await expectSaved(app);
  await app.keyboard.press('Alt+1');
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Visits to Tokyo and Seoul' }).click();
  await expect(judgement(app, 1)).toContainText('2 supporting quotes from 1 independent source, 1 contradicting');

  // An edit shows in the change log beside the judgement, with the analyst's name. Reopening the
  // briefing started a new session: its entry starts from the values this session found.
  await judgement(app, 1).getByLabel('Statement').fill('NATO will keep up pressure on Pyongyang through 2018.');
  await judgement(app, 1).getByLabel('Confidence').selectOption({ label: 'Moderate confidence' });
  const log = (await inspectorTab(app, 'Evidence')).getByRole('region', { name: 'Change log' });
  const entries = log.getByRole('listitem').filter({ hasText: 'Dana Analyst' });
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText(
    'Statement: “NATO will keep up pressure on Pyongyang.” → “NATO will keep up pressure on Pyongyang through 2018.”',
  );
  await expect(entries.first()).toContainText('Confidence: High confidence → Moderate confidence');
  await expect(entries.last()).toContainText('Confidence: (none) → High confidence');
  await expectSaved(app);

  // Back-links from the quote: the judgement linking it, one click away.
  await app.keyboard.press('Alt+1');
  await app.getByRole('button', { name: 'Open “Speech at the National Press Club”' }).click();
  await app.getByRole('button', { name: 'Used in: quote “Pressure is key.”' }).click();
  const used = app.getByRole('list', { name: 'Key judgements linking this quote' });
  await expect(used).toContainText('Supports');
  await used.getByRole('button', { name: /^Open key judgement “NATO will keep up pressure on Pyongyang through 2018\.”/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Visits to Tokyo and Seoul' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Evidence for key judgement 1' })).toBeVisible();

  // An evidence item opens in the library.
  await panel.getByRole('button', { name: 'Open “Pressure is key.” in the library' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Speech at the National Press Club' })).toBeVisible();
});

test('restoring a revision restores its judgements and their evidence; a removed judgement comes back from the trash @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  await seedQuote(host, 'Speech at the National Press Club', 'Japan is a natural partner of NATO.');
  await createBriefing(app, 'Revision with judgements');
  await addJudgement(app, 1, 'Japan will stay a close partner.', 'likely (55–80%)', 'High confidence');
  await linkBySearch(app, 'natural partner', 'Supports', 'Japan is a natural partner of NATO');
  await expectSaved(app);
  const revisions = await inspectorTab(app, 'Revisions');
  await revisions.getByLabel('Revision name').fill('Agreed wording');
  await revisions.getByRole('button', { name: 'Save revision' }).click();
  await expect(revisions.getByRole('button', { name: /Agreed wording/ })).toBeVisible();

  // Change the wording, drop the evidence, add a second judgement.
  await judgement(app, 1).getByLabel('Statement').fill('Japan may drift away from NATO.');
  await judgement(app, 1).getByLabel('Likelihood').selectOption({ label: 'unlikely (20–45%)' });
  const panel = await inspectorTab(app, 'Evidence');
  await panel.getByRole('button', { name: 'Unlink “Japan is a natural partner of NATO.”' }).click();
  await expect(panel.getByLabel('Evidence counts')).toHaveText('No supporting evidence');
  await addJudgement(app, 2, 'A second judgement.', 'roughly even chance (45–55%)', 'Low confidence');
  await expectSaved(app);

  await (await inspectorTab(app, 'Revisions')).getByRole('button', { name: /Agreed wording/ }).click();
  const viewer = app.getByRole('dialog', { name: 'Revision: Agreed wording' });
  await expect(viewer.getByRole('region', { name: 'Key judgements in this revision' })).toContainText('Japan will stay a close partner.');
  await expect(viewer.getByRole('region', { name: 'Key judgements in this revision' })).toContainText(
    'likely · High confidence · 1 supports',
  );
  await viewer.getByRole('button', { name: 'Restore this revision' }).click();
  await app.getByRole('alertdialog', { name: 'Restore this revision?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(judgement(app, 1).getByLabel('Statement')).toHaveValue('Japan will stay a close partner.');
  await expect(judgement(app, 1).getByLabel('Likelihood')).toHaveValue('likely');
  await expect(judgement(app, 2)).toHaveCount(0);
  await expect(judgement(app, 1)).toContainText('1 supporting quote from 1 independent source');
  // The restore is an entry of its own in the change log, not folded into the edits it undid.
  await judgement(app, 1).getByLabel('Statement').click();
  const log = (await inspectorTab(app, 'Evidence')).getByRole('region', { name: 'Change log' });
  await expect(log.getByRole('listitem').filter({ hasText: 'Restored from Agreed wording' })).toContainText(
    'Likelihood: unlikely → likely',
  );
  await expect(log).toContainText('Likelihood: (none) → unlikely');

  // Remove it (after confirming) to the trash, then restore it from the Trash view.
  await judgement(app, 1).getByRole('button', { name: 'Remove key judgement 1' }).click();
  await app
    .getByRole('alertdialog', { name: 'Move this key judgement to the trash?' })
    .getByRole('button', { name: 'Move to trash' })
    .click();
  await expect(judgement(app, 1)).toHaveCount(0);
  await expectSaved(app);
  await app.keyboard.press('Alt+3');
  await app.getByRole('button', { name: 'Restore “Japan will stay a close partner.”' }).click();
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Revision with judgements' }).click();
  await expect(judgement(app, 1).getByLabel('Statement')).toHaveValue('Japan will stay a close partner.');
});

/**
 * Selects a judgement block as a drag across it would: a document range from just before the
 * block to just after it (Playwright's mouse cannot drag a selection over form controls reliably).
 * Resolves once the editor has taken the selection from `selectionchange`, a task later: a copy
 * pressed before that copied nothing.
 */
async function selectJudgementBlock(app: Page, n: number): Promise<void> {
  await judgementBlock(app, n).evaluate(
    (group) =>
      new Promise<void>((resolve, reject) => {
        const holder = group.closest('[data-judgement-id]');
        const section = holder?.parentElement;
        if (!holder || !section) return reject(new Error('no judgement holder'));
        const index = Array.prototype.indexOf.call(section.childNodes, holder);
        const doc = group.ownerDocument;
        const range = doc.createRange();
        range.setStart(section, index);
        range.setEnd(section, index + 1);
        // The editor's own listener was added first; its update commits in a microtask.
        doc.addEventListener('selectionchange', () => setTimeout(resolve, 0), { once: true });
        const selection = doc.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }),
  );
}

test('a copied judgement pasted into the same briefing or another becomes a judgement of its own, with the same evidence @web', async ({
  app,
  host,
}) => {
  if (!host) throw new Error('browser-host target only');
  await seedQuote(host, 'Speech at the National Press Club', 'Pressure is key.');
  await createBriefing(app, 'Paste target');
  await createBriefing(app, 'Paste origin');
  await addJudgement(app, 1, 'NATO will keep up pressure on Pyongyang.', 'very likely (80–95%)', 'High confidence');
  await linkBySearch(app, 'pressure is key', 'Supports', 'Pressure is key');
  await expectSaved(app);

  await selectJudgementBlock(app, 1);
  await app.keyboard.press('Control+C');

  // Into another briefing: the copy is that briefing's judgement, with the same evidence.
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Paste target' }).click();
  await caretInSection(app, 'Key Judgements');
  await app.keyboard.press('Control+V');
  await expect(judgement(app, 1).getByLabel('Statement')).toHaveValue('NATO will keep up pressure on Pyongyang.');
  await expect(judgement(app, 1).getByLabel('Likelihood')).toHaveValue('very-likely');
  await expect(judgement(app, 1)).toContainText('1 supporting quote from 1 independent source');
  await judgement(app, 1).getByLabel('Statement').fill('Seoul will back the pressure.');
  await expectSaved(app);

  // Into the same briefing (here at the end of Analysis, so the copy comes first): two records.
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Paste origin' }).click();
  await expect(judgement(app, 1).getByLabel('Statement')).toHaveValue('NATO will keep up pressure on Pyongyang.');
  await caretInSection(app, 'Analysis');
  await app.keyboard.press('Control+V');
  await expect(judgement(app, 2).getByLabel('Statement')).toHaveValue('NATO will keep up pressure on Pyongyang.');
  await expect(judgement(app, 1)).toContainText('1 supporting quote from 1 independent source');
  await judgement(app, 1).getByLabel('Statement').fill('NATO will add sanctions.');
  await expect(judgement(app, 2).getByLabel('Statement')).toHaveValue('NATO will keep up pressure on Pyongyang.');
  await expectSaved(app);

  // Three records in all, each bound to one block: none shared. (Statements save on a short
  // debounce of their own, so poll.)
  const allStatements = async (): Promise<string[]> => {
    const briefings = await callHost<{ items: { id: string; title: string }[] }>(host, 'briefings.list', {});
    const statements: string[] = [];
    for (const briefing of briefings.items) {
      const listed = await callHost<{ items: { statement: string }[] }>(host, 'judgements.list', { briefingId: briefing.id });
      statements.push(...listed.items.map((item) => `${briefing.title}: ${item.statement}`));
    }
    return statements.sort();
  };
  await expect
    .poll(allStatements)
    .toEqual([
      'Paste origin: NATO will add sanctions.',
      'Paste origin: NATO will keep up pressure on Pyongyang.',
      'Paste target: Seoul will back the pressure.',
    ]);
  // After a reload each block still shows its own record.
  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Paste origin' }).click();
  await expect(judgement(app, 1).getByLabel('Statement')).toHaveValue('NATO will add sanctions.');
  await expect(judgement(app, 2).getByLabel('Statement')).toHaveValue('NATO will keep up pressure on Pyongyang.');
});
