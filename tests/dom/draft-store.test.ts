import { afterEach, describe, expect, it } from 'vitest';
import { clearDrafts, findDraft, keepDraft, type BodyDraft } from '../../renderer/editor/plugins/autosave/draft-store';
import { readNewAddress } from '../../renderer/app/WorkspaceBanners';

const draft = (baseVersion: number, words: string): BodyDraft => ({ baseVersion, body: `{"t":"${words}"}`, bodyText: words, wordCount: 2 });

describe('the local draft of text typed while the host is stopped', () => {
  afterEach(() => localStorage.clear());

  it('keeps one draft per workspace file and briefing, the newest replacing the one on an older version', () => {
    expect(keepDraft(localStorage, '/a.warrant', 'b1', draft(3, 'first text'))).toBe(true);
    keepDraft(localStorage, '/a.warrant', 'b1', draft(4, 'second text'));
    keepDraft(localStorage, '/b.warrant', 'b1', draft(3, 'other workspace'));
    expect(findDraft(localStorage, '/a.warrant', 'b1')).toEqual(draft(4, 'second text'));
    expect(findDraft(localStorage, '/b.warrant', 'b1')?.bodyText).toBe('other workspace');
    expect(findDraft(localStorage, '/a.warrant', 'b2')).toBeNull();

    clearDrafts(localStorage, '/a.warrant', 'b1');
    expect(findDraft(localStorage, '/a.warrant', 'b1')).toBeNull();
    expect(findDraft(localStorage, '/b.warrant', 'b1')).not.toBeNull();
  });

  it('passes over an entry it cannot read, and one whose key and version disagree', () => {
    localStorage.setItem(`warrant.draft|${encodeURIComponent('/a.warrant')}|b1|2`, '{not json');
    localStorage.setItem(`warrant.draft|${encodeURIComponent('/a.warrant')}|b1|5`, JSON.stringify(draft(6, 'moved')));
    expect(findDraft(localStorage, '/a.warrant', 'b1')).toBeNull();
  });
});

describe('an address pasted into the host-stopped banner', () => {
  const here = new URL('http://127.0.0.1:4321/#/briefings/b1') as unknown as Location;

  it('gives the token of an address on this port', () => {
    expect(readNewAddress(' http://127.0.0.1:4321/#token=abc-1 ', here)).toEqual({ token: 'abc-1' });
  });

  it('says why another port, a missing token or a non-address cannot be used', () => {
    expect(readNewAddress('http://127.0.0.1:5555/#token=abc', here)).toMatchObject({ problem: expect.stringContaining('--port 4321') });
    expect(readNewAddress('http://127.0.0.1:4321/', here)).toMatchObject({ problem: expect.stringContaining('no token') });
    expect(readNewAddress('warrant', here)).toMatchObject({ problem: expect.stringContaining('not an address') });
  });
});
