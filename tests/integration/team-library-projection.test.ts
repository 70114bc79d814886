// The library projection without a server: two workspaces bound to their own copies of the
// library documents, exchanging Yjs updates by hand (what the team server relays). Proves the
// per-field merge, the projection into the tables (search included), idempotent sharing and the
// change log's authors; the same flow over a real team server is in team-library-sync.test.ts.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Workspace } from '../../db/workspace';
import { TeamLibrary } from '../../main/team-client/team-library';
import { LIBRARY_KINDS, libraryDocumentName, recordsOf, writeRecord } from '../../src/team/library-document';
import { QuoteDraftSchema } from '../../src/domain/quote';
import { draft, TempDirs } from './helpers/temp-workspace';

const dirs = new TempDirs();
const opened: Workspace[] = [];
afterEach(() => {
  for (const workspace of opened.splice(0)) workspace.close();
});
afterAll(() => dirs.cleanup());

interface Bench {
  workspace: Workspace;
  library: TeamLibrary;
  docs: Map<string, Y.Doc>;
}

/** An empty workspace made once per file and copied for each workbench (migrating a new file costs most of a test). */
let template: string | null = null;

function emptyWorkspace(user: string): Workspace {
  if (template === null) {
    template = join(dirs.make(), 'template.warrant');
    Workspace.open(template, { create: true }).close();
  }
  const path = join(dirs.make(), `${user}.warrant`);
  copyFileSync(template, path);
  return Workspace.open(path);
}

async function bench(user: string): Promise<Bench> {
  const workspace = emptyWorkspace(user);
  opened.push(workspace);
  const docs = new Map<string, Y.Doc>();
  const library = new TeamLibrary(() => workspace, { user, mayWrite: true });
  await library.start(async (name) => {
    const doc = new Y.Doc();
    docs.set(name, doc);
    return doc;
  });
  return { workspace, library, docs };
}

/** What the server does between two connected clients: each side gets what it lacks. */
function exchange(a: Bench, b: Bench): void {
  for (const kind of LIBRARY_KINDS) {
    const name = libraryDocumentName(kind);
    const [docA, docB] = [a.docs.get(name), b.docs.get(name)];
    if (!docA || !docB) throw new Error(`No document ${name}`);
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)), 'server');
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)), 'server');
  }
  a.library.flush();
  b.library.flush();
}

const quote = (sourceId: string, text: string) => QuoteDraftSchema.parse({ sourceId, text });

describe('the team library projection', () => {
  it('merges two analysts’ edits of one source per field, keeps both quotes, and names each author', async () => {
    const ana = await bench('ana');
    const bea = await bench('bea');
    const source = ana.workspace.createSource(draft({ title: 'Port call at Vladivostok' }), ['Region/Asia'], []);
    expect(ana.library.share().records).toBeGreaterThan(0);
    expect(ana.library.share().records).toBe(0);
    exchange(ana, bea);

    expect(bea.workspace.sources.get(source.id).title).toBe('Port call at Vladivostok');
    expect(bea.workspace.sources.get(source.id).tags.map((tag) => tag.path)).toEqual(['Region/Asia']);
    expect(bea.workspace.search.search('Vladivostok', {}, 10).sources.total).toBe(1);

    // Both edit while apart: each write is the whole draft, only the changed field reaches the document.
    const seenByAna = ana.workspace.sources.get(source.id);
    ana.workspace.sources.update(source.id, { ...draft(), ...seenByAna, title: 'Port call at Vladivostok, 3 May' }, seenByAna.version);
    const seenByBea = bea.workspace.sources.get(source.id);
    bea.workspace.sources.update(source.id, { ...draft(), ...seenByBea, reliability: 'B' }, seenByBea.version);
    ana.workspace.quotes.create(quote(source.id, 'Three frigates docked.'));
    bea.workspace.quotes.create(quote(source.id, 'A tanker followed.'));
    ana.library.publishLocalWrites();
    bea.library.publishLocalWrites();
    exchange(ana, bea);

    for (const side of [ana, bea]) {
      const merged = side.workspace.sources.get(source.id);
      expect(merged.title).toBe('Port call at Vladivostok, 3 May');
      expect(merged.reliability).toBe('B');
      const texts = side.workspace.quotes.list({ sourceId: source.id, limit: 10, offset: 0 }).items.map((item) => item.text);
      expect(texts.sort()).toEqual(['A tanker followed.', 'Three frigates docked.']);
    }
    const log = ana.workspace.libraryProjection.changesOf('sources', source.id);
    expect(log.find((change) => change.field === 'title')?.author).toBe('ana');
    expect(log.find((change) => change.field === 'reliability')).toMatchObject({ author: 'bea', oldValue: null, newValue: 'B' });
    // The projection's own writes are not sent back as local changes.
    expect(bea.library.publishLocalWrites()).toBe(0);
  });

  it('takes a source to the trash on the other side, and a quote waits for its source', async () => {
    const ana = await bench('ana');
    const bea = await bench('bea');
    const source = ana.workspace.createSource(draft(), [], []);
    const cut = ana.workspace.quotes.create(quote(source.id, 'Words.'));
    ana.library.share();
    // The quotes document arrives before the sources document.
    const quotes = libraryDocumentName('quotes');
    Y.applyUpdate(bea.docs.get(quotes) as Y.Doc, Y.encodeStateAsUpdate(ana.docs.get(quotes) as Y.Doc), 'server');
    bea.library.flush();
    expect(() => bea.workspace.quotes.get(cut.id)).toThrow();
    exchange(ana, bea);
    expect(bea.workspace.quotes.get(cut.id).text).toBe('Words.');
    expect(bea.workspace.search.search('Words', {}, 10).quotes.total).toBe(1);

    ana.workspace.sources.trash(source.id);
    ana.library.publishLocalWrites();
    exchange(ana, bea);
    expect(() => bea.workspace.sources.get(source.id)).toThrow(/no longer exists/);
    // Out of search with its quotes, as a trashed source is in a solo workspace.
    expect(bea.workspace.search.search('Words', {}, 10).quotes.total).toBe(0);
    expect(
      recordsOf(bea.docs.get(libraryDocumentName('sources')) as Y.Doc)
        .get(source.id)
        ?.get('deleted_at'),
    ).not.toBeNull();
  });

  it('shares only a shared briefing; its judgement waits for it; a record the tables refuse leaves the rest of the batch; trash travels', async () => {
    const ana = await bench('ana');
    const bea = await bench('bea');
    const newBriefing = (title: string) =>
      ana.workspace.briefings.create({ title, typeId: 'briefing', author: '', marking: '', date: null });
    const shared = newBriefing('Shared');
    const solo = newBriefing('Kept here');
    const judgement = ana.workspace.judgements.create(shared.id, {
      statement: 'It will.',
      likelihood: null,
      confidence: 'low',
      rationale: '',
    });
    ana.workspace.judgements.create(solo.id, { statement: 'Mine.', likelihood: null, confidence: null, rationale: '' });
    expect(ana.library.share().records).toBe(0);
    expect(ana.library.shareBriefing(shared.id).records).toBe(2);
    expect(ana.library.shareBriefing(shared.id).records).toBe(0);
    // A write to the solo briefing stays here.
    expect(ana.library.publishLocalWrites()).toBe(0);

    const judgements = libraryDocumentName('judgements');
    Y.applyUpdate(bea.docs.get(judgements) as Y.Doc, Y.encodeStateAsUpdate(ana.docs.get(judgements) as Y.Doc), 'server');
    bea.library.flush();
    expect(() => bea.workspace.judgements.get(judgement.id)).toThrow();
    exchange(ana, bea);
    expect(bea.workspace.judgements.get(judgement.id)).toMatchObject({ statement: 'It will.', confidence: 'low' });
    expect(bea.workspace.briefings.list({ sort: 'title', direction: 'asc', text: '' }).map((item) => item.title)).toEqual(['Shared']);
    // A judgement and a link added after sharing follow their briefing.
    const source = ana.workspace.createSource(draft({ title: 'Log' }), [], []);
    ana.library.share();
    const later = ana.workspace.judgements.create(shared.id, { statement: 'Later.', likelihood: null, confidence: null, rationale: '' });
    ana.workspace.evidence.link(later.id, { kind: 'source', id: source.id }, { stance: 'context', note: '' });
    expect(ana.library.publishLocalWrites()).toBe(2);
    exchange(ana, bea);
    expect(bea.workspace.judgements.get(later.id).evidence).toMatchObject([{ stance: 'context', item: { kind: 'source', id: source.id } }]);

    // A record no table can hold (an empty title) arrives with the trashing of the shared briefing.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...(ana.workspace.libraryProjection.read('briefings', shared.id) ?? {}), title: '' };
    const briefings = ana.docs.get(libraryDocumentName('briefings')) as Y.Doc;
    briefings.transact(() => writeRecord(recordsOf(briefings), 'briefings', 'broken-briefing', broken));
    ana.workspace.briefings.trash(shared.id);
    ana.library.publishLocalWrites();
    exchange(ana, bea);
    expect(errors.mock.calls.some(([message]) => String(message).includes('broken-briefing'))).toBe(true);
    errors.mockRestore();
    expect(bea.workspace.briefings.list({ sort: 'title', direction: 'asc', text: '' })).toEqual([]);
    expect(() => bea.workspace.briefings.get(shared.id)).toThrow(/no longer exists/);
  });
});
