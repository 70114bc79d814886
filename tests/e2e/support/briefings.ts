import { expect, type Locator, type Page } from '@playwright/test';
import type { HostProcess } from './host-process';

/** Calls the contract over the browser host's HTTP API (for setting up evidence quickly). */
export async function callHost<T>(host: HostProcess, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Warrant-Token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name} failed: ${body.error?.message ?? response.status}`);
  return body.value as T;
}

/** A graded source with one graded quote, made through the contract. */
export async function seedQuote(host: HostProcess, sourceTitle: string, text: string): Promise<{ sourceId: string; quoteId: string }> {
  const source = await callHost<{ id: string }>(host, 'sources.create', {
    draft: { title: sourceTitle, kind: 'speech', reliability: 'B' },
  });
  const quote = await callHost<{ id: string }>(host, 'quotes.create', { draft: { sourceId: source.id, text, credibility: '2' } });
  return { sourceId: source.id, quoteId: quote.id };
}

/**
 * Opens the Briefings view from the main navigation. Right after a page loads this is a click, not
 * Alt+2: a key pressed before the app's keyboard listener is installed is lost, and on a loaded
 * machine a test then waited in the Library for a list that never came.
 */
export async function goToBriefings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
}

/** Opens the Briefings view and creates a briefing of a type through the New briefing dialog. */
export async function createBriefing(page: Page, title: string, typeLabel = 'Briefing (up to 1,100 words)'): Promise<void> {
  await goToBriefings(page);
  await page.getByRole('button', { name: 'New briefing' }).click();
  const dialog = page.getByRole('dialog', { name: 'New briefing' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Product type').selectOption({ label: typeLabel });
  await dialog.getByRole('button', { name: 'Create briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export function editorText(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Briefing text' });
}

/** Puts the caret at the end of a section's last block (below its heading). */
export async function caretInSection(page: Page, heading: string): Promise<void> {
  const section = editorText(page).locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
  const last = section.locator(':scope > :not(h2)').last();
  await last.click();
  await page.keyboard.press('End');
  // Lexical takes the caret from the page on \`selectionchange\`, which the browser fires as a task
  // after the click and End; a paste sent before that task ran acted on the selection from before
  // the click (a reopened briefing's remembered one), replacing what that selection held. Two
  // frames later the task has run.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Briefing save state' })).toHaveText('Saved', { timeout: 10_000 });
}

/** Shows a tab of the briefing's inspector (Evidence, Assumptions, Problems, Library, Revisions, Comments) and returns its panel. */
export async function inspectorTab(
  page: Page,
  name: 'Evidence' | 'Assumptions' | 'Problems' | 'Library' | 'Revisions' | 'Comments',
): Promise<Locator> {
  const tab = page.getByRole('complementary', { name: 'Inspector' }).getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  return page.getByRole('region', { name });
}

/** The word count on the editor's status line, with its per-section list opened. */
export async function sectionCounts(page: Page): Promise<Locator> {
  const counts = page.getByRole('region', { name: 'Word count' });
  const sections = counts.locator('details');
  if (!(await sections.evaluate((element) => element.hasAttribute('open')))) await counts.getByText('By section').click();
  return counts;
}

/** Opens the title block's Details drawer (title, type, author, dates, reference, tags) and returns it. */
export async function titleDetails(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: 'Details', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.getByRole('region', { name: 'Details' });
}

/**
 * Hovers a citation marker until its card shows every one of `texts`. Hovering is a pointer move
 * into the marker: under a loaded browser the first move can land before the marker has its place,
 * so the pointer leaves and enters again until the card is read.
 */
export async function hoverUntilCard(page: Page, marker: Locator, card: Locator, texts: readonly string[]): Promise<void> {
  await expect(async () => {
    await page.mouse.move(0, 0);
    await marker.hover();
    for (const text of texts) await expect(card).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Selects `wanted` inside one text node of the briefing's text, as a drag of the mouse would, and
 * resolves once the editor has taken the selection: it learns of it from the document's
 * `selectionchange`, a task later, and a key pressed before that found nothing selected.
 */
export async function selectInText(page: Page, wanted: string): Promise<void> {
  await editorText(page).evaluate(
    (root, text) =>
      new Promise<void>((resolve, reject) => {
        const document = root.ownerDocument;
        const walker = document.createTreeWalker(root, 4);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(text) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          // The editor's own listener was added first, so it has run when this one does; its update commits in a microtask.
          document.addEventListener('selectionchange', () => setTimeout(resolve, 0), { once: true });
          document.getSelection()?.removeAllRanges();
          document.getSelection()?.addRange(range);
          return;
        }
        reject(new Error(`“${text}” is not in one text node of the briefing`));
      }),
    wanted,
  );
}
