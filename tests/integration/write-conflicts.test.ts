import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WireResult } from '../../src/contract/errors';
import type { Briefing, Revision, RevisionSummary } from '../../src/domain/briefing';
import type { Judgement } from '../../src/domain/judgement';
import { contractPerTest } from './helpers/contract';

const contract = contractPerTest();

/** Everything a refused write could have touched, read through a second connection. */
function storedState(): string {
  const observer = new Database(contract.path, { readonly: true });
  try {
    const rows = (sql: string): unknown[] => observer.prepare(sql).all();
    return JSON.stringify([
      rows('SELECT * FROM briefings ORDER BY num'),
      rows('SELECT * FROM briefing_revisions ORDER BY num'),
      rows('SELECT * FROM briefing_tags ORDER BY briefing_id, tag_id'),
      rows('SELECT * FROM judgements ORDER BY num'),
      rows('SELECT * FROM judgement_changes ORDER BY num'),
    ]);
  } finally {
    observer.close();
  }
}

function text(words: string) {
  const paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', text: words, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
    format: '',
    indent: 0,
    version: 1,
    direction: null,
  };
  return {
    body: JSON.stringify({ root: { type: 'root', children: [paragraph], format: '', indent: 0, version: 1, direction: null } }),
    bodyText: `${words}\n`,
    wordCount: words.split(' ').length,
  };
}

/** The refused call's typed error: `conflict`, with the stored version and record. */
function conflictOf(result: WireResult): { version?: number; current?: unknown } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('the stale write was accepted');
  expect(result.error.code).toBe('conflict');
  return result.error.details ?? {};
}

async function briefing(): Promise<Briefing> {
  return contract.value<Briefing>('briefings.create', { title: 'Tokyo and Seoul', typeId: 'briefing' });
}

describe('a write that started from an older version', () => {
  it('saveBody: tab B saving over tab A’s save is refused, nothing is written, and A’s text stays', async () => {
    const opened = await briefing();
    // Tab A and tab B both opened version `opened.version`; A saves first.
    const a = await contract.value<{ version: number }>('briefings.saveBody', {
      id: opened.id,
      ...text('Text typed in tab A.'),
      baseVersion: opened.version,
    });
    expect(a.version).toBe(opened.version + 1);
    const before = storedState();
    const details = conflictOf(
      await contract.call('briefings.saveBody', { id: opened.id, ...text('Text typed in tab B.'), baseVersion: opened.version }),
    );
    expect(details.version).toBe(a.version);
    expect(details.current).toMatchObject({ id: opened.id, bodyText: 'Text typed in tab A.\n', version: a.version });
    expect(storedState()).toBe(before);
    // B keeps its text as a revision without touching the body, then may take it back.
    const kept = await contract.value<RevisionSummary>('briefings.keepText', {
      briefingId: opened.id,
      name: 'Your unsaved version, 16:03',
      ...text('Text typed in tab B.'),
    });
    expect((await contract.value<Briefing>('briefings.get', { id: opened.id })).bodyText).toBe('Text typed in tab A.\n');
    expect((await contract.value<Revision>('briefings.revision', { id: kept.id })).bodyText).toBe('Text typed in tab B.\n');
    const restored = await contract.value<Briefing>('briefings.restoreRevision', { id: kept.id, baseVersion: a.version });
    expect(restored.bodyText).toBe('Text typed in tab B.\n');
  });

  it('restoreRevision from a stale version is refused and writes nothing', async () => {
    const opened = await briefing();
    const revision = await contract.value<RevisionSummary>('briefings.snapshot', { briefingId: opened.id, name: 'Start' });
    await contract.value('briefings.saveBody', { id: opened.id, ...text('Saved elsewhere meanwhile.'), baseVersion: opened.version });
    const before = storedState();
    conflictOf(await contract.call('briefings.restoreRevision', { id: revision.id, baseVersion: opened.version }));
    expect(storedState()).toBe(before);
  });

  it('updateMeta: a stale title-block save is refused and writes nothing; body saves do not make it stale', async () => {
    const opened = await briefing();
    const meta = {
      title: opened.title,
      typeId: opened.typeId,
      status: opened.status,
      author: opened.author,
      date: opened.date,
      marking: opened.marking,
      summary: '',
      yardstick: opened.yardstick,
      tagIds: [],
    };
    // A body save from the same window leaves the title block's version alone.
    await contract.value('briefings.saveBody', { id: opened.id, ...text('Body text.'), baseVersion: opened.version });
    const a = await contract.value<Briefing>('briefings.updateMeta', {
      id: opened.id,
      meta: { ...meta, title: 'Title from tab A' },
      baseVersion: opened.metaVersion,
    });
    expect(a.metaVersion).toBe(opened.metaVersion + 1);
    const before = storedState();
    const details = conflictOf(
      await contract.call('briefings.updateMeta', {
        id: opened.id,
        meta: { ...meta, title: 'Title from tab B', status: 'final' },
        baseVersion: opened.metaVersion,
      }),
    );
    expect(details).toMatchObject({ version: a.metaVersion, current: { title: 'Title from tab A' } });
    expect(storedState()).toBe(before);
  });

  it('judgements: a stale update, delete or reorder is refused and writes nothing', async () => {
    const opened = await briefing();
    const one = await contract.value<Judgement>('judgements.create', {
      briefingId: opened.id,
      draft: { statement: 'Japan will deepen ties with NATO.' },
    });
    const two = await contract.value<Judgement>('judgements.create', {
      briefingId: opened.id,
      draft: { statement: 'Pyongyang will keep testing.' },
    });
    const draft = { statement: 'Japan will deepen ties with NATO.', likelihood: 'likely', confidence: 'moderate', rationale: 'Tab A.' };
    const a = await contract.value<Judgement>('judgements.update', { id: one.id, draft, baseVersion: one.version });
    expect(a.version).toBe(one.version + 1);
    await contract.value('judgements.reorder', { briefingId: opened.id, ids: [two.id, one.id], baseOrder: [one.id, two.id] });
    const before = storedState();
    const details = conflictOf(
      await contract.call('judgements.update', { id: one.id, draft: { ...draft, rationale: 'Tab B.' }, baseVersion: one.version }),
    );
    expect(details).toMatchObject({ version: a.version, current: { rationale: 'Tab A.' } });
    conflictOf(await contract.call('judgements.delete', { id: one.id, baseVersion: one.version }));
    expect(
      conflictOf(await contract.call('judgements.reorder', { briefingId: opened.id, ids: [one.id, two.id], baseOrder: [one.id, two.id] }))
        .current,
    ).toEqual([two.id, one.id]);
    expect(storedState()).toBe(before);
    // From the current version, the same delete goes through.
    await contract.value('judgements.delete', { id: one.id, baseVersion: a.version });
  });

  it('a yardstick change moves likelihoods and so makes an open judgement form stale', async () => {
    const opened = await briefing();
    const one = await contract.value<Judgement>('judgements.create', {
      briefingId: opened.id,
      draft: { statement: 'S.', likelihood: 'very-likely' },
    });
    const meta = {
      title: opened.title,
      typeId: opened.typeId,
      status: opened.status,
      author: opened.author,
      date: opened.date,
      marking: opened.marking,
      summary: '',
      yardstick: 'phia',
      tagIds: [],
    };
    await contract.value('briefings.updateMeta', { id: opened.id, meta, baseVersion: opened.metaVersion });
    conflictOf(
      await contract.call('judgements.update', {
        id: one.id,
        draft: { statement: 'S.', likelihood: null, confidence: null, rationale: '' },
        baseVersion: one.version,
      }),
    );
  });
});
