import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { addSource } from './support/sources';

test('back up, change data, restore the backup after confirming; a planted backup is not restorable', async ({ app, workspacePath }) => {
  await addSource(app, { title: 'Alpha report' });
  const nav = app.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  const section = app.getByRole('region', { name: 'Backups' });
  await expect(section.getByText('No backups yet.')).toBeVisible();

  // The keep-N setting refuses nonsense with a field error, then accepts a number.
  const keep = section.getByLabel('Automatic backups to keep');
  await keep.fill('-3');
  await section.getByRole('button', { name: 'Save backup setting' }).click();
  await expect(section.getByText('Enter a whole number from 0 (no automatic backups) to 100.')).toBeVisible();
  await expect(keep).toHaveAttribute('aria-invalid', 'true');
  await keep.fill('3');
  await section.getByRole('button', { name: 'Save backup setting' }).click();
  await expect(app.getByText('Keeping the newest 3 backups.')).toBeVisible();

  await section.getByRole('button', { name: 'Back up now' }).click();
  const list = section.getByRole('list', { name: 'Backups' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText(/e2e-\d{8}T\d{9}Z\.warrant/);
  await expect(list.getByRole('listitem').first()).toContainText('KB');
  // A file planted in the folder with a future time stamp (and no manifest) is listed last, and cannot be chosen.
  copyFileSync(workspacePath, join(workspacePath, '..', 'e2e.backups', 'e2e-20990101T000000000Z.warrant'));

  await nav.getByRole('button', { name: 'Library' }).click();
  await addSource(app, { title: 'Bravo report' });
  await expect(app.getByRole('button', { name: 'Open “Bravo report”' })).toBeVisible();

  await nav.getByRole('button', { name: 'Settings' }).click();
  const planted = list.getByRole('listitem').last();
  await expect(planted).toContainText('Not restorable: its time stamp is in the future');
  await expect(planted.getByRole('button', { name: 'Restore e2e-20990101T000000000Z.warrant…' })).toBeDisabled();
  await list
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: /^Restore e2e-.*…$/ })
    .click();
  const ask = app.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(ask).toContainText('before-restore');
  await ask.getByRole('button', { name: 'Restore backup' }).click();
  // The app reloads from the restored file and opens on the library.
  await expect(app.getByRole('button', { name: 'Open “Alpha report”' })).toBeVisible({ timeout: 15_000 });
  await expect(app.getByRole('button', { name: 'Open “Bravo report”' })).toHaveCount(0);

  // The replaced file is listed too, so the restore can be undone.
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(section.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(3);
  await expect(section.getByText('before a restore')).toBeVisible();
});
