import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { callHost, caretInSection, createBriefing, editorText, expectSaved, seedQuote, titleDetails } from './support/briefings';

test.describe.configure({ timeout: 120_000 });

test('Export… prints the briefing to a PDF download, listing problems first; Cancel and paper choice work @web', async ({
  app,
  host,
  workdir,
}) => {
  if (!host) throw new Error('browser-host target only');
  await callHost(host, 'settings.update', { analystName: 'E2E Analyst', defaultMarking: 'TLP:GREEN <b>e2e</b>' });
  await seedQuote(host, 'Speech at Keio University', 'North Korea is a global threat and needs a global response.');
  const doomed = await seedQuote(host, 'Press conference in Seoul', 'We must keep up the pressure on Pyongyang.');
  await createBriefing(app, 'Export briefing e2e');

  await caretInSection(app, 'Summary');
  await app.keyboard.type('The Secretary General called North Korea a global threat.');
  await app.keyboard.press('Control+Shift+K');
  const picker = app.getByRole('dialog', { name: 'Cite from the library' });
  await picker.getByRole('combobox', { name: 'Search the library to cite' }).fill('global threat');
  await expect(picker.getByRole('option').first()).toContainText('global response');
  await app.keyboard.press('Enter');
  await caretInSection(app, 'Analysis');
  await app.keyboard.type('Pressure will continue.');
  await app.keyboard.press('Control+Shift+K');
  await picker.getByRole('combobox', { name: 'Search the library to cite' }).fill('pressure');
  await expect(picker.getByRole('option').first()).toContainText('keep up the pressure');
  await app.keyboard.press('Enter');
  await expect(editorText(app).getByRole('button', { name: 'Citation 2' })).toBeVisible();
  await expectSaved(app);
  // A cited quote goes to the trash: the export dialog must say so before exporting.
  await callHost(host, 'quotes.delete', { id: doomed.quoteId });

  // The shortcut opens the dialog; Cancel closes it without exporting.
  await app.keyboard.press('Control+Shift+E');
  let dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Problems before export' })).toContainText('Citation 2: the cited quote is in the trash');
  await dialog.getByRole('button', { name: 'Cancel and fix' }).click();
  await expect(dialog).toBeHidden();

  await app.getByRole('button', { name: 'Export…' }).click();
  dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByRole('radio', { name: 'US Letter' }).check();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Export briefing e2e.pdf');
  const pdf = join(workdir, 'export.pdf');
  await download.saveAs(pdf);
  await expect(dialog).toBeHidden();
  await expect(app.getByText('Exported as “Export briefing e2e.pdf”.')).toBeVisible();

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Export briefing e2e');
  expect(text).toContain('TLP:GREEN <b>e2e</b>');
  expect(text).toContain('The Secretary General called North Korea a global threat.');
  expect(text).toContain('North Korea is a global threat and needs a global response.');
  expect(text).toContain('[missing source]');
  expect(text).toMatch(/Page 1 of \d/);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  expect(info).toMatch(/Author:\s+E2E Analyst/);
});

test('Markdown export from the editor is a download of the briefing text @web', async ({ app, host }) => {
  if (!host) throw new Error('browser-host target only');
  await createBriefing(app, 'Markdown export e2e');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('A <script>alert(1)</script> payload stays text.');
  await expectSaved(app);
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await expect(dialog.getByRole('region', { name: 'Problems before export' })).toContainText('No problems found.');
  await dialog.getByRole('radio', { name: 'Markdown' }).check();
  await expect(dialog.getByRole('radio', { name: 'A4' })).toBeDisabled();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Markdown export e2e.md');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const markdown = readFileSync(path, 'utf8');
  expect(markdown).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; payload stays text.');
  expect(markdown).not.toContain('<script>');
});

test('a WebP image is stored as PNG, so the DOCX export embeds it @web', async ({ app, workdir }) => {
  await createBriefing(app, 'Image export e2e');
  // A real WebP file, encoded by the browser itself (no encoder in the test's Node).
  const webp = Buffer.from(
    await app.evaluate<number[]>(`(async () => {
      const canvas = new OffscreenCanvas(40, 20);
      const context = canvas.getContext('2d');
      context.fillStyle = '#c00';
      context.fillRect(0, 0, 40, 20);
      const blob = await canvas.convertToBlob({ type: 'image/webp' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    })()`),
  );
  expect(webp.toString('latin1', 8, 12)).toBe('WEBP');
  await caretInSection(app, 'Background');
  await app.getByLabel('Image file').setInputFiles({ name: 'positions.webp', mimeType: 'image/webp', buffer: webp });
  await expect(editorText(app).getByRole('img', { name: 'positions.webp' })).toBeVisible();
  await expectSaved(app);

  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await dialog.getByRole('radio', { name: 'Word (DOCX)' }).check();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export/ }).click();
  const docx = join(workdir, 'image.docx');
  await (await downloading).saveAs(docx);
  const media = execFileSync('unzip', ['-l', docx], { encoding: 'utf8' });
  expect(media).toMatch(/word\/media\/\S+\.png/);
  expect(execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })).not.toContain('[image');
});

test('the title block’s reference number, information cut-off and dissemination line reach the exported PDF, with DRAFT while a draft @web', async ({
  app,
  workdir,
}) => {
  await createBriefing(app, 'Product page e2e');
  await titleDetails(app);
  await app.getByRole('textbox', { name: 'Reference number' }).fill('WRN-2017-014');
  await app.getByRole('textbox', { name: 'Information cut-off date' }).fill('2017-11-01');
  await app.getByRole('textbox', { name: 'Dissemination' }).fill('Releasable to NATO and partners');
  await caretInSection(app, 'Summary');
  await app.keyboard.type('Three words here.');
  await expectSaved(app);
  // The title block is kept: a reload shows what was typed.
  await app.reload();
  await titleDetails(app);
  await expect(app.getByRole('textbox', { name: 'Reference number' })).toHaveValue('WRN-2017-014');
  await expect(app.getByRole('textbox', { name: 'Information cut-off date' })).toHaveValue('2017-11-01');
  await expect(app.getByRole('textbox', { name: 'Dissemination' })).toHaveValue('Releasable to NATO and partners');

  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export/ }).click();
  const pdf = join(workdir, 'product-page.pdf');
  await (await downloading).saveAs(pdf);
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Reference WRN-2017-014');
  expect(text).toContain('Information cut-off 2017-11-01');
  expect(text).toContain('Dissemination: Releasable to NATO and partners');
  expect(text).toMatch(/Words \d+ of 1,100/);
  expect(text).toContain('DRAFT');
});
