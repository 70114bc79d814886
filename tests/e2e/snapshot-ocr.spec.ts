import { expect, test } from './support/fixtures';
import { openSource, saveSelectionAsQuote, selectInSnapshot } from './support/library';
import { addSource } from './support/sources';

test('a screenshot is kept as a snapshot, shown, and its text read with OCR in the chosen language and quoted from', async ({ app }) => {
  // OCR in a host that has just started loads its engine and language data first: on a loaded
  // 2-core machine that alone passed the test's 30 s, so the 60 s the capture is allowed below
  // never came into play. A slow test gets three times the time.
  test.slow();
  // A screenshot of a post, rendered from known text by the same browser.
  const shooter = await app.context().newPage();
  await shooter.setViewportSize({ width: 900, height: 160 });
  await shooter.setContent(
    '<body style="margin:24px;font:16px sans-serif;background:#fff;color:#111"><p>Japan is a natural partner for cooperation in cyber defence and maritime security.</p></body>',
  );
  const png = await shooter.screenshot({ type: 'png' });
  await shooter.close();

  await addSource(app, { title: 'Screenshot of a post' });
  await openSource(app, 'Screenshot of a post');
  await expect(app.getByLabel('Language of text in images and scanned PDFs (OCR)')).toHaveValue('eng');
  await app.getByLabel('Language of text in images and scanned PDFs (OCR)').selectOption({ label: 'English' });
  await app.getByLabel('Snapshot file').setInputFiles({ name: 'post.png', mimeType: 'image/png', buffer: png });

  await expect(app.getByText(/Snapshot captured: its text was read with OCR \(confidence \d+%\)\./)).toBeVisible({ timeout: 60_000 });
  await expect(app.getByRole('img', { name: 'The captured image, post.png' })).toBeVisible();
  await expect(app.getByRole('note', { name: 'OCR notice' })).toContainText(
    /Text read from the image with OCR \(English, confidence \d+%\)/,
  );
  await expect(app.getByText(/post\.png · image\/png/)).toBeVisible();

  await selectInSnapshot(app, 'natural partner');
  await saveSelectionAsQuote(app);
  await expect(app.getByRole('list', { name: 'Quotes' }).getByText('natural partner')).toBeVisible();
});

test('an image whose bytes are not what its name says is refused, and nothing is stored', async ({ app }) => {
  await addSource(app, { title: 'Renamed file' });
  await openSource(app, 'Renamed file');
  await app
    .getByLabel('Snapshot file')
    .setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: Buffer.from('<p>not a picture</p>') });
  await expect(app.getByRole('alert')).toContainText('“shot.png” is not a PNG image (it looks like text).');
  await expect(app.getByLabel('Snapshot file')).toBeVisible();
});
