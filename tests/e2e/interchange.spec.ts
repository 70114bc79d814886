import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { Workspace } from '../../db/workspace';
import { expect, test } from './support/fixtures';
import { startHostProcess } from './support/host-process';

function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/interchange/${name}`, import.meta.url));
}

/** Opens Import…, reads a file and waits for the review step. */
async function readImportFile(page: Page, path: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import sources' });
  await dialog.getByLabel('Library file').setInputFiles(path);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
  return dialog;
}

/** Every source of a workspace file, as an export sees it, without ids (for comparing two workspaces). */
function librarySnapshot(path: string): unknown[] {
  const workspace = Workspace.open(path);
  try {
    return [...workspace.interchange.exportSources()]
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => a.draft.title.localeCompare(b.draft.title));
  } finally {
    workspace.close();
  }
}

test('BibTeX and RIS with duplicates: merge one, skip another, read the report, export CSL-JSON and re-import it elsewhere @web', async ({
  app,
  workdir,
  workspacePath,
  browser,
}) => {
  // Three imports, an export and a second host: several times one ordinary test's work.
  test.setTimeout(120_000);
  // BibTeX: one entry repeats another's DOI (in another case); one never closes; one is empty.
  let dialog = await readImportFile(app, fixture('zotero.bib'));
  await expect(dialog.getByText(/6 entries — 3 new, 1 duplicates, 2 cannot be read/)).toBeVisible();
  const copy = dialog.getByRole('group', { name: 'Press conference in Tokyo (second copy)' });
  await expect(
    copy.getByText(/same DOI as the file’s earlier entry “Press conference by NATO Secretary General Jens Stoltenberg in Tōkyō”/),
  ).toBeVisible();
  await copy.getByRole('radio', { name: 'Merge' }).check();
  const unreadable = dialog.getByRole('region', { name: 'Entries that cannot be read' });
  await expect(unreadable).toContainText('“broken2017” (line 39): unbalanced braces');
  await expect(unreadable).toContainText('“empty-entry” (line 43): it has no title');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  let report = app.getByRole('dialog', { name: 'Import report' });
  let counts = report.getByRole('definition');
  await expect(counts).toHaveText(['3', '1', '0', '2']);
  await expect(report.getByRole('region', { name: 'Failed entries' })).toContainText('broken2017');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByText('3 sources')).toBeVisible();

  // RIS (CRLF): one record repeats a source's address, one its title and year; one is new but has a javascript: link.
  dialog = await readImportFile(app, fixture('zotero.ris'));
  await expect(dialog.getByText(/3 entries — 1 new, 2 duplicates, 0 cannot be read/)).toBeVisible();
  const wire = dialog.getByRole('group', { name: 'Stoltenberg urges pressure on Pyongyang during Japan visit (wire copy)' });
  await expect(wire.getByText(/possible duplicate, same web address as the library’s/)).toBeVisible();
  // A shared address alone is only a possible duplicate: imported separately unless the user chooses.
  await expect(wire.getByRole('radio', { name: 'Import separately' })).toBeChecked();
  await wire.getByRole('radio', { name: 'Merge' }).check();
  const seoul = dialog.getByRole('group', { name: 'Joint Statement on the Secretary-General’s Visit to Seoul' });
  await expect(seoul.getByText(/same title and year as the library’s/)).toBeVisible();
  await expect(seoul.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await expect(dialog.getByRole('region', { name: 'Entries changed on the way in' })).toContainText('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  report = app.getByRole('dialog', { name: 'Import report' });
  counts = report.getByRole('definition');
  await expect(counts).toHaveText(['1', '1', '1', '0']);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByText('4 sources')).toBeVisible();
  // The merged wire copy added its note and tag to the library's source; the payload stays text.
  await app.getByRole('button', { name: 'Open “Stoltenberg urges pressure on Pyongyang during Japan visit”' }).click();
  await expect(app.getByText('Picked up by several outlets.')).toBeVisible();
  await expect(app.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ hasText: 'Topic/DPRK' })).toBeVisible();
  await app.getByRole('button', { name: '← Back to the library' }).click();
  // The identifier the file gave is on the source's page, as the file wrote it.
  await app.getByRole('button', { name: 'Open “Press conference by NATO Secretary General Jens Stoltenberg in Tōkyō”' }).click();
  const facts = app.getByRole('definition');
  await expect(facts.filter({ hasText: '10.5555/NATO.2017.1031' })).toHaveCount(1);
  await expect(app.getByRole('term').filter({ hasText: /^DOI$/ })).toBeVisible();
  await app.getByRole('button', { name: '← Back to the library' }).click();
  // A DOI pasted into the search, in another case and as a resolver address, finds it.
  const search = app.getByLabel('Search the library');
  await search.fill('https://doi.org/10.5555/nato.2017.1031');
  const matching = app.getByRole('list', { name: 'Matching sources' }).getByRole('listitem');
  await expect(matching).toHaveCount(1);
  await expect(matching).toContainText('doi:10.5555/NATO.2017.1031');
  await matching
    .getByRole('button', { name: 'Open source “Press conference by NATO Secretary General Jens Stoltenberg in Tōkyō”' })
    .click();
  await expect(facts.filter({ hasText: '10.5555/NATO.2017.1031' })).toHaveCount(1);
  // Clearing the search leaves the source for the library's list.
  await search.fill('');
  await expect(app.getByText('4 sources')).toBeVisible();

  // Export CSL-JSON.
  await app.getByRole('button', { name: 'Export…' }).click();
  const exporting = app.getByRole('dialog', { name: 'Export sources' });
  await exporting.getByRole('radio', { name: 'CSL-JSON' }).check();
  await exporting.getByRole('radio', { name: 'The whole library' }).check();
  const downloading = app.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^e2e library \d{4}-\d{2}-\d{2}\.json$/);
  const exported = join(workdir, 'library.json');
  await download.saveAs(exported);

  // Re-import it into a new, empty workspace: the same four sources come back.
  const freshPath = join(workdir, 'fresh.warrant');
  const second = await startHostProcess(freshPath);
  try {
    const page = await browser.newPage();
    await page.goto(second.url);
    await expect(page.getByText('No sources yet.')).toBeVisible();
    dialog = await readImportFile(page, exported);
    await expect(dialog.getByText(/4 entries — 4 new, 0 duplicates, 0 cannot be read/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Import report' }).getByRole('definition')).toHaveText(['4', '0', '0', '0']);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByText('4 sources')).toBeVisible();
    await page.close();
  } finally {
    expect(await second.stop()).toBe(0);
  }
  expect(librarySnapshot(freshPath)).toEqual(librarySnapshot(workspacePath));
});

test('a file’s keywords can go into each source’s notes instead of becoming tags', async ({ app }) => {
  const dialog = await readImportFile(app, fixture('zotero.bib'));
  // What it will add is named before anything is written.
  await expect(dialog.getByRole('region', { name: 'New entries' }).getByRole('listitem')).toHaveText([
    /^Press conference by NATO Secretary General Jens Stoltenberg in Tōkyō — /,
    /^Stoltenberg urges pressure on Pyongyang during Japan visit/,
    "Joint statement on the Secretary General's visit to Seoul — Ministry of Foreign Affairs, 2017-11-01",
  ]);
  const keywords = dialog.getByRole('group', { name: 'The entries’ 4 keywords' });
  await expect(keywords.getByRole('radio', { name: /^Become tags/ })).toBeChecked();
  await keywords.getByRole('radio', { name: /^Go in each source’s notes/ }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Close' }).click();
  await app.getByRole('button', { name: 'Open “Press conference by NATO Secretary General Jens Stoltenberg in Tōkyō”' }).click();
  await expect(app.getByRole('definition').filter({ hasText: 'Keywords: Actor/NATO; Region/Asia-Pacific' })).toBeVisible();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Tags' }).click();
  await expect(app.getByText(/^No tags yet\./)).toBeVisible();
});

test('a binary file is refused with a clear message and nothing is imported', async ({ app, workdir }) => {
  const { writeFileSync } = await import('node:fs');
  const garbage = join(workdir, 'garbage.bib');
  writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await app.keyboard.press('Alt+I');
  const dialog = app.getByRole('dialog', { name: 'Import sources' });
  await dialog.getByLabel('Library file').setInputFiles(garbage);
  await expect(dialog.getByRole('alert')).toContainText('looks like binary data. Nothing was imported.');
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByText('No sources yet.')).toBeVisible();

  // Alt+X opens the export; with nothing selected, only the whole library can be chosen.
  await app.keyboard.press('Alt+X');
  const exporting = app.getByRole('dialog', { name: 'Export sources' });
  await expect(exporting.getByRole('radio', { name: 'Selected sources (0)' })).toBeDisabled();
  await exporting.getByRole('button', { name: 'Cancel' }).click();
  await expect(exporting).toBeHidden();
});
