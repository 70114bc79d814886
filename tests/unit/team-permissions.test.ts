import { describe, expect, it } from 'vitest';
import { isTeamDocumentName, mayWrite } from '../../src/team/permissions';

describe('team permissions', () => {
  it('lets analysts write everything, reviewers only comments, readers nothing', () => {
    const documents = ['library/quotes-3f', 'briefing/b1', 'comments/b1', 'team/settings'];
    expect(documents.filter((name) => mayWrite('analyst', name))).toEqual(documents);
    expect(documents.filter((name) => mayWrite('reviewer', name))).toEqual(['comments/b1']);
    expect(documents.filter((name) => mayWrite('reader', name))).toEqual([]);
  });

  it('knows only the team document families', () => {
    expect(['library/sources-00', 'briefing/Ab_9-x', 'comments/b1', 'team/settings'].every(isTeamDocumentName)).toBe(true);
    expect(
      ['', 'briefing/', 'briefing/../x', 'notes/b1', 'team/other', `briefing/${'x'.repeat(65)}`, 'comments/b1\n'].some(isTeamDocumentName),
    ).toBe(false);
  });
});
