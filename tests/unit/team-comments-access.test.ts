import { describe, expect, it } from 'vitest';
import { briefingAccess } from '../../src/team/comments-access';

describe('what a team role may do in a briefing', () => {
  it('leaves solo briefings whole, lets a reviewer comment without editing, and a reader only read', () => {
    expect(briefingAccess('b1', false, 'reader')).toMatchObject({ editText: true, comment: true, why: null });
    expect(briefingAccess('b1', true, null)).toMatchObject({ editText: true, comment: true, why: null });
    expect(briefingAccess('b1', true, 'analyst')).toMatchObject({ editText: true, comment: true, why: null });
    expect(briefingAccess('b1', true, 'reviewer')).toMatchObject({
      editText: false,
      comment: true,
      why: expect.stringMatching(/reviewer/),
    });
    expect(briefingAccess('b1', true, 'reader')).toMatchObject({ editText: false, comment: false, why: expect.stringMatching(/reader/) });
  });
});
