import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Workspace } from '../../db/workspace';
import { draft } from '../integration/helpers/temp-workspace';
import { expect, test } from './support/fixtures';

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

test('a received workspace with a trigger of its own is refused, naming it, and opens as a cleaned copy', async ({ app, workdir }) => {
  // Planted where the sample offer looks, so the browser host's one open-another-file path reaches it.
  const received = join(workdir, 'Warrant sample.warrant');
  const workspace = Workspace.open(received, { create: true });
  workspace.sources.create(draft({ title: 'Received source' }));
  workspace.close();
  const crafted = new Database(received);
  crafted.exec(
    'CREATE TABLE exfil (text TEXT); CREATE TRIGGER copy_quotes AFTER INSERT ON quotes BEGIN INSERT INTO exfil VALUES (new.text); END;',
  );
  crafted.close();
  const before = sha256(received);

  await app.getByRole('region', { name: 'New to Warrant?' }).getByRole('button', { name: 'Open the sample workspace' }).click();
  const refusal = app.getByRole('alertdialog', { name: 'This workspace holds code Warrant did not put there' });
  await expect(refusal.getByRole('list', { name: 'Not created by Warrant' })).toContainText('trigger copy_quotes');
  await expect(refusal).toContainText('left untouched');
  await refusal.getByRole('button', { name: 'Open a cleaned copy' }).click();
  await expect(app.getByRole('button', { name: 'Open “Received source”' })).toBeVisible({ timeout: 15_000 });
  expect(sha256(received)).toBe(before);
});
