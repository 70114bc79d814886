import type { Locator, Page } from '@playwright/test';

/**
 * Drives the page as a person would and counts what it costs them: every click, key chord,
 * option picked, file chosen or text selected is one action; the characters typed are not
 * (they are the work itself, the same whatever the UI does).
 */
export class ActionCounter {
  private actions = 0;

  constructor(private readonly page: Page) {}

  get count(): number {
    return this.actions;
  }

  async click(target: Locator): Promise<void> {
    this.actions += 1;
    await target.click();
  }

  async press(chord: string): Promise<void> {
    this.actions += 1;
    await this.page.keyboard.press(chord);
  }

  /** Clicks into a field and types into it: one action for the click. */
  async fill(field: Locator, text: string): Promise<void> {
    this.actions += 1;
    await field.fill(text);
  }

  /** Types where the caret already is (an autofocused field, the editor): no action. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }

  /** Picks an option; the select takes focus first, as the click that opens it would give it. */
  async choose(select: Locator, label: string): Promise<void> {
    this.actions += 1;
    await select.focus();
    await select.selectOption({ label });
  }

  async upload(input: Locator, file: string): Promise<void> {
    this.actions += 1;
    await input.setInputFiles(file);
  }

  /**
   * Drags over the snapshot text from the start of `from` to the end of `to` (one action), as a
   * selection made with the mouse would, across the line breaks between them.
   */
  async selectText(view: Locator, from: string, to: string): Promise<void> {
    this.actions += 1;
    await view.evaluate(
      (root, [first, last]) => {
        const walker = root.ownerDocument.createTreeWalker(root, 4);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          const start = text.indexOf(first);
          const end = start < 0 ? -1 : text.indexOf(last, start);
          if (end < 0) continue;
          const range = root.ownerDocument.createRange();
          range.setStart(node, start);
          range.setEnd(node, end + last.length);
          root.ownerDocument.getSelection()?.removeAllRanges();
          root.ownerDocument.getSelection()?.addRange(range);
          return;
        }
        throw new Error(`“${first}…${last}” is not in one text node of the snapshot`);
      },
      [from, to] as const,
    );
  }
}
