import { expect, test } from './support/fixtures';
import { XSS_PAYLOADS } from '../fixtures/xss-corpus';
import { addSource } from './support/sources';

// One record holding the payloads in every text field: none may run, load or navigate.
const PAYLOADS = {
  title: `<img src=x onerror=alert('title')><script>alert('t')</script>`,
  author: `"><svg onload=alert('author')>`,
  publisher: `<iframe src="javascript:alert('publisher')"></iframe>`,
  language: `<b onmouseover=alert(1)>`,
  notes: `<a href="javascript:alert('notes')">click</a><img src="http://203.0.113.9/beacon.png"><style>body{display:none}</style>\u202Egnp.exe`,
};

test('script-injection payloads are stored and shown as text, never run', async ({ app, appOrigin }) => {
  // Wide enough that the sources list shows every column, the publisher's included.
  await app.setViewportSize({ width: 1600, height: 900 });
  await addSource(app, { ...PAYLOADS, url: 'https://example.org/?q=<script>alert(1)</script>' });

  await expect(app.getByRole('rowheader', { name: PAYLOADS.title })).toBeVisible();
  await expect(app.getByRole('cell', { name: PAYLOADS.author })).toBeVisible();
  await expect(app.getByRole('cell', { name: PAYLOADS.publisher })).toBeVisible();
  await expect(app.locator('img, iframe, svg, script:not([src])')).toHaveCount(0);

  await app.getByRole('button', { name: `Edit “${PAYLOADS.title}”` }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit source' });
  await expect(dialog.getByLabel('Notes', { exact: true })).toHaveValue(PAYLOADS.notes);
  await expect(dialog.getByLabel('Language', { exact: true })).toHaveValue(PAYLOADS.language);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Still on the workbench, at its own address.
  expect(app.url().startsWith(appOrigin)).toBe(true);
});

test('payloads in every quote and tag field are shown as text, never run', async ({ app }) => {
  await addSource(app, { title: 'Source for hostile quotes' });
  await app.getByRole('button', { name: 'Open “Source for hostile quotes”' }).click();
  await app.getByRole('button', { name: 'Add quote by hand' }).click();
  const dialog = app.getByRole('dialog', { name: 'New quote' });
  await dialog.getByLabel('Quoted text').fill(PAYLOADS.title);
  await dialog.getByLabel('Speaker').fill(PAYLOADS.author);
  await dialog.getByLabel('Paragraph').fill('<b>7</b>');
  await dialog.getByLabel('Timestamp').fill('"><script>alert(2)</script>');
  await dialog.getByLabel('Note').fill(PAYLOADS.notes);
  await dialog.getByRole('button', { name: 'Save quote' }).click();
  await expect(dialog).toBeHidden();
  const quote = app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first();
  await expect(quote).toContainText(PAYLOADS.title);
  await expect(quote).toContainText(PAYLOADS.author);
  await expect(quote).toContainText('<b>7</b>');

  await quote.getByLabel('Tag quote').fill('Topic/<img src=x onerror=alert(3)>');
  await quote.getByRole('button', { name: 'Tag quote' }).click();
  await expect(quote.getByRole('list', { name: 'Tags' })).toContainText('Topic/<img src=x onerror=alert(3)>');
  await expect(app.locator('img, iframe, svg, script:not([src])')).toHaveCount(0);

  await app.getByLabel('Search the library').fill('onerror');
  await expect(app.getByRole('list', { name: 'Matching quotes' }).getByRole('button')).toHaveCount(1);
  await expect(app.locator('img, iframe, svg, script:not([src])')).toHaveCount(0);
});

/** Whole payloads from the corpus, joined by `separator`, as many as fit in `max` characters. */
function fitting(payloads: readonly string[], max: number, separator = ' '): string {
  let out = '';
  for (const payload of payloads) {
    const next = out === '' ? payload : `${out}${separator}${payload}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

test('the whole XSS corpus in one source and one quote is shown as text; nothing runs, loads or navigates', async ({ app, appOrigin }) => {
  const everything = XSS_PAYLOADS.join('\n');
  const title = fitting(XSS_PAYLOADS, 1000);
  await addSource(app, {
    title,
    author: fitting(XSS_PAYLOADS.slice(20), 500),
    publisher: fitting(XSS_PAYLOADS.slice(40), 500),
    notes: everything,
  });
  await app.getByRole('button', { name: `Open “${title}”` }).click();
  const notes = app.getByRole('definition').filter({ hasText: 'xss-58' });
  for (const payload of XSS_PAYLOADS.slice(0, 10)) await expect(notes).toContainText(payload);

  await app.getByRole('button', { name: 'Add quote by hand' }).click();
  const dialog = app.getByRole('dialog', { name: 'New quote' });
  await dialog.getByLabel('Quoted text').fill(everything);
  await dialog.getByLabel('Speaker').fill(fitting(XSS_PAYLOADS.slice(10), 300));
  await dialog.getByLabel('Note').fill(everything);
  await dialog.getByRole('button', { name: 'Save quote' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first()).toContainText("<svg onload=alert('xss-03')>");

  await app.getByLabel('Search the library').fill('onerror');
  await expect(app.getByRole('list', { name: 'Matching quotes' }).getByRole('button')).toHaveCount(1);
  await expect(
    app.locator(
      'img, iframe, svg, script:not([src]), object, embed, video, audio, marquee, details, math, form[action], base, meta[http-equiv="refresh" i]',
    ),
  ).toHaveCount(0);
  expect(app.url().startsWith(appOrigin)).toBe(true);
});
