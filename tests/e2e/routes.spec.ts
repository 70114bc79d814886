import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { callHost, caretInSection, createBriefing, editorText, expectSaved, seedQuote } from './support/briefings';

const BRIEFING_ADDRESS = /#\/briefings\/([\w-]+)$/;

function mainNav(app: Page) {
  return app.getByRole('navigation', { name: 'Main' });
}

/** The id in the address of the open briefing. */
function openBriefingId(app: Page): string {
  const match = BRIEFING_ADDRESS.exec(app.url());
  if (!match?.[1]) throw new Error(`not a briefing address: ${app.url()}`);
  return match[1];
}

test('a reload returns to the open briefing with the caret where it was', async ({ app }) => {
  await createBriefing(app, 'Routed briefing');
  await expect(app).toHaveURL(BRIEFING_ADDRESS);
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Alpha bravo charlie.');
  for (let step = 0; step < 'charlie.'.length; step += 1) await app.keyboard.press('ArrowLeft');
  await expectSaved(app);
  const address = app.url();

  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Routed briefing' })).toBeVisible();
  expect(app.url()).toBe(address);
  expect(app.url(), 'the session token stays out of the address').not.toContain('token');
  await expect(editorText(app)).toBeFocused();
  await app.keyboard.type('delta ');
  await expect(editorText(app)).toContainText('Alpha bravo delta charlie.');
});

test('back and forward move between the library and a briefing', async ({ app }) => {
  await createBriefing(app, 'Back and forth');
  await mainNav(app).getByRole('button', { name: 'Library' }).click();
  await expect(app).toHaveURL(/#\/library$/);
  await expect(app.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();

  await app.goBack();
  await expect(app.getByRole('heading', { level: 1, name: 'Back and forth' })).toBeVisible();
  await expect(mainNav(app).getByRole('button', { name: 'Briefings' })).toHaveAttribute('aria-current', 'page');
  await app.goForward();
  await expect(app.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  // Alt+2 goes through the router too: a history entry of its own.
  await app.keyboard.press('Alt+2');
  await expect(app).toHaveURL(/#\/briefings$/);
  await app.goBack();
  await expect(app).toHaveURL(/#\/library$/);
});

test('a deep link opens a source and its quote @web', async ({ app, host }) => {
  if (!host) throw new Error('needs the browser host');
  const { sourceId, quoteId } = await seedQuote(host, 'Deep-linked speech', 'Words worth a link.');
  await app.goto('about:blank');
  await app.goto(`${host.origin}/#/sources/${sourceId}/quotes/${quoteId}`);
  await expect(app.getByRole('heading', { level: 1, name: 'Deep-linked speech' })).toBeVisible();
  await expect(app.getByText('Words worth a link.')).toBeVisible();
  await app.getByRole('button', { name: '← Back to the library' }).click();
  await expect(app).toHaveURL(/#\/library$/);
});

test('a link to a deleted briefing, or to no view at all, says so and leads back @web', async ({ app, host }) => {
  if (!host) throw new Error('needs the browser host');
  await createBriefing(app, 'Soon gone');
  const id = openBriefingId(app);
  await mainNav(app).getByRole('button', { name: 'Library' }).click();
  await callHost(host, 'briefings.delete', { id });

  await app.goBack();
  await expect(app.getByRole('heading', { level: 1, name: 'Cannot open the briefing' })).toBeVisible();
  await expect(app.getByText('That briefing no longer exists')).toBeVisible();
  await app.getByRole('link', { name: 'Back to briefings' }).click();
  await expect(app).toHaveURL(/#\/briefings$/);
  await expect(app.getByRole('heading', { level: 1, name: 'Briefings' })).toBeVisible();

  await app.goto(`${host.origin}/#/nowhere`);
  await expect(app.getByRole('heading', { level: 1, name: 'Nothing at this address' })).toBeVisible();
  await app.getByRole('link', { name: 'Go to the library' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
});
