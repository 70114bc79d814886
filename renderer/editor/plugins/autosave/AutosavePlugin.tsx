import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, type RefObject } from 'react';
import { LiveWordCounter } from '../../../../src/editor/live-count';
import { useClient } from '../../../app/useClient';
import { AutosaveController, type BodySaveStatus } from './autosave-controller';

const SAVE_DELAY_MS = 400;
const MAX_WAIT_MS = 3000;

/**
 * Saves the body while the user types (debounced), at once when the editor goes away (switching
 * briefings) or the page is hidden or closed, and reports the state for the indicator.
 */
export function AutosavePlugin({ briefingId, onStatus, flushRef }: { briefingId: string; onStatus: (status: BodySaveStatus) => void; flushRef: RefObject<(() => Promise<void>) | null> }) {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  useEffect(() => {
    const counter = new LiveWordCounter();
    const untrack = counter.track(editor);
    const controller = new AutosaveController({
      capture: () => {
        const state = editor.getEditorState();
        return { id: briefingId, body: JSON.stringify(state.toJSON()), bodyText: counter.text(state), wordCount: counter.count(state).total };
      },
      send: async (payload) => {
        await client.call('briefings.saveBody', payload);
      },
      onStatus,
      delayMs: SAVE_DELAY_MS,
      maxWaitMs: MAX_WAIT_MS,
    });
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState === editorState) return;
      controller.markDirty();
    });
    flushRef.current = () => controller.flush();
    const leave = (): void => void controller.flush();
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      unregister();
      untrack();
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      document.removeEventListener('visibilitychange', hidden);
      // Switching away: whatever was typed last goes out now, not after the debounce.
      void controller.flush();
      controller.dispose();
      flushRef.current = null;
    };
  }, [editor, client, briefingId, onStatus, flushRef]);
  return null;
}
