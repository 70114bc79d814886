import { act, render, screen, waitFor } from '@testing-library/react';
import { $getRoot, type ElementNode, type LexicalEditor, type TextNode } from 'lexical';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { CitationRef } from '../../src/domain/briefing';
import { CitationContext } from '../../renderer/editor/plugins/citations/CitationContext';
import { CitationStore } from '../../renderer/editor/plugins/citations/citation-store';
import { CitationsPlugin, INSERT_CITATION_COMMAND } from '../../renderer/editor/plugins/citations/CitationsPlugin';
import { editorOf, newBriefing, TestEditor } from './support/editor';
import { inProcessHostPerFile } from './support/hosts';

const host = inProcessHostPerFile();

const TEXT = { detail: 0, format: 0, mode: 'normal', style: '', version: 1 };
const BLOCK = { format: '', indent: 0, version: 1, direction: null, textFormat: 0, textStyle: '' };
const text = (value: string) => ({ type: 'text', text: value, ...TEXT });
const cite = (ref: CitationRef) => ({ type: 'citation', version: 1, targetKind: ref.kind, targetId: ref.id });

/**
 * A body as briefings store it on disk today (citations are `{ type, version, targetKind,
 * targetId }`): one paragraph ends with a citation, the other has one between words.
 */
function storedBody(q1: CitationRef, q2: CitationRef, s1: CitationRef): string {
  const paragraph = (children: object[]) => ({ type: 'paragraph', ...BLOCK, children });
  return JSON.stringify({
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: null,
      children: [
        paragraph([text('Tokyo will sign'), cite(q1), text(' and Seoul too'), cite(q2)]),
        paragraph([text('As the statement says'), cite(s1), text('.')]),
      ],
    },
  });
}

describe('citation markers', () => {
  it('load a stored body unchanged, number in document order on Lexical’s own elements, and show their cards on hover and at the caret', async () => {
    const { client } = host;
    const source = await client.call('sources.create', { draft: { title: 'NATO', url: 'https://www.nato.int/x', reliability: 'B' } });
    const quote = (words: string) => client.call('quotes.create', { draft: { sourceId: source.id, text: words, credibility: '2' } });
    const q1: CitationRef = { kind: 'quote', id: (await quote('Tokyo will sign.')).id };
    const q2: CitationRef = { kind: 'quote', id: (await quote('Seoul will sign.')).id };
    const s1: CitationRef = { kind: 'source', id: source.id };
    const body = storedBody(q1, q2, s1);
    const store = new CitationStore();
    const editorRef = createRef<LexicalEditor>();
    render(
      <TestEditor client={client} body={body} editorRef={editorRef}>
        <CitationContext.Provider value={store}>
          <CitationsPlugin />
        </CitationContext.Provider>
      </TestEditor>,
    );
    const editor = editorOf(editorRef);
    await waitFor(() => expect(store.display(store.markers()[1]?.nodeKey ?? '', q2).target).toMatchObject({ state: 'live' }));
    const markers = () => screen.getAllByRole('button').map((marker) => [marker.getAttribute('aria-label'), marker.textContent]);
    expect(markers()).toEqual([
      ['Citation 1', '[1]'],
      ['Citation 2', '[2]'],
      ['Citation 3', '[3]'],
    ]);
    // The marker is the element Lexical made for the node (no React view, no holder around it),
    // and saving writes back exactly what was stored.
    const [first] = store.markers();
    expect(editor.getElementByKey(first?.nodeKey ?? '')).toBe(screen.getByRole('button', { name: 'Citation 1' }));
    expect(Object.keys(editor.getDecorators())).toEqual([]);
    expect(editor.getRootElement()?.querySelectorAll('.citation *')).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))).toEqual(JSON.parse(body));

    // Hovering shows the quote, source and grade, outside the text; leaving hides it.
    const marker = screen.getByRole('button', { name: 'Citation 2' });
    act(() => void marker.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toBe('“Seoul will sign.”NATO · grade B2');
    expect(marker.getAttribute('aria-describedby')).toBe(tip.id);
    expect(editor.getRootElement()?.contains(tip)).toBe(false);
    act(() => void marker.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body })));
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(marker.hasAttribute('aria-describedby')).toBe(false);

    // The caret right after the source citation shows its card, for keyboard users.
    act(() =>
      editor.update(
        () => {
          const after = $getRoot().getLastChildOrThrow<ElementNode>().getLastChildOrThrow<TextNode>();
          after.select(0, 0);
        },
        { discrete: true },
      ),
    );
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toBe('NATOWhole source · reliability B'));

    // The second quote is trashed: its marker turns into a broken citation, the others stay as they were.
    await client.call('quotes.delete', { id: q2.id });
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Broken citation 2' }).textContent).toBe('[2?]'));
    expect(markers()).toEqual([
      ['Citation 1', '[1]'],
      ['Broken citation 2', '[2?]'],
      ['Citation 3', '[3]'],
    ]);
    expect(store.problems()).toMatchObject([{ number: 2, target: { kind: 'quote', state: 'trashed' } }]);
  });
});

describe('citations in the editor', () => {
  it('numbers citations as the document orders them and learns their targets from the host, again on focus', async () => {
    const { client } = host;
    const briefing = await newBriefing(client);
    const source = await client.call('sources.create', {
      draft: { title: 'Joint statement, Seoul', url: 'https://www.nato.int/x', reliability: 'B' },
    });
    const quote = await client.call('quotes.create', { draft: { sourceId: source.id, text: 'The allies will meet in Tokyo.' } });
    const store = new CitationStore();
    const editorRef = createRef<LexicalEditor>();
    render(
      <TestEditor client={client} body={briefing.body} editorRef={editorRef}>
        <CitationContext.Provider value={store}>
          <CitationsPlugin />
        </CitationContext.Provider>
      </TestEditor>,
    );
    const quoteRef: CitationRef = { kind: 'quote', id: quote.id };
    const sourceRef: CitationRef = { kind: 'source', id: source.id };
    act(() => void editorOf(editorRef).dispatchCommand(INSERT_CITATION_COMMAND, quoteRef));
    act(() => void editorOf(editorRef).dispatchCommand(INSERT_CITATION_COMMAND, sourceRef));
    await waitFor(() => expect(store.refs()).toEqual([quoteRef, sourceRef]));
    await waitFor(() =>
      expect(store.display('marker', quoteRef).target).toMatchObject({ state: 'live', text: 'The allies will meet in Tokyo.' }),
    );
    expect(store.problems()).toEqual([]);

    // Trashed in the library (another view or window): the editor finds out when the window regains focus.
    await client.call('quotes.delete', { id: quote.id });
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(store.problems()).toMatchObject([{ number: 1, target: { kind: 'quote', state: 'trashed' } }]));
  });
});
