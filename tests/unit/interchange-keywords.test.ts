import { describe, expect, it } from 'vitest';
import { MAX_NOTES_LENGTH, SourceDraftSchema } from '../../src/domain/source';
import { distinctKeywords, keywordsInNotes } from '../../src/interchange/keywords';
import type { ImportRecord } from '../../src/interchange/record';

function record(notes: string, tags: string[]): ImportRecord {
  return {
    ordinal: 0,
    key: null,
    line: 1,
    draft: SourceDraftSchema.parse({ title: 'On the power of secondary confession evidence', kind: 'document', notes }),
    doi: null,
    isbn: null,
    authorNamesJson: null,
    tags,
    warnings: [],
  };
}

describe('keywords in the notes', () => {
  it('writes the keywords as the notes’ last line and leaves no tags', () => {
    const moved = keywordsInNotes(record('Times Cited: 35', ['secondary confession', 'JURY']));
    expect(moved.draft.notes).toBe('Times Cited: 35\n\nKeywords: secondary confession; JURY');
    expect(moved.tags).toEqual([]);
    expect(keywordsInNotes(record('', ['jury'])).draft.notes).toBe('Keywords: jury');
  });

  it('leaves an entry without keywords as it is', () => {
    const plain = record('A note.', []);
    expect(keywordsInNotes(plain)).toBe(plain);
  });

  it('keeps as tags the keywords the notes have no room for, so none is lost', () => {
    const full = 'x'.repeat(MAX_NOTES_LENGTH - 'Keywords: '.length - 2 - 'first'.length);
    const moved = keywordsInNotes(record(full, ['first', 'second']));
    expect(moved.draft.notes.endsWith('Keywords: first')).toBe(true);
    expect(moved.draft.notes).toHaveLength(MAX_NOTES_LENGTH);
    expect(moved.tags).toEqual(['second']);
    const none = record('x'.repeat(MAX_NOTES_LENGTH), ['first']);
    expect(keywordsInNotes(none)).toBe(none);
  });

  it('counts the different keywords of a file as tags compare them, without regard to case', () => {
    expect(distinctKeywords([{ tags: ['JURY', 'evidence'] }, { tags: ['jury', 'Attribution'] }, { tags: [] }])).toBe(3);
  });
});
