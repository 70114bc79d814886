import { join } from 'node:path';
import { buildSampleWorkspace } from '../../db/sample-workspace';
import { expect, test as base } from './support/fixtures';
import { editorText } from './support/briefings';

const TITLE = 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017';

// The workbench opens the sample workspace, built as `warrant sample` builds it.
const test = base.extend({
  workspacePath: async ({ workdir }, use) => {
    const path = join(workdir, 'sample.warrant');
    buildSampleWorkspace(path);
    await use(path);
  },
});

test.describe.configure({ timeout: 90_000 });

test('the sample workspace opens: its briefing loads in the editor with live citations, and its library shows grades and derived-from links', async ({ app }) => {
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
  const editor = editorText(app);
  await expect(editor).toContainText('“pressure is key”');
  await expect(editor.getByRole('button', { name: /^Citation \d+$/ })).toHaveCount(12);
  await expect(editor.getByRole('button', { name: /^Broken citation/ })).toHaveCount(0);
  // The editor's own count agrees with the one the builder stored.
  await expect(app.getByRole('region', { name: 'Word count' })).toContainText('661 / 1,100 words');
  await expect(app.getByRole('region', { name: 'Problems' })).toContainText('No problems');

  await editor.getByRole('button', { name: 'Citation 3' }).hover();
  const tip = app.getByRole('tooltip', { name: /pressure is key/ });
  await expect(tip).toContainText('Speech by NATO Secretary General Jens Stoltenberg at the National Press Club of Japan, Tokyo · grade A2');

  await app.keyboard.press('Alt+1');
  await expect(app.getByRole('button', { name: /^Open “/ })).toHaveCount(8);
  await app.getByRole('button', { name: 'Open “NATO chief presses for full enforcement of North Korea sanctions in Tokyo speech”' }).click();
  const derived = app.getByRole('region', { name: 'Derived from' });
  await expect(derived.getByRole('button', { name: /^Speech by NATO Secretary General/ })).toBeVisible();
  await expect(derived.getByRole('button', { name: 'Evening bulletin: NATO head calls North Korea a threat to the whole world', exact: true })).toBeVisible();
});
