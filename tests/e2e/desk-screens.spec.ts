import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { editorText, expectSaved } from './support/briefings';
import { sampleTest } from './support/sample-test';

/*
 * Reference screenshots of the main views, light and dark, at 1440×900 and 1280×720, compared
 * within a tolerance with the images in tests/fixtures/screens/. They change only on purpose:
 * UPDATE_SCREENS=1 npx playwright test tests/e2e/desk-screens.spec.ts --workers=1
 * (see tests/README.md). Times the host stamps (capture times, revision times) are masked; the
 * page's own clock is fixed.
 */

const TITLE = 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017';
const SPEECH = 'Speech by NATO Secretary General Jens Stoltenberg at the National Press Club of Japan, Tokyo';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
/** Both sizes in the light theme; the dark theme at the larger size (its colours do not depend on the size). */
const SHOTS = [
  { size: SIZES[0], scheme: 'light' },
  { size: SIZES[0], scheme: 'dark' },
  { size: SIZES[1], scheme: 'light' },
] as const;

test.use({ locale: 'en-GB', timezoneId: 'UTC' });
test.describe.configure({ timeout: 120_000 });

/** Every shot of one view, each compared with its reference image. */
async function shootAll(app: Page, view: string, mask: Locator[], ready: () => Promise<void>): Promise<void> {
  for (const { size, scheme } of SHOTS) {
    await app.setViewportSize(size);
    await app.emulateMedia({ colorScheme: scheme });
    await ready();
    await app.mouse.move(0, size.height - 1);
    await expect(app).toHaveScreenshot(`${view}-${size.width}x${size.height}-${scheme}.png`, {
      mask,
      maxDiffPixelRatio: 0.01,
      animations: 'disabled',
      caret: 'hide',
    });
  }
}

sampleTest('the main views look as their reference screenshots, light at 1440×900 and 1280×720, dark at 1440×900 @web', async ({ app }) => {
  // The page's clock is fixed, so nothing it dates itself moves between runs.
  await app.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
  await app.reload();
  await expect(app.getByRole('button', { name: /^Open “/ })).toHaveCount(8);
  const times = app.locator('time, .snapshot-meta, .revisions, .save-indicator');

  await shootAll(app, 'library', [times], async () => {
    await expect(app.getByRole('button', { name: /^Open “/ })).toHaveCount(8);
  });

  // A source with its snapshot: the sample's speech.
  await app.getByRole('button', { name: `Open “${SPEECH}”` }).click();
  const snapshot = app.getByRole('document', { name: 'Snapshot text' });
  await expect(snapshot).toContainText('pressure is key');
  await shootAll(app, 'source', [times], async () => {
    await expect(snapshot).toBeVisible();
  });

  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
  await expect(editorText(app)).toContainText('“pressure is key”');
  await expectSaved(app);
  await shootAll(app, 'briefing', [times], async () => {
    await expect(app.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  });

  await app.getByRole('button', { name: 'Argument picture' }).click();
  const picture = app.getByRole('dialog', { name: 'Argument picture' });
  await shootAll(app, 'argument', [times], async () => {
    await expect(picture.getByRole('group', { name: /^Argument map/ })).toBeVisible();
  });
});
