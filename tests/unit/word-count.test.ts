import { createHeadlessEditor } from '@lexical/headless';
import { $createTextNode, $getRoot, $isTextNode, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { templateState } from '../../src/briefing/template';
import { countSerialized, countWords, limitState, type SerializedCountNode } from '../../src/briefing/word-count';
import { LiveWordCounter } from '../../src/editor/live-count';
import { BRIEFING_NODES } from '../../src/editor/nodes';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['NATO urged restraint.', 3],
    ["Don't under-estimate the well-known risks", 5],
    ['Stoltenberg — in Tokyo — spoke', 4],
    ['2017 saw 14 missile tests', 5],
    ['東京で会議', 5],
    ['Café naïve résumé', 3],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('counts a single 1,000,000-character word quickly', () => {
    const started = performance.now();
    expect(countWords(`a${'x'.repeat(999_999)}`)).toBe(1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('limitState', () => {
  it('is near within 10 % and over past the limit', () => {
    expect(limitState(10, null)).toBe('none');
    expect(limitState(989, 1100)).toBe('ok');
    expect(limitState(990, 1100)).toBe('near');
    expect(limitState(1100, 1100)).toBe('near');
    expect(limitState(1101, 1100)).toBe('over');
  });
});

const para = (text: string): SerializedCountNode => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string): SerializedCountNode => ({ type: 'heading', children: [{ type: 'text', text }] });

describe('countSerialized', () => {
  it('counts section bodies, not headings, annexes, notes or citations', () => {
    const root: SerializedCountNode = {
      type: 'root',
      children: [
        para('Loose intro words'),
        {
          type: 'section',
          sectionId: 's1',
          role: 'body',
          cap: null,
          children: [
            heading('Summary of it all'),
            para('One two three.'),
            { type: 'paragraph', children: [{ type: 'text', text: 'four' }, { type: 'citation' }, { type: 'text', text: ' five' }] },
          ],
        },
        {
          type: 'section',
          sectionId: 's2',
          role: 'body',
          cap: 150,
          children: [
            heading('Key Judgements'),
            {
              type: 'list',
              children: [
                { type: 'listitem', children: [{ type: 'text', text: 'alpha' }] },
                { type: 'listitem', children: [{ type: 'text', text: 'beta' }] },
              ],
            },
          ],
        },
        { type: 'section', sectionId: 's3', role: 'annex', cap: null, children: [heading('Annex'), para('not counted at all')] },
      ],
    };
    const count = countSerialized(root);
    expect(count.sections.map((s) => [s.sectionId, s.heading, s.words, s.cap])).toEqual([
      [null, '', 3, null],
      ['s1', 'Summary of it all', 5, null],
      ['s2', 'Key Judgements', 2, 150],
      ['s3', 'Annex', 4, null],
    ]);
    expect(count.total).toBe(10);
  });

  it('keeps adjacent blocks and table cells apart', () => {
    const table: SerializedCountNode = {
      type: 'table',
      children: [
        {
          type: 'tablerow',
          children: [
            { type: 'tablecell', children: [para('left')] },
            { type: 'tablecell', children: [para('right')] },
          ],
        },
      ],
    };
    expect(countSerialized({ type: 'root', children: [para('end'), para('start'), table] }).total).toBe(4);
  });
});

describe('LiveWordCounter', () => {
  it('agrees with countSerialized on a template after edits, and survives a renamed heading', () => {
    const editor = createHeadlessEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    const type = {
      sections: [
        { heading: 'Summary', cap: null },
        { heading: 'Key Judgements', cap: 150 },
      ],
    };
    const parsed = JSON.parse(templateState(type)) as { root: { children: { children: SerializedCountNode[] }[] } };
    const firstSection = parsed.root.children[0];
    if (firstSection) {
      firstSection.children[0] = heading('Bottom line up front');
      firstSection.children[1] = para('Six words are written here now.');
    }
    editor.setEditorState(editor.parseEditorState(JSON.stringify(parsed)));
    const counter = new LiveWordCounter();
    const live = counter.count(editor.getEditorState());
    const stored = countSerialized(editor.getEditorState().toJSON().root as unknown as SerializedCountNode);
    expect(live).toEqual(stored);
    expect(live.sections.map((s) => [s.sectionId, s.heading, s.words, s.cap])).toEqual([
      ['s1', 'Bottom line up front', 6, null],
      ['s2', 'Key Judgements', 0, 150],
    ]);
    expect(LiveWordCounter.text(editor.getEditorState())).toContain('Six words are written here now.');
  });
});

describe('LiveWordCounter while typing', () => {
  it('recounts a block whose text changed even though the block object stayed the same', () => {
    const editor = createHeadlessEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(editor.parseEditorState(templateState({ sections: [{ heading: 'Summary', cap: 3 }] })));
    const counter = new LiveWordCounter();
    counter.track(editor);
    expect(counter.count(editor.getEditorState()).total).toBe(0);
    const type = (text: string): void =>
      editor.update(
        () => {
          const paragraph = $getRoot().getFirstChildOrThrow<ElementNode>().getLastChildOrThrow<ElementNode>();
          const last = paragraph.getLastChild();
          if ($isTextNode(last)) last.setTextContent(last.getTextContent() + text);
          else paragraph.append($createTextNode(text));
        },
        { discrete: true },
      );
    type('one two');
    expect(counter.count(editor.getEditorState()).total).toBe(2);
    type(' three four');
    const count = counter.count(editor.getEditorState());
    expect(count.total).toBe(4);
    expect(count).toEqual(countSerialized(editor.getEditorState().toJSON().root as unknown as SerializedCountNode));
  });
});

describe('LiveWordCounter text', () => {
  it('gives the same text from its cache as a fresh read, after edits', () => {
    const editor = createHeadlessEditor({
      nodes: [...BRIEFING_NODES],
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(
      editor.parseEditorState(
        templateState({
          sections: [
            { heading: 'Summary', cap: null },
            { heading: 'Annex', cap: null },
          ],
        }),
      ),
    );
    const counter = new LiveWordCounter();
    counter.track(editor);
    counter.text(editor.getEditorState());
    editor.update(
      () => $getRoot().getFirstChildOrThrow<ElementNode>().getLastChildOrThrow<ElementNode>().append($createTextNode('changed text')),
      { discrete: true },
    );
    const text = counter.text(editor.getEditorState());
    expect(text).toContain('changed text');
    expect(text.split('\n').filter(Boolean)).toEqual(LiveWordCounter.text(editor.getEditorState()).split('\n').filter(Boolean));
  });
});
