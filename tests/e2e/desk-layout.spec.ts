import type { Locator, Page } from '@playwright/test';
import type { Briefing } from '../../src/domain/briefing';
import { expect, test } from './support/fixtures';
import { callHost, editorText, expectSaved, goToBriefings } from './support/briefings';
import { sampleTest } from './support/sample-test';

const TITLE = 'NATO Secretary General in Tokyo and Seoul, 30 October – 2 November 2017';

test.describe.configure({ timeout: 90_000 });

async function openSampleBriefing(app: Page): Promise<void> {
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
  await expect(editorText(app)).toContainText('“pressure is key”');
}

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return found;
};

sampleTest(
  'the desk: a compact title line, the text in a column, an inspector in tabs that stays in view, resizes, hides, and focus mode @web',
  async ({ app }) => {
    await app.setViewportSize({ width: 1280, height: 720 });
    await openSampleBriefing(app);
    const inspector = app.getByRole('complementary', { name: 'Inspector' });
    const tabs = inspector.getByRole('tablist', { name: 'Inspector' });

    // Title, status and marking on one line; the rest behind Details.
    const details = app.getByRole('button', { name: 'Details' });
    await expect(details).toHaveAttribute('aria-expanded', 'false');
    await expect(app.getByRole('combobox', { name: 'Status' })).toHaveValue('draft');
    await expect(app.getByRole('textbox', { name: 'Handling marking' })).toHaveValue('TLP:CLEAR');
    const heading = await box(app.getByRole('heading', { level: 1, name: TITLE }));
    expect((await box(app.getByRole('combobox', { name: 'Status' }))).y).toBeLessThan(heading.y + heading.height);
    await expect(app.getByRole('textbox', { name: 'Author' })).toBeHidden();
    await details.click();
    await expect(app.getByRole('textbox', { name: 'Author' })).toHaveValue('Sample Analyst');
    await expect(app.getByRole('textbox', { name: /Summary/ })).toHaveCount(0);
    await details.click();

    // The text starts on the first screen, in a readable column.
    const editor = editorText(app);
    expect((await box(editor)).y).toBeLessThan(300);
    expect((await box(editor)).width).toBeLessThan(760);

    // The library tab shows at least six quotes at 1280×720, all inside the window.
    await tabs.getByRole('tab', { name: 'Library' }).click();
    const cite = inspector.getByRole('list', { name: 'Evidence to cite' }).getByRole('listitem');
    await expect(cite.nth(5)).toBeInViewport({ ratio: 1 });

    // Scrolling the text to its end leaves the inspector, the word count and the tabs where they were.
    const before = await box(inspector);
    await editor.getByRole('group', { name: 'Key judgement 4' }).scrollIntoViewIfNeeded();
    await editor.locator('section').last().scrollIntoViewIfNeeded();
    expect(await box(inspector)).toEqual(before);
    await expect(tabs).toBeInViewport({ ratio: 1 });
    await expect(app.getByRole('region', { name: 'Word count' })).toBeInViewport();
    await expect(app.getByRole('region', { name: 'Word count' })).toContainText('/ 1,100 words');

    // Tabs by keyboard, remembered across a reload.
    await tabs.getByRole('tab', { name: 'Library' }).focus();
    await app.keyboard.press('ArrowLeft');
    await expect(tabs.getByRole('tab', { name: 'Problems' })).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.getByRole('tab', { name: 'Problems' })).toBeFocused();
    await expect(inspector.getByRole('region', { name: 'Problems' })).toBeVisible();
    await app.keyboard.press('End');
    await expect(tabs.getByRole('tab', { name: 'Comments' })).toHaveAttribute('aria-selected', 'true');
    await app.keyboard.press('ArrowLeft');
    await expect(tabs.getByRole('tab', { name: 'Revisions' })).toHaveAttribute('aria-selected', 'true');
    const save = inspector.getByRole('button', { name: 'Save revision' });
    await expect(save).toBeInViewport({ ratio: 1 });
    const saveBox = await box(save);
    expect(saveBox.x + saveBox.width).toBeLessThanOrEqual(before.x + before.width);
    await app.keyboard.press('End');
    await app.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: 'Evidence' })).toHaveAttribute('aria-selected', 'true');
    await app.keyboard.press('ArrowLeft');
    await app.keyboard.press('ArrowLeft');
    await app.reload();
    await expect(editorText(app)).toContainText('“pressure is key”');
    await expect(tabs.getByRole('tab', { name: 'Revisions' })).toHaveAttribute('aria-selected', 'true');

    // The splitter: keyboard, with its value said.
    const splitter = app.getByRole('separator', { name: 'Inspector width' });
    await expect(splitter).toHaveAttribute('aria-valuenow', '340');
    await splitter.focus();
    await app.keyboard.press('ArrowLeft');
    await app.keyboard.press('ArrowLeft');
    await expect(splitter).toHaveAttribute('aria-valuenow', '380');
    expect(Math.round((await box(inspector)).width)).toBe(380);
    await app.keyboard.press('Home');
    await expect(splitter).toHaveAttribute('aria-valuenow', '260');

    // Hide and show the inspector (Ctrl+Shift+B).
    await editor.getByText('“pressure is key”').click();
    await app.keyboard.press('Control+Shift+B');
    await expect(inspector).toBeHidden();
    await expect(app.getByRole('button', { name: 'Inspector' })).toHaveAttribute('aria-expanded', 'false');
    await app.keyboard.press('Control+Shift+B');
    await expect(inspector).toBeVisible();

    // Focus mode (Ctrl+Shift+F): only the text and its status line; Escape leaves it.
    await app.keyboard.press('Control+Shift+F');
    await expect(app.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(inspector).toBeHidden();
    await expect(app.getByRole('combobox', { name: 'Status' })).toBeHidden();
    await expect(app.getByRole('region', { name: 'Word count' })).toBeVisible();
    await expect(editor).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(app.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(inspector).toBeVisible();
  },
);

sampleTest(
  'one Summary (BLUF), a dark theme from the system, and the small things: legible argument picture, toasts beside the list, Library leaves a source @web',
  async ({ app, host }) => {
    if (!host) throw new Error('browser host expected');
    await app.setViewportSize({ width: 1280, height: 720 });
    // A briefing written before: its bottom line in the old BLUF field.
    const created = await callHost<Briefing>(host, 'briefings.create', { title: 'Older briefing', typeId: 'briefing' });
    const bluf = 'Pressure and talks go together.\n\nNATO takes no military role in Asia.';
    await callHost<Briefing>(host, 'briefings.updateMeta', {
      id: created.id,
      baseVersion: created.metaVersion,
      meta: {
        title: created.title,
        typeId: created.typeId,
        status: created.status,
        author: created.author,
        date: '',
        marking: created.marking,
        summary: bluf,
        yardstick: created.yardstick,
        reference: '',
        cutoffDate: '',
        dissemination: '',
        tagIds: [],
      },
    });
    await app.keyboard.press('Alt+2');
    await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: 'Older briefing' }).click();
    const summary = editorText(app).locator('section', { has: app.getByRole('heading', { name: 'Summary', exact: true }) });
    await expect(summary).toContainText('Pressure and talks go together.');
    await expect(summary).toContainText('NATO takes no military role in Asia.');
    await expectSaved(app);
    // Stored once, in the text; the field is emptied only after the text holding it was saved.
    await expect.poll(async () => (await callHost<Briefing>(host, 'briefings.get', { id: created.id })).summary).toBe('');
    const stored = await callHost<Briefing>(host, 'briefings.get', { id: created.id });
    expect(stored.bodyText.split('NATO takes no military role in Asia.').length).toBe(2);
    await app.reload();
    await expect(editorText(app)).toContainText('Pressure and talks go together.');
    await expectSaved(app);
    expect((await callHost<Briefing>(host, 'briefings.get', { id: created.id })).bodyText).toBe(stored.bodyText);

    // The dark theme follows the system setting.
    const page = app.locator('html');
    await expect(page).toHaveCSS('background-color', 'rgb(244, 245, 247)');
    await app.emulateMedia({ colorScheme: 'dark' });
    await expect(page).toHaveCSS('background-color', 'rgb(20, 24, 28)');
    await expect(editorText(app)).toHaveCSS('color', 'rgb(228, 232, 236)');
    await app.emulateMedia({ colorScheme: 'light' });

    // Judgement statements in the text face; the argument picture at 1× with 12 px text or more.
    await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: TITLE }).click();
    const statement = editorText(app).getByRole('group', { name: 'Key judgement 1' }).getByLabel('Statement', { exact: true });
    await expect(statement).toHaveCSS('font-family', /DejaVu Serif/);
    await app.getByRole('button', { name: 'Argument picture' }).click();
    const picture = app.getByRole('group', { name: /^Argument map/ });
    await expect(picture).toBeVisible();
    const sizes = await picture.evaluate((svg) => {
      const viewWidth = Number((svg.getAttribute('viewBox') ?? '').split(' ')[2]);
      const scale = svg.getBoundingClientRect().width / viewWidth;
      return [...svg.querySelectorAll('text')].map((text) => Number(text.getAttribute('font-size')) * scale);
    });
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // Whose account it is stays on the picture: the source's whole title, wrapped, not cut.
    const words = await picture.evaluate((svg) => [...svg.querySelectorAll('text')].map((text) => text.textContent).join(' '));
    expect(words.replace(/\s+/g, ' ')).toContain('Speech by NATO Secretary General Jens Stoltenberg at the National Press Club of Japan');
    await app.keyboard.press('Escape');

    // A toast sits in its own row under the view: it never covers the list it speaks of.
    await app.getByRole('button', { name: 'New product type' }).click();
    const typeDialog = app.getByRole('dialog', { name: 'New product type' });
    await typeDialog.getByLabel('Name').fill('Flash note');
    await typeDialog.getByRole('button', { name: /Add|Create|Save/ }).click();
    const toast = app.getByRole('region', { name: 'Notifications' }).getByText('Added the product type “Flash note”.');
    await expect(toast).toBeVisible();
    const main = await box(app.getByRole('main'));
    expect((await box(toast)).y).toBeGreaterThanOrEqual(main.y + main.height);

    // The Library link leaves a source page for the library list.
    await app.keyboard.press('Alt+1');
    await app.getByRole('button', { name: /^Open “NATO chief presses/ }).click();
    await expect(app.getByRole('region', { name: 'Derived from' })).toBeVisible();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await expect(app.getByRole('button', { name: /^Open “/ })).toHaveCount(8);
    await expect(app).toHaveURL(/#\/library$/);
  },
);

sampleTest(
  'every list gives a moment the same way, to the minute with the full time as its tooltip; links keep the theme’s colour when dark',
  async ({ app }) => {
    await app.emulateMedia({ colorScheme: 'dark' });
    // What the page's own locale makes of an instant, to the minute.
    const toMinute = (iso: string) =>
      app.evaluate(
        `new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(${JSON.stringify(iso)}))`,
      );
    const expectMoment = async (moment: Locator) => {
      const iso = await moment.getAttribute('datetime');
      expect(iso).not.toBeNull();
      await expect(moment).toHaveText(String(await toMinute(iso ?? '')));
      await expect(moment).toHaveAttribute('title', /\d{4}/);
    };

    await goToBriefings(app);
    await expectMoment(app.getByRole('table', { name: 'Briefings' }).locator('time').first());

    await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Analysis' }).click();
    const matrices = app.getByRole('table', { name: 'Matrices' });
    await expectMoment(matrices.locator('time').first());
    // A plain link is drawn in the theme's link colour, which the dark theme lightens; the browser's
    // own blue is unreadable on the dark page.
    const link = matrices.getByRole('link', { name: 'Why the Secretary General went to Tokyo and Seoul' });
    await expect(link).toBeVisible();
    const colours = (await app.evaluate(`(() => {
    const link = document.querySelector('table[aria-label="Matrices"] a');
    const probe = document.createElement('span');
    probe.style.color = 'var(--link)';
    document.body.append(probe);
    const theme = getComputedStyle(probe).color;
    probe.remove();
    return [getComputedStyle(link).color, theme];
  })()`)) as [string, string];
    expect(colours[0]).toBe(colours[1]);
  },
);
