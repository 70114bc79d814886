import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { sampleTest } from './support/sample-test';

/*
 * Every main view of the sample workspace checked by axe-core against WCAG 2.1 A and AA: names and
 * roles of every control, structure, and contrast. It runs in the dark theme, where the browser's
 * own colours and the theme's part ways (native selects on the browser's grey, a matrix on white
 * from a fallback colour both failed it); the theme's own colour pairs are held to AA in both themes
 * by tests/unit/theme-contrast.test.ts.
 */
test.describe.configure({ timeout: 90_000 });

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What axe finds once the view is `ready`, one line per rule and element, so a failure says where
 * to look. The shell around the views (header, navigation, status bar) is the same in each: it is
 * checked with the first view, and the others check their main area only (the inspector's tabs,
 * the inspector). axe is put into the page
 * once (the workbench never reloads between views) and run in it as the page's own script.
 */
async function audit(app: Page, view: string, ready: () => Promise<void>, scope = 'main'): Promise<void> {
  await ready();
  if (!(await app.evaluate('typeof window.axe === "object"'))) await app.evaluate(axe.source);
  const found = (await app.evaluate(`axe
    .run(${scope === 'page' ? 'document' : `document.querySelector(${JSON.stringify(scope)})`}, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} } })
    .then((result) => result.violations.flatMap((violation) => violation.nodes.map((node) => violation.id + ': ' + node.target.join(' '))))`)) as string[];
  expect(found, view).toEqual([]);
}

sampleTest('every main view meets WCAG 2.1 AA as axe-core checks it, in the dark theme @web', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  const nav = app.getByRole('navigation', { name: 'Main' });
  const go = (view: string) => nav.getByRole('button', { name: view }).click();

  await audit(app, 'Library', () => expect(app.getByRole('button', { name: /^Open “/ }).first()).toBeVisible(), 'page');
  await app.getByRole('button', { name: /^Open “Speech by NATO/ }).click();
  await audit(app, 'Source', () => expect(app.getByRole('heading', { level: 1, name: /^Speech by NATO/ })).toBeVisible());

  await go('Briefings');
  await audit(app, 'Briefings', () => expect(app.getByRole('table', { name: 'Briefings' })).toBeVisible());
  await app
    .getByRole('navigation', { name: 'Briefings list' })
    .getByRole('button', { name: /NATO Secretary General in Tokyo/ })
    .click();
  await audit(app, 'Briefing', () => expect(app.getByRole('complementary', { name: 'Inspector' })).toBeVisible());
  const inspector = app.getByRole('complementary', { name: 'Inspector' });
  for (const tab of ['Assumptions', 'Problems', 'Library', 'Revisions', 'Comments']) {
    await inspector.getByRole('tab', { name: tab }).click();
    await audit(
      app,
      `Briefing, ${tab} tab`,
      async () => {
        await expect(inspector.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
        await expect(inspector.getByRole('tabpanel')).toBeVisible();
      },
      'aside[aria-label="Inspector"]',
    );
  }

  await go('Analysis');
  await audit(app, 'Analysis', () => expect(app.getByRole('table', { name: 'Matrices' })).toBeVisible());
  await app.getByRole('link', { name: /Why the Secretary General/ }).click();
  await audit(app, 'Matrix', () => expect(app.getByRole('grid').first()).toBeVisible());

  for (const [view, ready] of [
    ['Indicators', () => expect(app.getByRole('heading', { level: 1, name: 'Indicators' })).toBeVisible()],
    ['Tags', () => expect(app.getByRole('list', { name: 'All tags' })).toBeVisible()],
    ['Settings', () => expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()],
    ['Trash', () => expect(app.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible()],
    ['Team', () => expect(app.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible()],
  ] as const) {
    await go(view);
    await audit(app, view, ready);
  }
});
