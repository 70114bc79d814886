import { readFileSync } from 'node:fs';
import { buildMhtml, buildWacz, buildWarc } from '../fixtures/web-archives';
import { callHost, createBriefing } from './support/briefings';
import { expect, test } from './support/fixtures';
import { openSource, saveSelectionAsQuote, selectInSnapshot } from './support/library';
import { addSource } from './support/sources';

test('an MHTML page is attached in one step: its text, and the address and date it was saved from @web', async ({ app }) => {
  const mhtml = buildMhtml({
    url: 'https://gov.example/statement',
    date: 'Fri, 4 Dec 2026 10:15:00 +0000',
    html: '<html><head><title>Statement</title></head><body><p>The ministry confirmed the visit to Seoul.</p><img src="https://tracker.example/pixel.gif"></body></html>',
  });
  await addSource(app, { title: 'Ministry statement' });
  await openSource(app, 'Ministry statement');
  await app
    .getByLabel('Snapshot file')
    .setInputFiles({ name: 'statement.mhtml', mimeType: 'multipart/related', buffer: Buffer.from(mhtml) });
  await expect(app.getByRole('document', { name: 'Snapshot text' })).toContainText('The ministry confirmed the visit to Seoul.');
  await expect(app.getByLabel('Archived capture')).toHaveText(
    'MHTML page: captured 2026-12-04 10:15:00 UTC from https://gov.example/statement',
  );
  const images = app.getByRole('region', { name: 'Images kept with the page (1)' });
  await expect(images.getByRole('img', { name: 'Saved image https://gov.example/chart.png' })).toBeVisible();
  await selectInSnapshot(app, 'confirmed the visit');
  await saveSelectionAsQuote(app);
  await expect(app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first()).toContainText('“confirmed the visit”');
});

test('a WACZ with several pages asks which to keep; the capture facts show on the source and in the exported annex @web', async ({
  app,
  host,
}) => {
  // Reads a WACZ, captures a page and exports HTML with its annex: 10 s here alone, and it passed
  // 30 s once beside the other lanes on a fresh clone.
  test.slow();
  if (!host) throw new Error('browser-host target only');
  const warc = await buildWarc(
    [
      { url: 'https://news.example/live', date: '2026-11-30T09:41:07Z', html: '<title>Live</title><p>Live blog opening.</p>' },
      {
        url: 'https://news.example/summit',
        date: '2026-11-30T10:02:03Z',
        html: '<title>Summit</title><p>Leaders agreed a joint statement in Tokyo.</p>',
      },
    ],
    { gzip: true },
  );
  await addSource(app, { title: 'Summit coverage' });
  await openSource(app, 'Summit coverage');
  await app
    .getByLabel('Snapshot file')
    .setInputFiles({ name: 'coverage.wacz', mimeType: 'application/zip', buffer: Buffer.from(buildWacz(warc, [])) });
  const picker = app.getByRole('group', { name: 'Captured pages in “coverage.wacz”' });
  await expect(picker.getByRole('radio')).toHaveCount(2);
  await picker.getByRole('radio', { name: 'https://news.example/summit — 2026-11-30 10:02:03 UTC' }).check();
  await picker.getByRole('button', { name: 'Keep this page' }).click();
  await expect(app.getByRole('document', { name: 'Snapshot text' })).toContainText('Leaders agreed a joint statement in Tokyo.');
  const facts = 'WACZ web archive: captured 2026-11-30 10:02:03 UTC from https://news.example/summit';
  await expect(app.getByLabel('Archived capture')).toHaveText(facts);
  await selectInSnapshot(app, 'joint statement');
  await saveSelectionAsQuote(app);
  await expect(app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first()).toContainText('“joint statement”');

  // The judgement and its link are set up through the contract; the export is driven in the UI.
  await createBriefing(app, 'Archive annex e2e');
  const briefings = await callHost<{ items: { id: string; title: string }[] }>(host, 'briefings.list', {});
  const briefingId = briefings.items.find((item) => item.title === 'Archive annex e2e')?.id;
  const quotes = await callHost<{ items: { id: string }[] }>(host, 'quotes.list', {});
  const judgement = await callHost<{ id: string }>(host, 'judgements.create', { briefingId });
  await callHost(host, 'judgements.link', {
    judgementId: judgement.id,
    item: { kind: 'quote', id: quotes.items[0]?.id },
    link: { stance: 'supports' },
  });
  await app.reload();
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await dialog.getByRole('radio', { name: 'Web page (HTML)' }).check();
  const downloading = app.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const html = readFileSync(await (await downloading).path(), 'utf8');
  expect(html).toContain(`<span class="annex-capture">${facts}</span>`);
});

test('a hostile web archive is refused with a clear message and nothing is stored @web', async ({ app }) => {
  const warc = await buildWarc([{ url: 'file:///etc/passwd', date: '2026-11-30T09:00:00Z', html: '<p>root:x:0:0</p>' }], { gzip: false });
  await addSource(app, { title: 'Suspicious archive' });
  await openSource(app, 'Suspicious archive');
  await app.getByLabel('Snapshot file').setInputFiles({ name: 'local.warc', mimeType: 'application/warc', buffer: Buffer.from(warc) });
  await expect(app.getByRole('alert')).toHaveText(
    '“local.warc” could not be read as a WARC web archive (its only HTML captures are refused: file:///etc/passwd: it points at a file: address, which Warrant never loads).',
  );
  await expect(app.getByLabel('Snapshot file')).toBeVisible();
  await expect(app.getByRole('document', { name: 'Snapshot text' })).toHaveCount(0);
});
