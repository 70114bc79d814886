import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef, type RefObject } from 'react';
import { LiveWordCounter } from '../../../../src/editor/live-count';
import { isConflict } from '../../../app/error-message';
import { useClient } from '../../../app/useClient';
import { AutosaveController, type BodySaveStatus } from './autosave-controller';

const SAVE_DELAY_MS = 400;
const MAX_WAIT_MS = 3000;

/** The body as the editor holds it, without the version it started from. */
export interface EditorText {
  body: string;
  bodyText: string;
  wordCount: number;
}

interface AutosavePluginProps {
  briefingId: string;
  /** The stored version this editor was opened on; each save names the version it started from. */
  initialVersion: number;
  onStatus: (status: BodySaveStatus) => void;
  /** A save was stored as this version. */
  onSaved: (version: number) => void;
  /**
   * Another window saved first and this text was refused: keep it (resolve) or fail (the text
   * stays unsaved and the save is retried).
   */
  onConflict: (text: EditorText) => Promise<void>;
  flushRef: RefObject<(() => Promise<void>) | null>;
}

/**
 * Saves the body while the user types (debounced), at once when the editor goes away (switching
 * briefings) or the page is hidden or closed, and reports the state for the indicator.
 */
export function AutosavePlugin({ briefingId, initialVersion, onStatus, onSaved, onConflict, flushRef }: AutosavePluginProps) {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  // Per editor (the composer remounts for every load), and kept when this effect re-runs for new
  // callbacks: a closing editor's last save must never borrow the version a newer one loaded.
  const version = useRef(initialVersion);
  /** The stored body as this editor serialises it (set once, when the editor first has its text). */
  const stored = useRef<string | null>(null);
  useEffect(() => {
    const counter = new LiveWordCounter();
    // What is stored now, as this editor serialises it: opening a briefing runs updates (judgement
    // and citation upkeep) that change nothing, and saving those would make every other open
    // window's next save a conflict for no reason.
    stored.current ??= JSON.stringify(editor.getEditorState().toJSON());
    const untrack = counter.track(editor);
    const controller = new AutosaveController<EditorText>({
      capture: () => {
        const state = editor.getEditorState();
        return { body: JSON.stringify(state.toJSON()), bodyText: counter.text(state), wordCount: counter.count(state).total };
      },
      send: async (text) => {
        if (text.body === stored.current) return;
        try {
          version.current = (await client.call('briefings.saveBody', { id: briefingId, ...text, baseVersion: version.current })).version;
          stored.current = text.body;
          onSaved(version.current);
        } catch (failure) {
          if (!isConflict(failure)) throw failure;
          await onConflict(text);
        }
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
  }, [editor, client, briefingId, onStatus, onSaved, onConflict, flushRef]);
  return null;
}
