import { act, render } from '@testing-library/react';
import type { LexicalEditor } from 'lexical';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../src/domain/briefing';
import { AutosavePlugin, type EditorText } from '../../renderer/editor/plugins/autosave/AutosavePlugin';
import type { BodySaveStatus } from '../../renderer/editor/plugins/autosave/autosave-controller';
import { newBriefing, TestEditor, typeParagraph } from './support/editor';
import { inProcessHostPerFile } from './support/hosts';

// The in-process host (the real dispatcher and SQLite file, no HTTP): fake timers drive the
// debounce here, and a socket cannot answer while the clock stands still.
const host = inProcessHostPerFile();

/** Lets promises settle and timers due within `ms` run, inside act() so React sees it. */
const pass = (ms: number): Promise<void> =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

async function stored(id: string): Promise<Briefing> {
  return host.value<Briefing>('briefings.get', { id });
}

async function mountEditor() {
  const briefing = await newBriefing(host.client);
  const editorRef = createRef<LexicalEditor>();
  const flushRef = createRef<() => Promise<void>>();
  const statuses: BodySaveStatus[] = [];
  const versions: number[] = [];
  const conflicts: EditorText[] = [];
  const view = render(
    <TestEditor client={host.client} body={briefing.body} editorRef={editorRef}>
      <AutosavePlugin
        briefingId={briefing.id}
        initialVersion={briefing.version}
        onStatus={(status) => statuses.push(status)}
        onSaved={(version) => versions.push(version)}
        onConflict={async (text) => void conflicts.push(text)}
        flushRef={flushRef}
      />
    </TestEditor>,
  );
  await pass(0);
  return { briefing, editorRef, flushRef, statuses, versions, conflicts, view, saves: () => host.count('briefings.saveBody') };
}

describe('autosave in the editor', () => {
  beforeEach(() => {
    // Only the clocks: Lexical and React schedule their own work on microtasks and must keep doing so.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves 400 ms after typing pauses: body, plain text and word count in one save', async () => {
    const { briefing, editorRef, statuses, versions, saves } = await mountEditor();
    expect(saves()).toBe(0);
    typeParagraph(editorRef, 'Seoul and Tokyo agreed a joint statement');
    await pass(399);
    expect(saves()).toBe(0);
    expect(statuses.at(-1)).toEqual({ state: 'unsaved' });
    await pass(1);
    expect(saves()).toBe(1);
    const after = await stored(briefing.id);
    expect(after.bodyText).toContain('Seoul and Tokyo agreed a joint statement');
    expect(after.body).toContain('Seoul and Tokyo agreed a joint statement');
    expect(after.wordCount).toBeGreaterThanOrEqual(7);
    expect(after.version).toBe(briefing.version + 1);
    expect(versions).toEqual([after.version]);
    expect(statuses.map((status) => status.state)).toEqual(['unsaved', 'saving', 'saved']);
  });

  it('saves at least every 3 s while typing goes on', async () => {
    const { briefing, editorRef, saves } = await mountEditor();
    for (let line = 1; line <= 20; line += 1) {
      typeParagraph(editorRef, `line ${line}`);
      await pass(200);
    }
    // 20 lines 200 ms apart: the pause never came, the 3 s cap did (after line 15).
    expect(saves()).toBe(1);
    const during = await stored(briefing.id);
    expect(during.bodyText).toContain('line 15');
    expect(during.bodyText).not.toContain('line 16');
    await pass(400);
    expect(saves()).toBe(2);
    expect((await stored(briefing.id)).bodyText).toContain('line 20');
  });

  it('sends one save at a time, in order, each from the version the last one stored', async () => {
    const { briefing, editorRef, flushRef, conflicts, saves } = await mountEditor();
    const release = host.hold();
    typeParagraph(editorRef, 'first thought');
    // Saves change no React state: the flushes need no act() (an unawaited one would outlive the test).
    void flushRef.current?.();
    typeParagraph(editorRef, 'second thought');
    let done = false;
    void flushRef.current?.().then(() => (done = true));
    await pass(0);
    // The host has not answered the first: the second waits its turn instead of racing it.
    expect(saves()).toBe(1);
    release();
    await pass(0);
    expect(saves()).toBe(2);
    expect(done).toBe(true);
    const after = await stored(briefing.id);
    expect(after.version).toBe(briefing.version + 2);
    expect(after.bodyText).toContain('second thought');
    expect(conflicts).toEqual([]);
  });

  it('keeps a failed save marked unsaved and retries it without another keystroke', async () => {
    const { briefing, editorRef, statuses, saves } = await mountEditor();
    host.answering = false;
    typeParagraph(editorRef, 'written while the host was down');
    await pass(400);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', message: expect.stringContaining('not answering') });
    expect((await stored(briefing.id)).bodyText).not.toContain('written while the host was down');
    host.answering = true;
    await pass(5000);
    expect(saves()).toBe(1);
    expect((await stored(briefing.id)).bodyText).toContain('written while the host was down');
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('saves at once when the page is hidden or closed, or the editor goes away', async () => {
    const { briefing, editorRef, view, saves } = await mountEditor();
    typeParagraph(editorRef, 'before closing the tab');
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await pass(0);
    expect(saves()).toBe(1);
    expect((await stored(briefing.id)).bodyText).toContain('before closing the tab');

    typeParagraph(editorRef, 'before switching apps');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    Reflect.deleteProperty(document, 'visibilityState');
    await pass(0);
    expect(saves()).toBe(2);

    typeParagraph(editorRef, 'before opening another briefing');
    view.unmount();
    await pass(0);
    expect(saves()).toBe(3);
    expect((await stored(briefing.id)).bodyText).toContain('before opening another briefing');
  });

  it('saves nothing for an editor that was only opened', async () => {
    const { flushRef, view, saves } = await mountEditor();
    await flushRef.current?.();
    view.unmount();
    await pass(5000);
    expect(saves()).toBe(0);
  });

  it('hands a save refused because another window saved first to the conflict handler', async () => {
    const { briefing, editorRef, conflicts } = await mountEditor();
    await host.value('briefings.saveBody', {
      id: briefing.id,
      body: briefing.body,
      bodyText: 'from the other window',
      wordCount: 3,
      baseVersion: briefing.version,
    });
    typeParagraph(editorRef, 'mine');
    await pass(400);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.bodyText).toContain('mine');
    expect((await stored(briefing.id)).bodyText).toBe('from the other window');
  });
});
