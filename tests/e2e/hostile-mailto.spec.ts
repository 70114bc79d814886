import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved } from './support/briefings';

/** A real paste event carrying HTML, as a browser fires it (page globals typed by hand: no DOM lib here). */
async function pasteHtml(editor: Locator, html: string): Promise<void> {
  await editor.evaluate((element, value) => {
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => object;
    };
    const transfer = new page.DataTransfer();
    transfer.setData('text/html', value);
    (element as unknown as { dispatchEvent(event: object): boolean }).dispatchEvent(
      new page.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, html);
}

test('mailto links in a briefing keep only to/cc/bcc/subject/body, typed or pasted @web', async ({ app }) => {
  await createBriefing(app, 'Hostile mail links');
  const editor = editorText(app);
  await caretInSection(app, 'Analysis');
  await app.keyboard.type('Write to the press desk');
  await app.keyboard.press('Shift+Home');
  await app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
  await app.getByLabel('Link address').fill('mailto:desk@example.org?subject=Visit&attach=/etc/passwd');
  await app.getByRole('button', { name: 'Apply link' }).click();
  await expect(editor.getByRole('link', { name: 'Write to the press desk' })).toHaveAttribute(
    'href',
    'mailto:desk@example.org?subject=Visit',
  );

  await caretInSection(app, 'Background');
  await pasteHtml(editor, '<p><a href="mailto:desk@example.org?ATTACHMENT=~/.ssh/id_rsa&amp;body=Hello">pasted mail link</a></p>');
  await expect(editor.getByRole('link', { name: 'pasted mail link' })).toHaveAttribute('href', 'mailto:desk@example.org?body=Hello');
  await expectSaved(app);
});
