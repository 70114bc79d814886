import { act, render, screen, waitFor } from '@testing-library/react';
import type { LexicalEditor } from 'lexical';
import { Profiler, createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { CitationRef, CitationTarget } from '../../src/domain/briefing';
import { CitationView } from '../../renderer/editor/nodes/CitationView';
import { CitationContext } from '../../renderer/editor/plugins/citations/CitationContext';
import { CitationStore } from '../../renderer/editor/plugins/citations/citation-store';
import { CitationsPlugin, INSERT_CITATION_COMMAND } from '../../renderer/editor/plugins/citations/CitationsPlugin';
import { editorOf, newBriefing, TestEditor } from './support/editor';
import { inProcessHostPerFile } from './support/hosts';

const host = inProcessHostPerFile();

const live = (ref: CitationRef, text: string): CitationTarget => ({ ...ref, state: 'live', text, sourceTitle: 'NATO', grade: 'B2' });

describe('citation markers reading the store', () => {
  it('number in document order, show their target, and re-render only when their own display changes', async () => {
    const store = new CitationStore();
    const q1: CitationRef = { kind: 'quote', id: 'q1' };
    const q2: CitationRef = { kind: 'quote', id: 'q2' };
    const s1: CitationRef = { kind: 'source', id: 's1' };
    const refs = [q1, q2, s1];
    const renders = new Map<string, number>();
    const counted = (id: string) => () => renders.set(id, (renders.get(id) ?? 0) + 1);
    render(
      <CitationContext.Provider value={store}>
        {refs.map((ref, index) => (
          <Profiler key={ref.id} id={ref.id} onRender={counted(ref.id)}>
            <CitationView nodeKey={`n${index}`} target={ref} />
          </Profiler>
        ))}
      </CitationContext.Provider>,
    );
    act(() => store.setOrder(refs.map((ref, index) => ({ nodeKey: `n${index}`, ref }))));
    act(() => store.setTargets([live(q1, 'Tokyo will sign.'), live(q2, 'Seoul will sign.')]));
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Citation 1',
      'Citation 2',
      'Citation 3',
    ]);
    const before = new Map(renders);

    // The caret moves next to the second marker: its details show, the others stay as they were.
    act(() => store.setActive('n1'));
    expect(screen.getByRole('tooltip')).toHaveProperty('textContent', '“Seoul will sign.”NATO · grade B2');
    expect(renders.get('q2')).toBe((before.get('q2') ?? 0) + 1);
    expect(renders.get('q1')).toBe(before.get('q1'));
    expect(renders.get('s1')).toBe(before.get('s1'));

    // The source is trashed: only its marker changes, to a broken citation.
    act(() => store.setTargets([live(q1, 'Tokyo will sign.'), live(q2, 'Seoul will sign.'), { ...live(s1, ''), state: 'trashed' }]));
    expect(screen.getByRole('button', { name: 'Broken citation 3' })).toBeTruthy();
    expect(store.problems()).toMatchObject([{ nodeKey: 'n2', number: 3, target: { state: 'trashed' } }]);
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
