import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, knownMigrations } from '../../db/migrations';
import { WARRANT_APPLICATION_ID } from '../../db/open-workspace';
import { Workspace } from '../../db/workspace';
import { type Source } from '../../src/domain/source';
import { failure, ids, LibraryFixture } from './helpers/library';

const CAPTURES_MIGRATION = '20261204T200000';
const lib = new LibraryFixture();
let source: Source;

beforeEach(() => {
  lib.open();
  source = lib.source({ title: 'Ministry statement', kind: 'official_statement' });
});

afterEach(() => {
  lib.close();
});

describe('several captures of one source', () => {
  it('keeps quotes on each capture, verified against their own capture, and lists the captures newest first', () => {
    const first = lib.snapshot(source.id, 'The ministry said the launch was a grave provocation.');
    const early = lib.selectedQuote(source.id, 'grave provocation');
    const second = lib.snapshot(source.id, 'The ministry later said the launch was a serious concern.', { fileName: 'again.txt' });
    const late = lib.selectedQuote(source.id, 'serious concern');

    expect(lib.ws.quotes.get(early.id)).toMatchObject({ snapshotId: first.id, integrity: 'verified' });
    expect(lib.ws.quotes.get(late.id)).toMatchObject({ snapshotId: second.id, integrity: 'verified' });
    expect(lib.ws.snapshots.list(source.id).map((capture) => [capture.id, capture.quoteCount])).toEqual([
      [second.id, 1],
      [first.id, 1],
    ]);
    // A quote cut from the earlier capture, named explicitly, is checked against that capture's text.
    const span = { start: 4, end: 12 };
    const named = lib.quote(source.id, { text: 'ministry', span, snapshotId: first.id });
    expect(named).toMatchObject({ snapshotId: first.id, integrity: 'verified' });
    expect(
      failure(() => lib.quote(source.id, { text: 'grave provocation', span: { start: 35, end: 52 }, snapshotId: second.id })).code,
    ).toBe('invalid_input');
    expect(failure(() => lib.quote(source.id, { text: 'ministry', span, snapshotId: 'no-such-capture' })).code).toBe('not_found');
    // Editing a quote keeps it with its capture; it cannot be moved to another.
    const edited = lib.ws.quotes.update(early.id, { ...lib.ws.quotes.get(early.id), note: 'edited', snapshotId: null, span: early.span });
    expect(edited).toMatchObject({ snapshotId: first.id, integrity: 'verified', note: 'edited' });
    expect(failure(() => lib.ws.quotes.update(early.id, { ...edited, snapshotId: second.id })).code).toBe('invalid_input');
  });

  it('refuses to remove a quoted capture while an unquoted one goes, and search follows the current capture', () => {
    const first = lib.snapshot(source.id, 'Original wording about Pyongyang.');
    lib.selectedQuote(source.id, 'Original wording');
    expect(ids(lib.search('Pyongyang').sources.items)).toEqual([source.id]);

    const second = lib.snapshot(source.id, 'Revised wording about Hamhung.');
    expect(lib.search('Pyongyang').sources.total).toBe(0);
    expect(ids(lib.search('Hamhung').sources.items)).toEqual([source.id]);

    const refused = failure(() => lib.ws.snapshots.remove(source.id, first.id));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/^1 quote was cut from this capture/);
    expect(lib.ws.snapshots.list(source.id)).toHaveLength(2);

    // Removing the unquoted current capture makes the earlier one current again, in search too.
    lib.ws.snapshots.remove(source.id, second.id);
    expect(lib.ws.snapshots.info(source.id).id).toBe(first.id);
    expect(ids(lib.search('Pyongyang').sources.items)).toEqual([source.id]);
    expect(lib.search('Hamhung').sources.total).toBe(0);
    expect(failure(() => lib.ws.snapshots.text(source.id, second.id)).code).toBe('not_found');
  });

  it('re-checks the hash of every capture, and an altered earlier capture marks only its own quotes', () => {
    lib.snapshot(source.id, 'First words.');
    const early = lib.selectedQuote(source.id, 'First');
    lib.snapshot(source.id, 'Second words.');
    const late = lib.selectedQuote(source.id, 'Second');
    const path = lib.path;
    lib.shut();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER snapshots_are_immutable');
    raw.prepare("UPDATE snapshots SET content = CAST('Forged.' AS BLOB) WHERE id = ?").run(early.snapshotId);
    raw.exec(`CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'A snapshot is never modified after capture.');
END`);
    raw.close();
    const ws = lib.reopen();
    ws.snapshots.ensureChecked(source.id);
    expect(ws.snapshots.list(source.id).map((capture) => capture.hashCheck.state)).toEqual(['matches', 'mismatch']);
    expect(ws.quotes.get(early.id).integrity).toBe('snapshot-altered');
    expect(ws.quotes.get(late.id).integrity).toBe('verified');
  });
});

describe('migrating a workspace with one snapshot per source', () => {
  it('gives the snapshot its own id and points every quote of the source at it, keeping its images', () => {
    const path = join(lib.temp.make(), 'before-captures.warrant');
    const db = new Database(path);
    const text = 'We must keep up the pressure on North Korea.';
    const bytes = Buffer.from(text);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`application_id = ${WARRANT_APPLICATION_ID}`);
      applyMigrations(
        db,
        knownMigrations()
          .map((m) => m.id)
          .filter((id) => id < CAPTURES_MIGRATION),
      );
      const at = '2026-01-01T00:00:00.000Z';
      db.prepare("INSERT INTO sources (id, title, created_at, updated_at) VALUES ('src-1', 'Speech', ?, ?)").run(at, at);
      db.prepare(
        "INSERT INTO snapshots (source_id, file_name, media_type, size, sha256, captured_at, content, text, archive_format) VALUES ('src-1', 'speech.mhtml', 'text/html', ?, ?, ?, ?, ?, 'mhtml')",
      ).run(bytes.byteLength, createHash('sha256').update(bytes).digest('hex'), at, bytes, text);
      db.prepare(
        "INSERT INTO snapshot_resources (source_id, location, media_type, content) VALUES ('src-1', 'cid:chart', 'image/png', x'89504e47')",
      ).run();
      const quote = db.prepare(
        "INSERT INTO quotes (id, source_id, text, start_offset, end_offset, created_at, updated_at) VALUES (?, 'src-1', ?, ?, ?, ?, ?)",
      );
      quote.run('q-cut', 'keep up the pressure', 8, 28, at, at);
      quote.run('q-typed', 'A paraphrase', null, null, at, at);
    } finally {
      db.close();
    }

    const ws = Workspace.open(path);
    try {
      const [capture, ...others] = ws.snapshots.list('src-1');
      expect(others).toEqual([]);
      expect(capture?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(capture).toMatchObject({ sourceId: 'src-1', fileName: 'speech.mhtml', quoteCount: 2, archive: { format: 'mhtml' } });
      expect(ws.quotes.get('q-cut')).toMatchObject({ snapshotId: capture?.id, integrity: 'verified' });
      expect(ws.quotes.get('q-typed').snapshotId).toBe(capture?.id);
      expect(ws.snapshots.images('src-1').map((image) => image.location)).toEqual(['cid:chart']);
      expect(failure(() => ws.snapshots.remove('src-1')).code).toBe('invalid_input');
    } finally {
      ws.close();
    }
  });
});
