import { expect, test } from './support/fixtures';
import { openSource, saveSelectionAsQuote, selectInSnapshot } from './support/library';
import { addSource } from './support/sources';

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

test('a page saved in GB18030 is read in the charset it declares, named on the snapshot, and quotable', async ({ app }) => {
  // 北约 (NATO) 秘书长 (Secretary General) in GB18030: a page as a Chinese site serves it, not valid UTF-8.
  const page = Buffer.from([
    ...ascii('<!doctype html><html><head><meta charset="gb18030"><title>Xinhua</title></head><body><p>'),
    ...[0xb1, 0xb1, 0xd4, 0xbc, 0xc3, 0xd8, 0xca, 0xe9, 0xb3, 0xa4],
    ...ascii('</p></body></html>'),
  ]);
  await addSource(app, { title: 'Xinhua report' });
  await openSource(app, 'Xinhua report');
  await app.getByLabel('Snapshot file').setInputFiles({ name: 'xinhua.html', mimeType: 'text/html', buffer: page });
  await expect(app.getByRole('document', { name: 'Snapshot text' })).toContainText('北约秘书长');
  await expect(app.getByText(/xinhua\.html · text\/html \(GB18030\)/)).toBeVisible();

  await selectInSnapshot(app, '北约');
  await saveSelectionAsQuote(app, '2 — Probably true');
  await expect(app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first()).toContainText('“北约”');
});
