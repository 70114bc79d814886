import { describe, expect, it } from 'vitest';
import { JudgementStore } from '../../renderer/editor/plugins/judgements/judgement-store';
import type { Judgement } from '../../src/domain/judgement';

const record = (id: string, version: number, statement: string): Judgement => ({
  id,
  briefingId: 'briefing-1',
  position: 0,
  statement,
  likelihood: null,
  confidence: null,
  rationale: '',
  evidence: [],
  counts: {
    supports: { quotes: 0, sources: 0, independentSources: 0 },
    contradicts: { quotes: 0, sources: 0, independentSources: 0 },
    context: { quotes: 0, sources: 0, independentSources: 0 },
  },
  matrixCitation: null,
  version,
  createdAt: '2026-12-05T08:00:00.000Z',
  updatedAt: '2026-12-05T08:00:00.000Z',
});

describe('the judgement store takes a list that was on its way during saves', () => {
  it('keeps a save answered after the list was asked for, and a judgement added meanwhile', () => {
    const store = new JudgementStore();
    store.setAll('icd203', [record('a', 1, '')]);
    const askedAt = store.mark();
    store.put(record('a', 2, 'NATO will keep up pressure.'));
    store.put(record('b', 1, ''));
    store.setAll('icd203', [record('a', 1, '')], askedAt);
    expect(store.get('a')?.statement).toBe('NATO will keep up pressure.');
    expect(store.ids()).toEqual(['a', 'b']);
  });

  it('takes the list where it is as new as the save, and drops what the list no longer has from before it was asked', () => {
    const store = new JudgementStore();
    store.setAll('icd203', [record('a', 1, ''), record('gone', 1, '')]);
    const askedAt = store.mark();
    store.put(record('a', 2, 'Saved here.'));
    store.setAll('icd203', [record('a', 3, 'Changed in another window.')], askedAt);
    expect(store.get('a')?.statement).toBe('Changed in another window.');
    expect(store.has('gone')).toBe(false);
  });

  it('remounts the blocks only when the list brings news', () => {
    const store = new JudgementStore();
    store.setAll('icd203', [record('a', 1, 'x')]);
    const first = store.generation();
    store.setAll('icd203', [record('a', 1, 'x')]);
    expect(store.generation()).toBe(first);
    store.setAll('icd203', [record('a', 2, 'y')]);
    expect(store.generation()).toBe(first + 1);
    store.setAll('phia', [record('a', 2, 'y')]);
    expect(store.generation()).toBe(first + 2);
  });
});
