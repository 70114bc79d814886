// The shared library over a real team server on 127.0.0.1: two browser hosts with their own
// workspace files, driven through the contract over HTTP as the page drives them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../src/domain/quote';
import type { SnapshotInfo, SnapshotText } from '../../src/domain/snapshot';
import type { Source } from '../../src/domain/source';
import { sourceDraftOf as draftOf } from '../../src/domain/form-edit-merge';
import { extractSnapshot } from '../../main/snapshot/extract';
import { sha256Hex, uploadBlob } from '../../main/team-client/blob-transfer';
import { SnapshotBlobs } from '../../main/team-client/snapshot-blobs';
import type { RunningTeamServer } from '../../main/team/team-server';
import type { RunningBrowserHost } from '../../main/web-host/browser-host';
import { login, eventually } from './helpers/team';
import { attempt, call, startTeam, startWorkbench, TEAM_PASSWORD as PASSWORD } from './helpers/team-setup';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let server: RunningTeamServer;
const hosts: RunningBrowserHost[] = [];

async function startHost(name: string): Promise<RunningBrowserHost> {
  const host = await startWorkbench(temp, name);
  hosts.push(host);
  return host;
}

beforeAll(async () => {
  server = await startTeam(temp.make(), { ana: 'analyst', bea: 'analyst', reed: 'reader' });
});

afterAll(async () => {
  for (const host of hosts) await host.close();
  await server.close();
  temp.cleanup();
});

describe('the team library between two workbenches', () => {
  it('merges a title changed on one side and a grade changed offline on the other, keeps both quotes, and names each author', async () => {
    const [ana, bea] = await Promise.all([startHost('Ana'), startHost('Bea')]);
    const source = await call<Source>(ana, 'sources.create', { draft: { title: 'Port call at Vladivostok' }, tagPaths: ['Region/Asia'] });
    await call(ana, 'team.join', { serverUrl: server.httpUrl, user: 'ana', password: PASSWORD });
    expect((await call<{ records: number }>(ana, 'team.share', {})).records).toBeGreaterThan(0);
    expect((await call<{ records: number }>(ana, 'team.share', {})).records).toBe(0);

    // Bea joins and gets the library without sharing.
    await call(bea, 'team.join', { serverUrl: server.httpUrl, user: 'bea', password: PASSWORD });
    await eventually(async () => expect((await call<Source>(bea, 'sources.get', { id: source.id })).tags).toHaveLength(1));

    // Bea goes offline and changes the grade; Ana changes the title. Each quotes the source.
    const beaHub = (await bea.team()).hub();
    if (!beaHub) throw new Error('Bea should have a hub once joined.');
    beaHub.disconnect();
    await eventually(async () => expect(await call(bea, 'team.status', {})).toMatchObject({ state: 'offline' }));
    const seenByBea = await call<Source>(bea, 'sources.get', { id: source.id });
    await call(bea, 'sources.update', { id: source.id, version: seenByBea.version, draft: { ...draftOf(seenByBea), reliability: 'B' } });
    await call(bea, 'quotes.create', { draft: { sourceId: source.id, text: 'A tanker followed.' } });
    expect(await call(bea, 'team.status', {})).toMatchObject({ state: 'offline', waiting: 2 });
    const seenByAna = await call<Source>(ana, 'sources.get', { id: source.id });
    await call(ana, 'sources.update', {
      id: source.id,
      version: seenByAna.version,
      draft: { ...draftOf(seenByAna), title: 'Port call at Vladivostok, 3 May' },
    });
    await call(ana, 'quotes.create', { draft: { sourceId: source.id, text: 'Three frigates docked.' } });

    await beaHub.reconnect();
    for (const host of [ana, bea]) {
      await eventually(async () => {
        expect(await call<Source>(host, 'sources.get', { id: source.id })).toMatchObject({
          title: 'Port call at Vladivostok, 3 May',
          reliability: 'B',
        });
        const quotes = await call<{ items: { text: string }[] }>(host, 'quotes.list', { sourceId: source.id });
        expect(quotes.items.map((quote) => quote.text).sort()).toEqual(['A tanker followed.', 'Three frigates docked.']);
      });
    }
    await eventually(async () => expect(await call(bea, 'team.status', {})).toMatchObject({ state: 'connected', waiting: 0 }));
    // A form Bea opened before the merge saves a note: a document change, not a conflict, and with
    // the base it loaded it writes the note alone, not Ana's title and her own grade back as they were.
    const merged = await call<Source>(bea, 'sources.get', { id: source.id });
    expect(merged.version).toBeGreaterThan(seenByBea.version + 1);
    const staleForm = draftOf(seenByBea);
    await call(bea, 'sources.update', {
      id: source.id,
      version: seenByBea.version,
      base: staleForm,
      draft: { ...staleForm, notes: 'Checked.' },
    });
    for (const host of [ana, bea])
      await eventually(async () =>
        expect(await call<Source>(host, 'sources.get', { id: source.id })).toMatchObject({
          title: 'Port call at Vladivostok, 3 May',
          reliability: 'B',
          notes: 'Checked.',
        }),
      );
    for (const host of [ana, bea]) {
      const log = host.session.current.libraryProjection.changesOf('sources', source.id);
      expect(log.find((change) => change.field === 'title')?.author).toBe('ana');
      expect(log.find((change) => change.field === 'reliability')?.author).toBe('bea');
    }
  });

  it('carries a capture’s bytes through the blob store: Bea gets the same bytes, its text and the quote cut from it', async () => {
    const [ana, bea] = await Promise.all([startHost('Ana capturing'), startHost('Bea receiving')]);
    const source = await call<Source>(ana, 'sources.create', { draft: { title: 'Harbour report' } });
    const bytes = new TextEncoder().encode('<!doctype html><title>Harbour</title><p>Three frigates docked at dawn.</p>');
    const extracted = await extractSnapshot(bytes, 'harbour.html');
    const capture = ana.session.current.snapshots.attach(source.id, { ...extracted, fileName: 'harbour.html', bytes });
    const start = extracted.text.indexOf('Three frigates');
    await call(ana, 'quotes.create', {
      draft: { sourceId: source.id, snapshotId: capture.id, text: 'Three frigates', span: { start, end: start + 'Three frigates'.length } },
    });
    await call(ana, 'team.join', { serverUrl: server.httpUrl, user: 'ana', password: PASSWORD });
    await call(ana, 'team.share', {});

    await call(bea, 'team.join', { serverUrl: server.httpUrl, user: 'bea', password: PASSWORD });
    await eventually(async () => {
      const quotes = await call<{ items: Quote[] }>(bea, 'quotes.list', { sourceId: source.id });
      expect(quotes.items.map((quote) => quote.snapshotId)).toEqual([capture.id]);
    });
    const received = await call<{ items: SnapshotInfo[] }>(bea, 'snapshots.list', { sourceId: source.id });
    expect(received.items).toMatchObject([
      { id: capture.id, sha256: capture.sha256, capturedAt: capture.capturedAt, hashCheck: { state: 'matches' } },
    ]);
    expect(Buffer.from(bea.session.current.snapshots.content(source.id).bytes)).toEqual(Buffer.from(bytes));
    const text = await call<SnapshotText>(bea, 'snapshots.text', { sourceId: source.id });
    expect(text.text.slice(start, start + 'Three frigates'.length)).toBe('Three frigates');
    // Receiving the capture is not a local write: nothing of it goes back to the team.
    expect(bea.session.current.libraryProjection.takeLocalWrites()).toEqual([]);
  });

  it('keeps waiting for a capture whose bytes are not on the server yet, and stores it once they are', async () => {
    const cy = await startHost('Cy');
    const source = await call<Source>(cy, 'sources.create', { draft: { title: 'Uploaded late' } });
    const token = (await login(server.httpUrl, 'bea', PASSWORD)).token ?? '';
    const bytes = new TextEncoder().encode('The convoy left at noon.');
    const arrived: string[] = [];
    const blobs = new SnapshotBlobs({
      serverUrl: server.httpUrl,
      token,
      workspace: () => cy.session.current,
      sharedCaptures: () => [],
      arrived: (snapshotId) => arrived.push(snapshotId),
      mayUpload: false,
    });
    const id = randomUUID();
    blobs.missing(id, {
      source_id: source.id,
      file_name: 'convoy.txt',
      media_type: 'text/plain',
      size: bytes.length,
      sha256: sha256Hex(bytes),
      captured_at: '2026-12-05T04:00:00.000Z',
      encoding: 'utf-8',
      text_notice: null,
      ocr: null,
      archive_format: null,
      archived_url: null,
      archived_at: null,
    });
    await blobs.idle();
    expect(arrived).toEqual([]);
    await uploadBlob(server.httpUrl, token, bytes);
    await eventually(async () => expect(arrived).toEqual([id]));
    expect(cy.session.current.snapshots.text(source.id)).toMatchObject({ id, text: 'The convoy left at noon.' });
    blobs.close();
  });

  it('keeps a reader’s library read-only: the host refuses the edit and nothing changes', async () => {
    const reed = await startHost('Reed');
    const source = await call<Source>(reed, 'sources.create', { draft: { title: 'Written before joining' } });
    await call(reed, 'team.join', { serverUrl: server.httpUrl, user: 'reed', password: PASSWORD });
    const refused = await attempt(reed, 'sources.update', {
      id: source.id,
      version: source.version,
      draft: { ...draftOf(source), title: 'x' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await call<Source>(reed, 'sources.get', { id: source.id })).title).toBe('Written before joining');
    expect(await attempt(reed, 'team.share', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
