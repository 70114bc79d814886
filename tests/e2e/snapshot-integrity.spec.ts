import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Workspace } from '../../db/workspace';
import { SAMPLE_TITLE, seedSampleBriefing } from '../fixtures/export/sample-briefing';
import { expect, test as base } from './support/fixtures';
import { openSource } from './support/library';

const SPEECH = 'Speech at Keio University, Tokyo';

/**
 * A workspace received from someone who changed a snapshot's bytes inside the file: the trigger
 * that refuses updates only stops Warrant, so it is dropped, the bytes rewritten, and the trigger
 * put back. The host then opens this file.
 */
const test = base.extend<{ workspacePath: string }>({
  workspacePath: async ({ workdir }, use) => {
    const path = join(workdir, 'tampered.warrant');
    const ws = Workspace.open(path, { create: true });
    const sample = seedSampleBriefing(ws, { extraParagraphs: 1 });
    const speech = sample.sources[0]?.id ?? '';
    ws.quotes.create({
      sourceId: speech,
      text: 'North Korea',
      span: { start: 0, end: 11 },
      page: null,
      paragraph: '',
      timestamp: '',
      speaker: '',
      dateSaid: null,
      credibility: '2',
      verbatim: true,
      note: '',
    });
    ws.close();
    const db = new Database(path);
    const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'snapshots_are_immutable'").pluck().get() as string;
    db.exec('DROP TRIGGER snapshots_are_immutable');
    db.prepare('UPDATE snapshots SET content = ? WHERE source_id = ?').run(Buffer.from('North Korea is no threat at all.'), speech);
    db.exec(trigger);
    db.close();
    await use(path);
  },
});

test('a snapshot changed inside the file shows on the source, its quotes and before export @web', async ({ app }) => {
  await openSource(app, SPEECH);
  const snapshot = app.getByRole('region', { name: 'Snapshot' });
  await expect(snapshot.getByRole('alert')).toContainText('Hash mismatch: this snapshot was changed after capture');
  const quotes = app.getByRole('list', { name: 'Quotes' });
  // The quote's text still sits at its offsets; only the hash shows the bytes were changed.
  await expect(quotes.getByRole('listitem').filter({ hasText: '“North Korea”' }).getByRole('alert')).toHaveText(
    'Not verified: the snapshot was changed after capture',
  );

  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).click();
  await app.getByRole('navigation', { name: 'Briefings list' }).getByRole('button', { name: SAMPLE_TITLE }).click();
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export briefing' });
  await expect(dialog.getByRole('region', { name: 'Problems before export' })).toContainText(
    `“${SPEECH}”: its snapshot was changed after capture`,
  );
  await expect(dialog.getByRole('button', { name: 'Export anyway' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel and fix' }).click();
  await expect(dialog).toBeHidden();
});
