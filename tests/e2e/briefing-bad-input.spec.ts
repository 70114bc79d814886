import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { caretInSection, createBriefing, editorText, expectSaved, sectionCounts } from './support/briefings';

/** A real paste event carrying the given clipboard types, as a browser fires it. */
async function paste(editor: Locator, data: Record<string, string>): Promise<void> {
  // Page-side globals, typed by hand: tests are type-checked without the DOM library.
  await editor.evaluate((element, items) => {
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => object;
    };
    const transfer = new page.DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    (element as unknown as { dispatchEvent(event: object): boolean }).dispatchEvent(
      new page.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, data);
}

async function reopen(app: Page, title: string): Promise<void> {
  await app.reload();
  await app.keyboard.press('Alt+2');
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: title }).click();
}

test('pasted HTML from the web and Word is reduced to the editor’s own nodes', async ({ app }) => {
  await createBriefing(app, 'Paste briefing');
  const editor = editorText(app);
  await caretInSection(app, 'Background');
  const html = `<html><head><style>p { color: red }</style><script>window.__pasted = 1; alert('head')</script></head>
    <body><p style="color:red;font-family:Comic Sans MS" onclick="alert('click')" class="MsoNormal">Plain <b>bold</b> and <span style="font-style:italic">styled italic</span><o:p></o:p></p>
    <p><a href="javascript:alert('js')">js link</a> <a href="file:///etc/passwd">file link</a> <a href="https://www.nato.int/" onmouseover="alert(2)">web link</a> <a href="mailto:desk@example.org">mail link</a></p>
    <img src="https://attacker.example/pixel.gif" onerror="alert('img')"><img src="x" onerror="alert('img2')">
    <iframe src="https://attacker.example/"></iframe><svg onload="alert('svg')"><text>svg text</text></svg>
    <ul><li>first item</li><li>second item</li></ul><table><tr><td>cell A</td><td>cell B</td></tr></table>
    <p>Payload shown as text: &lt;img src=x onerror=alert(1)&gt;</p></body></html>`;
  await paste(editor, { 'text/html': html, 'text/plain': 'fallback' });

  await expect(editor).toContainText('Plain bold and styled italic');
  await expect(editor.locator('.ed-bold', { hasText: 'bold' })).toBeVisible();
  await expect(editor.locator('.ed-italic', { hasText: 'styled italic' })).toBeVisible();
  await expect(editor.getByRole('link', { name: 'web link' })).toHaveAttribute('href', 'https://www.nato.int/');
  await expect(editor.getByRole('link', { name: 'mail link' })).toHaveAttribute('href', 'mailto:desk@example.org');
  await expect(editor.getByRole('link', { name: 'js link' })).toHaveCount(0);
  await expect(editor.getByRole('link', { name: 'file link' })).toHaveCount(0);
  await expect(editor).toContainText('js link');
  await expect(editor.getByRole('listitem')).toHaveCount(2);
  await expect(editor.getByRole('table')).toContainText('cell A');
  await expect(editor).toContainText('<img src=x onerror=alert(1)>');
  await expect(editor.locator('img, script, iframe, svg, style')).toHaveCount(0);
  await expect(editor).not.toContainText('svg text');
  const unsafe = (await app.evaluate(`Array.from(document.querySelectorAll('[contenteditable] *')).flatMap((node) =>
    Array.from(node.attributes).filter((a) => a.name.startsWith('on') || (a.name === 'style' && a.value.includes('color'))).map((a) => node.tagName + ' ' + a.name))`)) as string[];
  expect(unsafe).toEqual([]);
  expect(await app.evaluate('window.__pasted')).toBeUndefined();
  await expectSaved(app);
  await reopen(app, 'Paste briefing');
  await expect(editor.getByRole('link', { name: 'web link' })).toBeVisible();
  await expect(editor.getByRole('link', { name: 'js link' })).toHaveCount(0);
});

test('a 500 kB paste and a single 1,000,000-character word: the editor stays usable and nothing is lost', async ({ app }) => {
  test.setTimeout(150_000);
  await createBriefing(app, 'Huge paste briefing', 'In-depth analysis (no word limit)');
  const editor = editorText(app);
  await caretInSection(app, 'Analysis');
  const lines = Array.from({ length: 5000 }, (_, i) =>
    `Line ${i} of the pasted report with several ordinary words in it here.`.padEnd(100, '.'),
  );
  const text = lines.join('\n');
  expect(text.length).toBeGreaterThanOrEqual(500_000);
  await paste(editor, { 'text/plain': text });
  await expect(editor).toContainText('Line 4999 of the pasted report');
  const counts = await sectionCounts(app);
  await expect(counts.getByRole('listitem').filter({ hasText: 'Analysis' })).toContainText('65,000');

  await caretInSection(app, 'Key Judgements');
  const word = `W${'x'.repeat(999_999)}`;
  await paste(editor, { 'text/plain': word });
  await expect(counts.getByRole('listitem').filter({ hasText: 'Key Judgements' })).toContainText('1');
  // Typing inside the giant word is slow in Chromium itself (re-laying out a million-character
  // line costs 0.2–0.45 s per key in a bare contenteditable); it must still work. How fast is a
  // benchmark's question, not this test's: a timed assertion here failed on a loaded machine.
  await app.keyboard.type(' still typing');
  await expect(editor).toContainText('xxx still typing');
  await expect(counts.getByRole('listitem').filter({ hasText: 'Key Judgements' })).toContainText('3');
  // Elsewhere the editor takes typing as usual.
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Quick elsewhere');
  await expect(editor.locator('section').first()).toContainText('Quick elsewhere');
  await expectSaved(app);

  await reopen(app, 'Huge paste briefing');
  // Opening 1.5 MB of editor state (parse, mount, lay out a million-character line) takes seconds.
  await expect(editor).toContainText('Line 4999 of the pasted report', { timeout: 30_000 });
  await expect(editor).toContainText('xxx still typing');
  const longest = (await app.evaluate(
    `Math.max(...Array.from(document.querySelectorAll('[contenteditable] span')).map((span) => (span.textContent || '').length))`,
  )) as number;
  expect(longest).toBeGreaterThanOrEqual(1_000_000);
});
