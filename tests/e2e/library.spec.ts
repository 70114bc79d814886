import { expect, test } from './support/fixtures';
import { fixture, openSource, saveSelectionAsQuote, selectInSnapshot } from './support/library';
import { addSource } from './support/sources';

test('a derived-from link shows on both sources', async ({ app }) => {
  await addSource(app, { title: 'Speech at Keio University', kind: 'Speech', reliability: 'A — Completely reliable' });
  await addSource(app, { title: 'Wire story on the speech', kind: 'News report' });
  await openSource(app, 'Wire story on the speech');
  await app.getByLabel('Mark as derived from…').fill('Keio');
  await app.getByRole('button', { name: 'Derived from “Speech at Keio University”' }).click();
  const derived = app.getByRole('region', { name: 'Derived from' });
  await expect(derived.getByRole('button', { name: 'Speech at Keio University', exact: true })).toBeVisible();

  await derived.getByRole('button', { name: 'Speech at Keio University', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Speech at Keio University' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Reported by' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Wire story on the speech', exact: true })).toBeVisible();

  // Deleting a linked source asks first and names the link; Cancel keeps it.
  await app.getByRole('button', { name: '← Back to the library' }).click();
  await app.getByRole('button', { name: 'Delete “Speech at Keio University”' }).click();
  const ask = app.getByRole('alertdialog', { name: 'Move a linked source to the trash?' });
  await expect(ask).toContainText('“Wire story on the speech” is derived from it');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('button', { name: 'Open “Speech at Keio University”' })).toBeVisible();
  await app.getByRole('button', { name: 'Delete “Speech at Keio University”' }).click();
  await app.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
  await expect(app.getByRole('button', { name: 'Open “Speech at Keio University”' })).toHaveCount(0);
  await expect(app.getByText('Moved “Speech at Keio University” to the trash.')).toBeVisible();
});

test('several quotes of a source are tagged at once', async ({ app }) => {
  await addSource(app, { title: 'Press conference' });
  await openSource(app, 'Press conference');
  for (const text of ['We will respond firmly.', 'Dialogue remains open.', 'No comment on exercises.']) {
    await app.getByRole('button', { name: 'Add quote by hand' }).click();
    const form = app.getByRole('dialog', { name: 'New quote' });
    await form.getByLabel('Quoted text').fill(text);
    await form.getByRole('button', { name: 'Save quote' }).click();
    await expect(form).toHaveCount(0);
  }
  await app.getByRole('checkbox', { name: 'Select quote “We will respond firmly.”' }).check();
  await app.getByRole('checkbox', { name: 'Select quote “Dialogue remains open.”' }).check();
  const bulk = app.getByRole('region', { name: 'Selected quotes' });
  await expect(bulk).toContainText('2 quotes selected');
  await bulk.getByLabel('Tag selected').fill('Topic/Deterrence');
  await bulk.getByRole('button', { name: 'Tag selected' }).click();
  const quotes = app.getByRole('list', { name: 'Quotes' }).getByRole('listitem');
  await expect(quotes.filter({ hasText: 'We will respond firmly.' })).toContainText('Topic/Deterrence');
  await expect(quotes.filter({ hasText: 'Dialogue remains open.' })).toContainText('Topic/Deterrence');
  await expect(quotes.filter({ hasText: 'No comment on exercises.' })).not.toContainText('Topic/Deterrence');
});

test('an HTML snapshot is shown as inert text and can be quoted from', async ({ app }) => {
  await addSource(app, { title: 'Hostile page' });
  await openSource(app, 'Hostile page');
  await expect(app.getByText('up to 25 MB')).toBeVisible();
  await app.getByLabel('Snapshot file').setInputFiles(fixture('hostile.html'));
  const text = app.getByRole('document', { name: 'Snapshot text' });
  await expect(text).toContainText('The payload <img src=x onerror=alert(1)> is quoted as visible text.');
  await expect(text).not.toContainText('HEAD-SCRIPT');
  await expect(text).not.toContainText('HIDDEN-ATTR');
  await expect(app.getByText(/hostile\.html · text\/html/)).toBeVisible();

  await selectInSnapshot(app, '東京で会議が開かれた');
  await saveSelectionAsQuote(app, '3 — Possibly true');
  const quote = app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first();
  await expect(quote).toContainText('“東京で会議が開かれた”');
  await expect(quote.getByText('Matches the snapshot')).toBeVisible();
  await expect(quote.getByLabel(/Grade \?3/)).toBeVisible();
});

test('a PDF snapshot keeps its pages; a quote from page 2 records it and jumps back to it', async ({ app }) => {
  await addSource(app, { title: 'Two-page statement', reliability: 'B — Usually reliable' });
  await openSource(app, 'Two-page statement');
  await app.getByLabel('Snapshot file').setInputFiles(fixture('two-pages.pdf'));
  const text = app.getByRole('document', { name: 'Snapshot text' });
  await expect(text).toContainText('Pack my box with five dozen liquor jugs.');
  // Its times are on the one clock of the record of custody, as the capture timeline and the annex write them.
  await expect(app.getByText(/ · captured \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC · SHA-256 /)).toBeVisible();
  await expect(app.getByText(/^Hash checked \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC: matches the capture\.$/)).toBeVisible();

  await selectInSnapshot(app, 'five dozen liquor jugs');
  await saveSelectionAsQuote(app, '2 — Probably true');
  const quote = app.getByRole('list', { name: 'Quotes' }).getByRole('listitem').first();
  await expect(quote).toContainText('p. 2');
  await expect(quote.getByLabel(/Grade B2/)).toBeVisible();

  await app.getByRole('button', { name: '← Back to the library' }).click();
  await openSource(app, 'Two-page statement');
  await expect(text.locator('mark')).toHaveCount(0);
  await quote.getByRole('button', { name: 'Show in snapshot' }).click();
  await expect(text.locator('mark')).toHaveText('five dozen liquor jugs');
});

test('a file that is not what its name says is refused and nothing is stored', async ({ app }) => {
  await addSource(app, { title: 'Photo source' });
  await openSource(app, 'Photo source');
  await app.getByLabel('Snapshot file').setInputFiles(fixture('photo-named.pdf'));
  await expect(app.getByRole('alert')).toContainText('is not a PDF');
  await expect(app.getByRole('document', { name: 'Snapshot text' })).toHaveCount(0);
  await expect(app.getByLabel('Snapshot file')).toBeVisible();
});

test('several sources are tagged at once, and a parent tag filters its children', async ({ app }) => {
  for (const title of ['Seoul statement', 'Tokyo statement', 'Brussels statement']) await addSource(app, { title });
  await app.getByRole('checkbox', { name: 'Select “Seoul statement”' }).check();
  await app.getByRole('checkbox', { name: 'Select “Tokyo statement”' }).check();
  const bulk = app.getByRole('region', { name: 'Selected sources' });
  await expect(bulk).toContainText('2 sources selected');
  await bulk.getByLabel('Tag selected').fill('Region/Asia-Pacific');
  await bulk.getByRole('button', { name: 'Tag selected' }).click();
  // The sources table shows each source's tags by full path.
  const seoul = app.getByRole('row').filter({ has: app.getByRole('button', { name: 'Open “Seoul statement”' }) });
  await expect(seoul.getByRole('cell', { name: 'Region/Asia-Pacific' })).toBeVisible();

  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Tags' }).click();
  await app.getByLabel('New tag').fill('Region');
  await app.getByRole('button', { name: 'Create tag' }).click();
  await expect(app.getByRole('list', { name: 'All tags' })).toContainText('2 sources');
  // Full paths, not only the last name.
  await expect(app.getByRole('list', { name: 'All tags' }).getByRole('listitem').last()).toContainText('Region/Asia-Pacific');

  await app.keyboard.press('Alt+1');
  await app.getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'Region' });
  await expect(app.getByText('2 sources')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Open “Brussels statement”' })).toHaveCount(0);
});

test('renaming a tag moves its children; merging folds one tag into another', async ({ app }) => {
  await addSource(app, { title: 'Alliance communiqué' });
  await openSource(app, 'Alliance communiqué');
  await app.getByLabel('Tag source').fill('Actor/NATO/SG');
  await app.getByRole('button', { name: 'Tag source' }).click();
  await expect(app.getByRole('list', { name: 'Tags' }).first()).toContainText('Actor/NATO/SG');
  await app.getByLabel('Tag source').fill('Org/Alliance');
  await app.getByRole('button', { name: 'Tag source' }).click();
  await expect(app.getByRole('list', { name: 'Tags' }).first()).toContainText('Org/Alliance');

  await app.keyboard.press('Alt+5');
  await app.getByLabel('New tag').fill('Actor/NATO');
  await app.getByRole('button', { name: 'Create tag' }).click();
  await app.getByRole('button', { name: 'Rename tag Actor/NATO', exact: true }).click();
  const rename = app.getByRole('dialog', { name: 'Rename “Actor/NATO”' });
  await rename.getByLabel('Path').fill('Org/NATO');
  await rename.getByRole('button', { name: 'Rename' }).click();
  const all = app.getByRole('list', { name: 'All tags' });
  await expect(all.getByRole('button', { name: 'Rename tag Org/NATO/SG' })).toBeVisible();
  await expect(all.getByRole('button', { name: 'Rename tag Actor/NATO/SG' })).toHaveCount(0);
  // Counts agree with their nouns: one source, no quotes.
  await expect(all.getByRole('listitem').filter({ has: app.getByRole('button', { name: 'Rename tag Org/NATO/SG' }) })).toContainText(
    '1 source · 0 quotes',
  );

  await app.getByRole('button', { name: 'Merge tag Org/Alliance' }).click();
  const merge = app.getByRole('dialog', { name: 'Merge “Org/Alliance” into…' });
  await merge.getByLabel('Merge into').selectOption({ label: 'Org/NATO' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(all.getByRole('button', { name: 'Rename tag Org/Alliance' })).toHaveCount(0);

  await app.keyboard.press('Alt+1');
  await openSource(app, 'Alliance communiqué');
  const chips = app.getByRole('list', { name: 'Tags' }).first();
  await expect(chips).toContainText('Org/NATO');
  await expect(chips).toContainText('Org/NATO/SG');
  await expect(chips).not.toContainText('Alliance');
});

test('search as you type finds sources and quotes, with filters, in Japanese too', async ({ app }) => {
  // The longest flow of the file (two sources, a snapshot, a quote, four searches): on a loaded
  // two-core machine it has run past the default 30 s.
  test.slow();
  await addSource(app, { title: 'Ministry of Defense white paper', kind: 'Document', reliability: 'A — Completely reliable' });
  await addSource(app, { title: 'Blog post on missile defence', kind: 'Social media post' });
  await openSource(app, 'Ministry of Defense white paper');
  await app.getByLabel('Or paste the text').fill('防衛省は弾道ミサイル防衛の強化を発表した。 The missile defence review was published.');
  await app.getByRole('button', { name: 'Capture pasted text' }).click();
  await selectInSnapshot(app, '弾道ミサイル防衛の強化');
  await saveSelectionAsQuote(app);
  await app.getByRole('button', { name: '← Back to the library' }).click();

  const search = app.getByLabel('Search the library');
  await app.keyboard.press('/');
  await expect(search).toBeFocused();
  await app.keyboard.type('missile');
  const sources = app.getByRole('list', { name: 'Matching sources' });
  await expect(sources.getByRole('button')).toHaveCount(2);
  await expect(sources.locator('mark').first()).toHaveText(/missile/i);

  await app.getByRole('checkbox', { name: 'Document' }).check();
  await expect(sources.getByRole('button')).toHaveCount(1);
  await expect(sources).toContainText('Ministry of Defense white paper');

  await search.fill('防衛');
  const quotes = app.getByRole('list', { name: 'Matching quotes' });
  await expect(quotes.getByRole('button')).toHaveCount(1);
  await expect(quotes.locator('mark')).toHaveText('防衛');
  await quotes.getByRole('button').click();
  await expect(app.getByRole('heading', { level: 1, name: 'Ministry of Defense white paper' })).toBeVisible();
  await expect(app.getByRole('document', { name: 'Snapshot text' }).locator('mark')).toHaveText('弾道ミサイル防衛の強化');

  await app.keyboard.press('/');
  await search.fill('NEAR( "unbalanced ( * -');
  await expect(app.getByText('Nothing matches.')).toBeVisible();
});

test('a deleted quote goes to the trash and comes back', async ({ app }) => {
  await addSource(app, { title: 'Press conference' });
  await openSource(app, 'Press conference');
  await app.getByRole('button', { name: 'Add quote by hand' }).click();
  const dialog = app.getByRole('dialog', { name: 'New quote' });
  await dialog.getByLabel('Quoted text').fill('We will not accept a nuclear North Korea.');
  await dialog.getByLabel('Timestamp').fill('00:14:32');
  await dialog.getByRole('button', { name: 'Save quote' }).click();
  const quotes = app.getByRole('list', { name: 'Quotes' });
  await expect(quotes).toContainText('Typed (not selected in the snapshot)');
  await expect(quotes).toContainText('00:14:32');

  await app.getByRole('button', { name: /^Delete quote/ }).click();
  await expect(app.getByText('No quotes yet.')).toBeVisible();
  await app.keyboard.press('Alt+3');
  await expect(app.getByRole('list', { name: 'Deleted items' })).toContainText('We will not accept a nuclear North Korea.');
  await app.getByRole('button', { name: /^Restore “We will not accept/ }).click();
  await app.keyboard.press('Alt+1');
  await openSource(app, 'Press conference');
  await expect(app.getByRole('list', { name: 'Quotes' })).toContainText('We will not accept a nuclear North Korea.');
});
