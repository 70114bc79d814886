import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_WORKSPACE } from '../../src/sample';
import { expect, test } from './support/fixtures';
import { editorText, hoverUntilCard, inspectorTab } from './support/briefings';
import { judgementBlock } from './support/judgements';
import { sampleTest } from './support/sample-test';

const TITLE = 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017';
const STATEMENTS = SAMPLE_WORKSPACE.judgements.map((j) => j.statement);

test.describe.configure({ timeout: 90_000 });

sampleTest(
  'the sample workspace opens: its briefing loads in the editor with live citations and key judgements, and its library shows grades and derived-from links',
  async ({ app }) => {
    await app.keyboard.press('Alt+2');
    await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
    const editor = editorText(app);
    await expect(editor).toContainText('“pressure is key”');
    await expect(editor.getByRole('button', { name: /^Citation \d+$/ })).toHaveCount(12);
    await expect(editor.getByRole('button', { name: /^Broken citation/ })).toHaveCount(0);
    for (const [index, statement] of STATEMENTS.entries())
      await expect(editor.getByRole('group', { name: `Key judgement ${index + 1}` }).getByLabel('Statement', { exact: true })).toHaveValue(
        statement,
      );
    await expect(editor.getByRole('group', { name: /^Key judgement \d+$/ })).toHaveCount(4);
    // The editor's own count (judgement statements included) agrees with the one the builder stored.
    await expect(app.getByRole('region', { name: 'Word count' })).toContainText('792 / 1,100 words');
    // The checks flag the judgement that rests on one strand of reporting, and nothing else.
    const problems = await inspectorTab(app, 'Problems');
    await expect(
      problems.getByRole('button', { name: /^Warning: Key judgement 4: Its support .* comes from a single independent source/ }),
    ).toBeVisible();
    await expect(problems.getByRole('listitem')).toHaveCount(1);

    await hoverUntilCard(app, editor.getByRole('button', { name: 'Citation 3' }), app.getByRole('tooltip', { name: /pressure is key/ }), [
      'Speech by NATO Secretary General Jens Stoltenberg at the National Press Club of Japan, Tokyo · grade A2',
    ]);

    await app.keyboard.press('Alt+1');
    await expect(app.getByRole('button', { name: /^Open “/ })).toHaveCount(8);
    await app
      .getByRole('button', { name: 'Open “NATO chief presses for full enforcement of North Korea sanctions in Tokyo speech”' })
      .click();
    const derived = app.getByRole('region', { name: 'Derived from' });
    await expect(derived.getByRole('button', { name: /^Speech by NATO Secretary General/ })).toBeVisible();
    await expect(
      derived.getByRole('button', { name: 'Evening bulletin: NATO head calls North Korea a threat to the whole world', exact: true }),
    ).toBeVisible();
    // A workspace with sources gets no sample offer.
    await expect(app.getByRole('button', { name: 'Open the sample workspace' })).toHaveCount(0);
  },
);

sampleTest('a source’s Used in lists each key judgement once, saying how many of its quotes link it', async ({ app }) => {
  await app.keyboard.press('Alt+1');
  await app.getByRole('button', { name: /^Open “Speech by NATO Secretary General/ }).click();
  const judgements = app.getByRole('list', { name: 'Key judgements linking this source' }).getByRole('listitem');
  await expect(judgements).toHaveCount(4);
  // Three of the speech's quotes back the same judgement: one row says so, not three that read alike.
  await expect(judgements.filter({ hasText: 'NATO will very likely keep backing the international pressure campaign' })).toHaveText(
    /Supports \(through 3 quotes\) · NATO Secretary General in Tokyo and Seoul/,
  );
  await expect(judgements.filter({ hasText: 'NATO will likely keep presenting' })).toHaveText(/Supports · NATO Secretary General/);
});

sampleTest('citing a matrix from a key judgement’s evidence keeps its long titles inside the panel', async ({ app }) => {
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
  await judgementBlock(app, 2).getByLabel('Statement', { exact: true }).click();
  const cited = (await inspectorTab(app, 'Evidence')).getByRole('region', { name: 'Cited ACH matrix' });
  await cited.getByLabel('Matrix').selectOption({ label: 'Why the Secretary General went to Tokyo and Seoul' });
  await cited.getByLabel('Hypothesis it supports').selectOption({ label: 'To add pressure on Pyongyang to abandon its nuclear programme' });
  const panel = await cited.boundingBox();
  for (const field of ['Matrix', 'Hypothesis it supports']) {
    const box = await cited.getByLabel(field).boundingBox();
    expect(
      box && panel && box.x + box.width <= panel.x + panel.width + 0.5,
      `${field}: ${JSON.stringify(box)} in ${JSON.stringify(panel)}`,
    ).toBe(true);
  }
});

sampleTest('opening a briefing whose judgements and citations the editor brings up to date says nothing is unsaved', async ({ app }) => {
  // Every state the briefing's save indicator shows, from its first paint.
  // A string, not a function: the e2e type-check has no DOM library.
  await app.evaluate(`(() => {
    const states = (window.saveStates = []);
    new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Briefing save state"]')?.textContent ?? '';
      if (text !== '' && states.at(-1) !== text) states.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  const states = (): Promise<string[]> => app.evaluate<string[]>('window.saveStates');
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
  const editor = editorText(app);
  await expect(editor.getByRole('group', { name: /^Key judgement \d+$/ })).toHaveCount(4);
  // Past the autosave's wait (0.4 s, then an idle moment): a save the upkeep had asked for would show by now.
  await app.waitForTimeout(1_500);
  expect(await states()).toEqual(['Saved']);
  // Typing is unsaved until saved: the record would have caught it.
  await editor.getByText('“pressure is key”').first().click();
  await app.keyboard.type(' Indeed.');
  await expect.poll(states).toEqual(['Saved', 'Unsaved changes', 'Saving…', 'Saved']);
});

test('a fresh workspace offers the sample: accepting builds it beside the workspace and opens its briefing with key judgements', async ({
  app,
  workdir,
}) => {
  const offer = app.getByRole('region', { name: 'New to Warrant?' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Open the sample workspace' }).click();

  // The workbench comes back on the sample, which now lies beside the first workspace.
  await expect(app.getByRole('button', { name: /^Open “/ })).toHaveCount(8);
  await expect(app.getByRole('region', { name: 'New to Warrant?' })).toHaveCount(0);
  expect(existsSync(join(workdir, 'Warrant sample.warrant'))).toBe(true);
  await expect(app.getByText('Warrant sample.warrant')).toBeVisible();

  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
  const editor = editorText(app);
  await expect(editor.getByRole('group', { name: /^Key judgement \d+$/ })).toHaveCount(4);
  await expect(editor.getByRole('group', { name: 'Key judgement 4' }).getByLabel('Statement', { exact: true })).toHaveValue(
    STATEMENTS[3] ?? '',
  );
});

test('the sample offer can be declined and stays away', async ({ app }) => {
  const offer = app.getByRole('region', { name: 'New to Warrant?' });
  await offer.getByRole('button', { name: 'No thanks' }).click();
  await expect(offer).toHaveCount(0);
  await app.reload();
  await expect(app.getByRole('status', { name: 'Save state', exact: true })).toBeVisible();
  await expect(app.getByText('No sources yet.')).toBeVisible();
  await expect(app.getByRole('region', { name: 'New to Warrant?' })).toHaveCount(0);
});

sampleTest(
  'the sample briefing exports to a PDF from the editor, with its key judgements, notes and annex @web',
  async ({ app, host, workdir }) => {
    if (!host) throw new Error('browser-host target only');
    await app.keyboard.press('Alt+2');
    await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
    await expect(editorText(app).getByRole('group', { name: /^Key judgement \d+$/ })).toHaveCount(4);
    await app.getByRole('button', { name: 'Export…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Export briefing' });
    await expect(dialog.getByRole('region', { name: 'Problems before export' })).toContainText('Key judgement 4:');
    await dialog.getByRole('radio', { name: 'PDF' }).check();
    const downloading = app.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export anyway' }).click();
    const pdf = join(workdir, 'sample.pdf');
    await (await downloading).saveAs(pdf);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('NATO Secretary General in Tokyo and Seoul');
    for (const statement of STATEMENTS) expect(text).toContain(statement.replace(/\s+/g, ' ').slice(0, 60));
    expect(text).toMatch(/Likelihood/);
    expect(text).toMatch(/Confidence/);
    expect(text).toContain('abandon its nuclear program once and for all');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('TLP:CLEAR');
    // The annex is complete: where each source was read, when, and the speech capture's hash.
    const sample = new Database(join(workdir, 'sample.warrant'), { readonly: true });
    const { sha256 } = sample.prepare('SELECT sha256 FROM snapshots').get() as { sha256: string };
    sample.close();
    const compact = text.replace(/\s/g, '');
    expect(compact).toContain(sha256);
    // pdftotext drops a hyphen the line broke at.
    expect(compact).toMatch(/sample\.warrant\.example\/speeches\/2017-10-?31-tokyo/);
    expect(text).toMatch(/2017-11-03|3 November 2017/);
  },
);

sampleTest(
  'the sample’s matrix shows all five hypotheses beside the library panel in a 1280-pixel window, its headings whole',
  async ({ app }) => {
    await app.setViewportSize({ width: 1280, height: 800 });
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Analysis' }).click();
    await app.getByRole('link', { name: 'Why the Secretary General went to Tokyo and Seoul' }).click();
    const grid = app.getByRole('grid');
    await expect(grid.getByRole('columnheader', { name: /^H\d/ })).toHaveCount(5);
    // A string, not a function: the e2e type-check has no DOM library.
    const overflow = await app.evaluate<{ sideways: number; clipped: string[] }>(`(() => {
    const grid = document.querySelector('[role="grid"]');
    const scroller = grid.closest('.ach-grid-scroll');
    const clipped = [...grid.querySelectorAll('[role="columnheader"]')].filter((h) => h.scrollWidth > h.clientWidth).map((h) => h.textContent);
    return { sideways: scroller.scrollWidth - scroller.clientWidth, clipped };
  })()`);
    expect(overflow).toEqual({ sideways: 0, clipped: [] });
    await expect(grid.getByRole('columnheader', { name: 'Relevance · credibility' })).toBeVisible();
    // The weights show their values under that heading; the button's name spells the scales out.
    await expect(
      grid.getByRole('button', { name: /^High · high: high relevance, high credibility\. Weigh “abandon its nuclear program/ }),
    ).toHaveText('High · high');
  },
);
