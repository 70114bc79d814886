import { describe, expect, it } from 'vitest';
import { describeReliability } from '../../src/domain/admiralty';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema } from '../../src/domain/settings';
import { SourceDraftSchema, SourceListQuerySchema } from '../../src/domain/source';

describe('SourceDraftSchema', () => {
  it('fills defaults: kind other, ungraded (reliability null), empty texts, null url and dates', () => {
    expect(SourceDraftSchema.parse({ title: '  Speech in Tokyo  ' })).toEqual({
      title: 'Speech in Tokyo',
      kind: 'other',
      url: null,
      author: '',
      publisher: '',
      publishedDate: null,
      accessedDate: null,
      language: '',
      reliability: null,
      notes: '',
    });
  });

  it('requires a title that is not only whitespace', () => {
    for (const input of [{}, { title: '' }, { title: '   ' }]) {
      const result = SourceDraftSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['title']);
      expect(result.error?.issues[0]?.message).toBe('Give the source a title.');
    }
  });

  it('accepts grades A to F and refuses anything else', () => {
    for (const grade of ['A', 'B', 'C', 'D', 'E', 'F'] as const) {
      expect(SourceDraftSchema.parse({ title: 't', reliability: grade }).reliability).toBe(grade);
    }
    for (const grade of ['G', 'a', '1', '']) {
      expect(SourceDraftSchema.safeParse({ title: 't', reliability: grade }).success).toBe(false);
    }
  });

  it('refuses an unknown kind, a javascript: url and an impossible date', () => {
    expect(SourceDraftSchema.safeParse({ title: 't', kind: 'rumour' }).success).toBe(false);
    expect(SourceDraftSchema.safeParse({ title: 't', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(SourceDraftSchema.safeParse({ title: 't', publishedDate: '2017-02-29' }).success).toBe(false);
  });

  it('refuses unknown keys in strict mode (as the contract uses it)', () => {
    expect(SourceDraftSchema.strict().safeParse({ title: 't', colour: 'red' }).success).toBe(false);
  });
});

describe('SourceListQuerySchema', () => {
  it('defaults to the most recently updated first, 100 at a time', () => {
    expect(SourceListQuerySchema.parse({})).toEqual({ filter: {}, sort: 'updated', direction: 'desc', limit: 100, offset: 0 });
  });

  it('bounds the page size', () => {
    expect(SourceListQuerySchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(SourceListQuerySchema.safeParse({ limit: 501 }).success).toBe(false);
    expect(SourceListQuerySchema.safeParse({ offset: -1 }).success).toBe(false);
  });
});

describe('settings and grades', () => {
  it('has valid defaults and accepts a partial patch', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual({ analystName: '', defaultMarking: 'TLP:CLEAR', backupsToKeep: 5 });
    expect(SettingsPatchSchema.parse({ analystName: '  J. Smith ' })).toEqual({ analystName: 'J. Smith' });
    expect(SettingsPatchSchema.safeParse({ analystName: 'x'.repeat(201) }).success).toBe(false);
  });

  it('describes an ungraded source as Ungraded', () => {
    expect(describeReliability(null)).toBe('Ungraded');
    expect(describeReliability('B')).toBe('B — Usually reliable');
  });
});
