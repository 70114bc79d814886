import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { COMMAND_PRIORITY_HIGH, type LexicalEditor } from 'lexical';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { CitationRef } from '../../src/domain/briefing';
import { INSERT_CITATION_COMMAND } from '../../renderer/editor/plugins/citations/CitationsPlugin';
import { OPEN_QUICK_CITE_COMMAND, QuickCitePlugin } from '../../renderer/editor/plugins/quick-cite/QuickCitePlugin';
import { editorOf, newBriefing, TestEditor } from './support/editor';
import { inProcessHostPerFile } from './support/hosts';

const host = inProcessHostPerFile();

/** The quick-cite picker on a briefing, recording what it cites. */
async function openPicker(): Promise<{ cited: CitationRef[]; field: HTMLElement }> {
  const briefing = await newBriefing(host.client);
  const editorRef = createRef<LexicalEditor>();
  render(
    <TestEditor client={host.client} body={briefing.body} editorRef={editorRef}>
      <QuickCitePlugin />
    </TestEditor>,
  );
  const cited: CitationRef[] = [];
  const editor = editorOf(editorRef);
  editor.registerCommand(INSERT_CITATION_COMMAND, (ref) => (cited.push(ref), true), COMMAND_PRIORITY_HIGH);
  act(() => void editor.dispatchCommand(OPEN_QUICK_CITE_COMMAND, undefined));
  return { cited, field: await screen.findByRole('combobox', { name: 'Search the library to cite' }) };
}

describe('quick-cite', () => {
  it('takes Enter before the search answers and cites the first match when it arrives', async () => {
    const source = await host.value<{ id: string }>('sources.create', { draft: { title: 'Speech at Keio University' } });
    const quote = await host.value<{ id: string }>('quotes.create', { draft: { sourceId: source.id, text: 'Keep up the pressure.' } });
    const { cited, field } = await openPicker();
    const release = host.hold();
    fireEvent.change(field, { target: { value: 'pressure' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Searching… the first match will be cited (Esc cancels).');
    expect(cited).toEqual([]);
    release();
    await waitFor(() => expect(cited).toEqual([{ kind: 'quote', id: quote.id }]));
    expect(screen.queryByRole('combobox', { name: 'Search the library to cite' })).toBeNull();
  });

  it('cites nothing when the text changes after Enter, or when Esc closes the picker before the answer', async () => {
    await host.value('sources.create', { draft: { title: 'Press conference in Seoul' } });
    const { cited, field } = await openPicker();
    let release = host.hold();
    fireEvent.change(field, { target: { value: 'Seoul' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.change(field, { target: { value: 'Seoul press' } });
    release();
    // The answer arrives and is listed, but the pick was withdrawn by typing on: nothing is cited.
    const listed = await screen.findByRole('option', { name: 'Press conference in Seoul (whole source)' });
    expect(listed.textContent).toContain('Press conference in Seoul');
    expect(cited).toEqual([]);

    release = host.hold();
    fireEvent.change(field, { target: { value: 'Seoul conference' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByRole('status')).textContent).toBe('Searching… the first match will be cited (Esc cancels).');
    // Escape on a modal <dialog> is its cancel event.
    fireEvent(screen.getByRole('dialog', { name: 'Cite from the library' }), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog', { name: 'Cite from the library' })).toBeNull();
    await act(async () => release());
    expect(cited).toEqual([]);
  });
});
