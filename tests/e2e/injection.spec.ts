import { expect, test } from './support/fixtures';
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
