import { act, render, waitFor } from '@testing-library/react';
import type { LexicalEditor } from 'lexical';
import { createRef } from 'react';
import nodeConsole from 'node:console';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorCodeOf } from '../../renderer/app/error-message';
import { JudgementContext } from '../../renderer/editor/plugins/judgements/JudgementContext';
import { $judgementNodes, $keyJudgementsSection } from '../../renderer/editor/plugins/judgements/judgement-nodes';
import { JudgementStore } from '../../renderer/editor/plugins/judgements/judgement-store';
import { JudgementsPlugin, MOVE_JUDGEMENT_COMMAND } from '../../renderer/editor/plugins/judgements/JudgementsPlugin';
import { $createJudgementNode } from '../../src/editor/nodes/JudgementNode';
import { editorOf, newBriefing, TestEditor } from './support/editor';
import { BrowserHostFixture } from './support/hosts';

// The renderer's own HTTP transport against the browser host on 127.0.0.1: the sync decides what
// to drop by the host's typed errors, so those come from the real host over the real wire.
const web = new BrowserHostFixture();
beforeAll(() => web.start());
afterAll(() => web.stop());

async function openBriefing(statements: readonly string[]) {
  const { client } = web;
  const briefing = await newBriefing(client);
  const records = [];
  for (const statement of statements)
    records.push(await client.call('judgements.create', { briefingId: briefing.id, draft: { statement } }));
  const store = new JudgementStore();
  const errors: string[] = [];
  const removed: string[] = [];
  const editorRef = createRef<LexicalEditor>();
  const view = render(
    <TestEditor client={client} body={briefing.body} editorRef={editorRef}>
      <JudgementContext.Provider
        value={{ store, client, command: (name, input) => client.call(name, input), onError: (message) => errors.push(message) }}
      >
        <JudgementsPlugin briefingId={briefing.id} editable onRemoved={(id) => removed.push(id)} />
      </JudgementContext.Provider>
    </TestEditor>,
  );
  const blocks = (): string[] =>
    editorOf(editorRef)
      .getEditorState()
      .read(() => $judgementNodes().map((node) => node.getJudgementId()));
  const ids = records.map((record) => record.id);
  // Opening adds a block for every record the stored body lacks (here: all of them).
  await waitFor(() => expect(blocks()).toEqual(ids));
  const edit = (change: () => void): void => act(() => editorOf(editorRef).update(change, { discrete: true }));
  return { briefing, ids, store, errors, removed, view, blocks, edit, editor: () => editorOf(editorRef) };
}

const addBlock = (id: string) => () => void $keyJudgementsSection().append($createJudgementNode(id, ''));

describe('judgement blocks and stored judgements in step', () => {
  it('drops a block only when the host says its record is gone, from the live records and the trash', async () => {
    const { blocks, edit, errors } = await openBriefing(['Tokyo will sign.']);
    edit(addBlock('judgement-that-never-was'));
    await waitFor(() => expect(blocks()).not.toContain('judgement-that-never-was'));
    expect(blocks()).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('sends a removed block’s record to the trash, and brings it back when the block returns (undo)', async () => {
    const { client } = web;
    const { ids, blocks, edit, removed, store } = await openBriefing(['Seoul will sign.', 'Tokyo will sign.']);
    const [first = '', second = ''] = ids;
    edit(() => {
      for (const node of $judgementNodes()) if (node.getJudgementId() === first) node.remove();
    });
    await waitFor(() => expect(removed).toEqual([first]));
    expect(blocks()).toEqual([second]);
    const refused = await client.call('judgements.get', { id: first }).catch((failure: unknown) => errorCodeOf(failure));
    expect(refused).toBe('not_found');

    edit(addBlock(first));
    await waitFor(() => expect(store.has(first)).toBe(true));
    expect((await client.call('judgements.get', { id: first })).statement).toBe('Seoul will sign.');
    expect(blocks()).toEqual([second, first]);
  });

  it('stores the blocks’ order when a block is moved', async () => {
    const { client } = web;
    const { briefing, ids, editor, store } = await openBriefing(['One.', 'Two.', 'Three.']);
    const [, , third = ''] = ids;
    const key = editor()
      .getEditorState()
      .read(
        () =>
          $judgementNodes()
            .find((node) => node.getJudgementId() === third)
            ?.getKey() ?? '',
      );
    act(() => void editor().dispatchCommand(MOVE_JUDGEMENT_COMMAND, { nodeKey: key, direction: 'up' }));
    const expected = [ids[0], third, ids[1]];
    await waitFor(async () => {
      const { items } = await client.call('judgements.list', { briefingId: briefing.id });
      expect(items.map((item) => item.id)).toEqual(expected);
    });
    expect(store.inOrder().map((record) => record.id)).toEqual(expected);
    expect(store.numberOf(third)).toBe(2);
  });

  // Last: it stops the host.
  it('keeps a block whose record cannot be read while the host is down, and says so in it', async () => {
    const { client } = web;
    const { briefing, ids, blocks, edit, store, errors } = await openBriefing(['Seoul will sign.']);
    const [kept = ''] = ids;
    edit(() => {
      for (const node of $judgementNodes()) node.remove();
    });
    await waitFor(async () => expect(await client.call('judgements.list', { briefingId: briefing.id })).toMatchObject({ items: [] }));
    await web.host.close();
    // happy-dom reports each refused connection on the page's console (Node's own), as a browser
    // would: expected here, so kept out of the test output.
    const refusals = vi.spyOn(nodeConsole, 'error').mockImplementation(() => undefined);
    // The block comes back (undo) while the host is down: nothing proves the record gone.
    edit(addBlock(kept));
    await waitFor(() =>
      expect(store.problemOf(kept)).toMatch(/Could not load this key judgement .*not answering.*kept and will be tried again/),
    );
    expect(blocks()).toEqual([kept]);
    expect(errors).toEqual([]);
    refusals.mockRestore();
  });
});
