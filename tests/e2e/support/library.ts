import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** A snapshot fixture file, by name. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/snapshots/${name}`, import.meta.url));
}

/** Opens a source from the library list. */
export async function openSource(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open “${title}”` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * Selects `text` inside the snapshot view, as dragging over it would: a DOM selection over the
 * first place it occurs (within one text node).
 */
export async function selectInSnapshot(page: Page, text: string): Promise<void> {
  const view = page.getByRole('document', { name: 'Snapshot text' });
  await expect(view).toContainText(text);
  await view.evaluate((root, wanted) => {
    const walker = root.ownerDocument.createTreeWalker(root, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = root.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = root.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`“${wanted}” is not in one text node of the snapshot`);
  }, text);
}

/** Saves the current snapshot selection as a quote, with an optional credibility label. */
export async function saveSelectionAsQuote(page: Page, credibility?: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as quote' }).click();
  const dialog = page.getByRole('dialog', { name: 'New quote' });
  if (credibility) await dialog.getByLabel('Credibility').selectOption({ label: credibility });
  await dialog.getByRole('button', { name: 'Save quote' }).click();
  await expect(dialog).toBeHidden();
}
