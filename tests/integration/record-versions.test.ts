import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireResult } from '../../src/contract/errors';
import type { Quote } from '../../src/domain/quote';
import type { StoredSettings } from '../../src/domain/settings';
import type { Source } from '../../src/domain/source';
import type { Tag } from '../../src/domain/tag';
import { ContractFixture } from './helpers/contract';

/**
 * Two editors (tabs, windows, hosts) load the same record; the first saves, then the second saves
 * from the version it loaded. The second is refused with the stored record, and nothing it sent lands.
 */
describe('optimistic concurrency on library records and settings', () => {
  let contract: ContractFixture;
  beforeEach(() => {
    contract = new ContractFixture().open();
  });
  afterEach(() => contract.close());

  const refusedWith = (result: WireResult, version: number, current: Record<string, unknown>): void => {
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('changed elsewhere'), details: { version, current } },
    });
  };

  it('sources', async () => {
    const loaded = await contract.value<Source>('sources.create', { draft: { title: 'Speech', notes: 'first' } });
    expect(loaded.version).toBe(1);
    const first = await contract.value<Source>('sources.update', { id: loaded.id, version: 1, draft: { title: 'Speech', notes: 'tab A' } });
    expect(first.version).toBe(2);
    refusedWith(await contract.call('sources.update', { id: loaded.id, version: 1, draft: { title: 'Tab B title', notes: 'tab B' } }), 2, {
      notes: 'tab A',
      title: 'Speech',
    });
    expect(await contract.value<Source>('sources.get', { id: loaded.id })).toMatchObject({ title: 'Speech', notes: 'tab A', version: 2 });
    // Keeping theirs: the same edit, re-sent against the version now stored.
    expect(
      await contract.value<Source>('sources.update', { id: loaded.id, version: 2, draft: { title: 'Tab B title', notes: 'tab B' } }),
    ).toMatchObject({ notes: 'tab B', version: 3 });
    expect(await contract.call('sources.update', { id: loaded.id, draft: { title: 'No version' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('quotes', async () => {
    const source = await contract.value<Source>('sources.create', { draft: { title: 'Speech' } });
    const loaded = await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text: 'Pressure is key.' } });
    await contract.value<Quote>('quotes.update', {
      id: loaded.id,
      version: loaded.version,
      draft: { sourceId: source.id, text: 'Pressure is key.', credibility: '2' },
    });
    refusedWith(
      await contract.call('quotes.update', {
        id: loaded.id,
        version: loaded.version,
        draft: { sourceId: source.id, text: 'Pressure is key.', note: 'tab B' },
      }),
      2,
      { credibility: '2', note: '' },
    );
    expect(await contract.value<Quote>('quotes.get', { id: loaded.id })).toMatchObject({ credibility: '2', note: '', version: 2 });
  });

  it('tags', async () => {
    const loaded = await contract.value<Tag>('tags.create', { path: 'Actor/NATO' });
    await contract.value<Tag>('tags.update', { id: loaded.id, version: loaded.version, path: 'Actor/North Atlantic Treaty Organization' });
    refusedWith(await contract.call('tags.update', { id: loaded.id, version: loaded.version, path: 'Actor/Alliance' }), 2, {
      path: 'Actor/North Atlantic Treaty Organization',
    });
    const { items } = await contract.value<{ items: Tag[] }>('tags.list', {});
    expect(items.map((tag) => tag.path)).toEqual(['Actor/North Atlantic Treaty Organization']);
  });

  it('settings: a change to a setting the form writes conflicts; one it leaves alone does not', async () => {
    const loaded = await contract.value<StoredSettings>('settings.get', {});
    await contract.value('settings.update', { analystName: 'Tab A', version: loaded.version });
    refusedWith(
      await contract.call('settings.update', { analystName: 'Tab B', defaultMarking: 'TLP:AMBER', version: loaded.version }),
      loaded.version + 1,
      { analystName: 'Tab A' },
    );
    expect(await contract.value<StoredSettings>('settings.get', {})).toMatchObject({ analystName: 'Tab A', defaultMarking: 'TLP:CLEAR' });

    const reloaded = await contract.value<StoredSettings>('settings.get', {});
    await contract.value('settings.update', { backupsToKeep: 3 });
    expect(await contract.value<StoredSettings>('settings.update', { analystName: 'Tab B', version: reloaded.version })).toMatchObject({
      analystName: 'Tab B',
      backupsToKeep: 3,
    });
  });
});

/**
 * Two tabs load the same record; each changes a different field of its whole form and saves with
 * what it loaded as `base`. The second save lands over the first (only its own field), so neither
 * change is written back with its old value; the same field changed on both sides is still refused.
 */
describe('whole-form saves with the base they loaded', () => {
  // One workspace for both: each works on records of its own.
  const contract = new ContractFixture();
  beforeAll(() => void contract.open());
  afterAll(() => contract.close());

  it('sources: each tab keeps its own field; one field changed in both is a conflict', async () => {
    const loaded = await contract.value<Source>('sources.create', { draft: { title: 'Speech', notes: 'first' } });
    const base = { title: 'Speech', notes: 'first', reliability: null };
    await contract.value('sources.update', { id: loaded.id, version: 1, base, draft: { ...base, notes: 'tab A' } });
    const second = await contract.value<Source>('sources.update', {
      id: loaded.id,
      version: 1,
      base,
      draft: { ...base, reliability: 'B' },
    });
    expect(second).toMatchObject({ title: 'Speech', notes: 'tab A', reliability: 'B', version: 3 });

    const clash = await contract.call('sources.update', { id: loaded.id, version: 1, base, draft: { ...base, notes: 'tab C' } });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', details: { version: 3, current: { notes: 'tab A' } } } });
    // The same value on both sides is no clash: nothing is lost by writing it.
    expect(
      await contract.value<Source>('sources.update', {
        id: loaded.id,
        version: 1,
        base,
        draft: { ...base, notes: 'tab A', title: 'Speech, 1 May' },
      }),
    ).toMatchObject({ title: 'Speech, 1 May', notes: 'tab A', reliability: 'B', version: 4 });
  });

  it('quotes: a note and a grade changed in two tabs from the same version are both kept', async () => {
    const source = await contract.value<Source>('sources.create', { draft: { title: 'Speech' } });
    const loaded = await contract.value<Quote>('quotes.create', { draft: { sourceId: source.id, text: 'Pressure is key.' } });
    const base = { sourceId: source.id, text: 'Pressure is key.', note: '', credibility: null };
    await contract.value('quotes.update', { id: loaded.id, version: loaded.version, base, draft: { ...base, credibility: '2' } });
    expect(
      await contract.value<Quote>('quotes.update', { id: loaded.id, version: loaded.version, base, draft: { ...base, note: 'tab B' } }),
    ).toMatchObject({ credibility: '2', note: 'tab B', version: 3 });
  });
});
