import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SourceSortKey } from '../../src/domain/source';
import { Workspace } from '../../db/workspace';
import { draft, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let path: string;
let workspace: Workspace;
let tick: number;

/** A clock one second further on at every read, so records have a known order. */
function clock(): string {
  tick += 1;
  return new Date(Date.UTC(2026, 0, 1, 0, 0, tick)).toISOString();
}

beforeEach(() => {
  tick = 0;
  path = join(temp.make(), 'case.warrant');
  workspace = Workspace.open(path, { create: true, now: clock });
});

afterEach(() => {
  workspace.close();
  temp.cleanup();
});

function titles(sort: SourceSortKey, direction: 'asc' | 'desc'): string[] {
  return workspace.sources.list({ sort, direction, limit: 100, offset: 0 }).items.map((source) => source.title);
}

describe('sources', () => {
  it('creates a source with an id and timestamps and reads it back', () => {
    const created = workspace.sources.create(draft({ title: 'Speech at Keio University', kind: 'speech', reliability: 'A' }));
    expect(created).toMatchObject({
      title: 'Speech at Keio University',
      kind: 'speech',
      reliability: 'A',
      publisher: 'NATO',
      publishedDate: '2017-10-30',
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBe('2026-01-01T00:00:01.000Z');
    expect(created.updatedAt).toBe(created.createdAt);
    expect(workspace.sources.get(created.id)).toEqual(created);
    expect(workspace.sources.create(draft()).id).not.toBe(created.id);
  });

  it('keeps an ungraded source ungraded (null)', () => {
    const created = workspace.sources.create(draft({ reliability: null, url: null, publishedDate: null }));
    expect(workspace.sources.get(created.id)).toMatchObject({ reliability: null, url: null, publishedDate: null });
  });

  it('updates the editable fields and updatedAt, keeping createdAt', () => {
    const created = workspace.sources.create(draft());
    const updated = workspace.sources.update(
      created.id,
      draft({ title: 'Renamed', reliability: 'C', notes: 'Checked against transcript.' }),
    );
    expect(updated).toMatchObject({
      id: created.id,
      title: 'Renamed',
      reliability: 'C',
      notes: 'Checked against transcript.',
      createdAt: created.createdAt,
    });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(workspace.sources.get(created.id)).toEqual(updated);
  });

  it('reports not_found for a missing source on get, update and trash', () => {
    expect(() => workspace.sources.get('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => workspace.sources.update('nope', draft())).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => workspace.sources.trash('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('pages through the list and reports the total', () => {
    for (let i = 0; i < 7; i += 1) workspace.sources.create(draft({ title: `Source ${i}` }));
    const page = workspace.sources.list({ sort: 'title', direction: 'asc', limit: 3, offset: 3 });
    expect(page.total).toBe(7);
    expect(page.items.map((source) => source.title)).toEqual(['Source 3', 'Source 4', 'Source 5']);
    expect(workspace.sources.list({ sort: 'title', direction: 'asc', limit: 3, offset: 6 }).items).toHaveLength(1);
  });

  describe('sorting', () => {
    beforeEach(() => {
      workspace.sources.create(draft({ title: 'banana', publishedDate: '2017', accessedDate: '2026-01-02', reliability: 'C' }));
      workspace.sources.create(draft({ title: 'Apple', publishedDate: '2017-10-31', accessedDate: null, reliability: null }));
      workspace.sources.create(draft({ title: 'cherry', publishedDate: null, accessedDate: '2025', reliability: 'A' }));
      workspace.sources.create(draft({ title: 'date', publishedDate: '2016-05', accessedDate: '2026-01', reliability: 'F' }));
    });

    it('sorts by title, ignoring case, both ways', () => {
      expect(titles('title', 'asc')).toEqual(['Apple', 'banana', 'cherry', 'date']);
      expect(titles('title', 'desc')).toEqual(['date', 'cherry', 'banana', 'Apple']);
    });

    it('sorts by published date with undated sources last both ways', () => {
      expect(titles('published', 'asc')).toEqual(['date', 'banana', 'Apple', 'cherry']);
      expect(titles('published', 'desc')).toEqual(['Apple', 'banana', 'date', 'cherry']);
    });

    it('sorts by accessed date with undated sources last both ways', () => {
      expect(titles('accessed', 'asc')).toEqual(['cherry', 'date', 'banana', 'Apple']);
      expect(titles('accessed', 'desc')).toEqual(['banana', 'date', 'cherry', 'Apple']);
    });

    it('sorts by reliability with ungraded sources last both ways', () => {
      expect(titles('reliability', 'asc')).toEqual(['cherry', 'banana', 'date', 'Apple']);
      expect(titles('reliability', 'desc')).toEqual(['date', 'banana', 'cherry', 'Apple']);
    });

    it('sorts by last update', () => {
      expect(titles('updated', 'desc')).toEqual(['date', 'cherry', 'Apple', 'banana']);
      expect(titles('updated', 'asc')).toEqual(['banana', 'Apple', 'cherry', 'date']);
      const apple = workspace.sources.list({ sort: 'title', direction: 'asc', limit: 1, offset: 0 }).items[0];
      workspace.sources.update(apple?.id ?? '', draft({ title: 'Apple' }));
      expect(titles('updated', 'desc')[0]).toBe('Apple');
    });
  });
});

describe('trash', () => {
  it('moves a deleted source out of the list and into the trash', () => {
    const keep = workspace.sources.create(draft({ title: 'Keep' }));
    const gone = workspace.sources.create(draft({ title: 'Duplicate report' }));
    const deletedAt = workspace.sources.trash(gone.id);

    const listed = workspace.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 });
    expect(listed.total).toBe(1);
    expect(listed.items.map((source) => source.id)).toEqual([keep.id]);
    expect(workspace.trash.list()).toEqual([{ kind: 'source', id: gone.id, label: 'Duplicate report', detail: '', deletedAt }]);
    expect(() => workspace.sources.get(gone.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => workspace.sources.update(gone.id, draft())).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => workspace.sources.trash(gone.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('lists the newest deletion first', () => {
    const a = workspace.sources.create(draft({ title: 'A' }));
    const b = workspace.sources.create(draft({ title: 'B' }));
    workspace.sources.trash(a.id);
    workspace.sources.trash(b.id);
    expect(workspace.trash.list().map((item) => item.label)).toEqual(['B', 'A']);
  });

  it('restores a source unchanged, once', () => {
    const source = workspace.sources.create(draft({ title: 'Restored', reliability: 'D' }));
    workspace.sources.trash(source.id);
    workspace.trash.restore({ kind: 'source', id: source.id });
    expect(workspace.sources.get(source.id)).toEqual(source);
    expect(workspace.trash.list()).toEqual([]);
    expect(() => workspace.trash.restore({ kind: 'source', id: source.id })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('empties the trash for good, counting what went and leaving live sources', () => {
    const live = workspace.sources.create(draft({ title: 'Live' }));
    const ids = ['One', 'Two', 'Three'].map((title) => workspace.sources.create(draft({ title })).id);
    for (const id of ids) workspace.sources.trash(id);
    expect(workspace.trash.list()).toHaveLength(3);

    expect(workspace.trash.empty()).toBe(3);
    expect(workspace.trash.list()).toEqual([]);
    expect(workspace.trash.empty()).toBe(0);
    expect(() => workspace.trash.restore({ kind: 'source', id: ids[0] ?? '' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(workspace.sources.list({ sort: 'title', direction: 'asc', limit: 10, offset: 0 }).items.map((source) => source.id)).toEqual([
      live.id,
    ]);

    workspace.close();
    const reader = new Database(path, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(1);
    } finally {
      reader.close();
    }
  });
});

describe('settings', () => {
  it('starts with the defaults', () => {
    expect(workspace.settings.get()).toMatchObject({ analystName: '', defaultMarking: 'TLP:CLEAR', backupsToKeep: 5 });
  });

  it('applies a partial update and keeps the other settings', () => {
    expect(workspace.settings.update({ analystName: 'J. Smith' })).toMatchObject({
      analystName: 'J. Smith',
      defaultMarking: 'TLP:CLEAR',
      backupsToKeep: 5,
    });
    expect(workspace.settings.update({ defaultMarking: 'TLP:AMBER' })).toMatchObject({
      analystName: 'J. Smith',
      defaultMarking: 'TLP:AMBER',
      backupsToKeep: 5,
    });
    expect(workspace.settings.update({})).toMatchObject({ analystName: 'J. Smith', defaultMarking: 'TLP:AMBER', backupsToKeep: 5 });
  });

  it('persists settings in the workspace file', () => {
    workspace.settings.update({ analystName: 'J. Smith', defaultMarking: 'OFFICIAL-SENSITIVE' });
    workspace.close();
    workspace = Workspace.open(path);
    expect(workspace.settings.get()).toMatchObject({ analystName: 'J. Smith', defaultMarking: 'OFFICIAL-SENSITIVE', backupsToKeep: 5 });
  });

  it('falls back to the default for a stored value that is not JSON', () => {
    workspace.settings.update({ analystName: 'J. Smith' });
    workspace.close();
    const db = new Database(path);
    db.prepare("INSERT INTO settings (key, value) VALUES ('defaultMarking', '{not json')").run();
    db.close();
    workspace = Workspace.open(path);
    expect(workspace.settings.get()).toMatchObject({ analystName: 'J. Smith', defaultMarking: 'TLP:CLEAR', backupsToKeep: 5 });
  });
});
