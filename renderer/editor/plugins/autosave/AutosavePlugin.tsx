import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect, useRef, type RefObject } from 'react';
import { LiveWordCounter } from '../../../../src/editor/live-count';
import { isConflict } from '../../../app/error-message';
import { useClient } from '../../../app/useClient';
import { useContractQuery } from '../../../data/useContractQuery';
import { AutosaveController, type BodySaveStatus } from './autosave-controller';
import { clearDrafts, findDraft, keepDraft } from './draft-store';

const SAVE_DELAY_MS = 400;
const MAX_WAIT_MS = 3000;
const HOST_STOPPED = 'Warrant’s host stopped. What you type is kept in this tab and saved when it is back.';

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
 * briefings) or the page is hidden or closed, and reports the state for the indicator. While the
 * host is stopped, each due save goes to a local draft instead (draft-store.ts); the host's
 * return saves it, and a page opened on this briefing later picks up a draft left behind.
 */
export function AutosavePlugin({ briefingId, initialVersion, onStatus, onSaved, onConflict, flushRef }: AutosavePluginProps) {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  // Per editor (the composer remounts for every load), and kept when this effect re-runs for new
  // callbacks: a closing editor's last save must never borrow the version a newer one loaded.
  const version = useRef(initialVersion);
  /** The stored body as this editor serialises it (set once, when the editor first has its text). */
  const stored = useRef<string | null>(null);
  /** A draft left by an earlier page is looked for once per editor. */
  const draftChecked = useRef(false);
  // The page's workspace file never changes under it (a switch reloads the page): asked once.
  const workspace = useContractQuery('host.info', {}, { immutable: true }).data?.workspace.path;
  useEffect(() => {
    const counter = new LiveWordCounter();
    // What is stored now, as this editor serialises it: opening a briefing runs updates (judgement
    // and citation upkeep) that change nothing, and saving those would make every other open
    // window's next save a conflict for no reason.
    stored.current ??= JSON.stringify(editor.getEditorState().toJSON());
    const untrack = counter.track(editor);
    const capture = (): EditorText => {
      const state = editor.getEditorState();
      return { body: JSON.stringify(state.toJSON()), bodyText: counter.text(state), wordCount: counter.count(state).total };
    };
    const keep = (text: EditorText): void => {
      if (workspace !== undefined) keepDraft(localStorage, workspace, briefingId, { ...text, baseVersion: version.current });
    };
    // Read afresh each time: the call in between may be what found the host gone.
    const hostLost = (): boolean => client.hostState === 'lost';
    const forget = (): void => {
      if (workspace !== undefined) clearDrafts(localStorage, workspace, briefingId);
    };
    const controller = new AutosaveController<EditorText>({
      capture,
      send: async (text) => {
        if (text.body === stored.current) return forget();
        // Tried even while the host is thought gone: a failed call is cheap, and an answer is
        // what tells the page that a passing failure is over.
        try {
          version.current = (await client.call('briefings.saveBody', { id: briefingId, ...text, baseVersion: version.current })).version;
          stored.current = text.body;
          forget();
          onSaved(version.current);
        } catch (failure) {
          if (!isConflict(failure)) {
            if (!hostLost()) throw failure;
            keep(text);
            throw new Error(HOST_STOPPED, { cause: failure });
          }
          // Kept as a revision by the conflict path: the stored copy is the one to keep now.
          await onConflict(text);
          forget();
        }
      },
      onStatus,
      delayMs: SAVE_DELAY_MS,
      maxWaitMs: MAX_WAIT_MS,
    });
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState === editorState) return;
      // Upkeep the analyst did not make (opening a briefing syncs its judgements and citations)
      // often leaves the stored text as it was: then nothing is unsaved, and the indicator must
      // not say so. Compared only for such updates while all is saved, never per keystroke.
      if (controller.settled && tags.has(HISTORY_MERGE_TAG) && JSON.stringify(editorState.toJSON()) === stored.current) return;
      controller.markDirty();
    });
    // Text left by a page that closed while the host was stopped: it continues this version, or
    // (written on an older one) its save is refused as a conflict and kept as a revision.
    if (workspace !== undefined && !draftChecked.current) {
      draftChecked.current = true;
      const draft = findDraft(localStorage, workspace, briefingId);
      if (draft && draft.body !== stored.current) {
        editor.setEditorState(editor.parseEditorState(draft.body));
        version.current = draft.baseVersion;
        controller.markDirty();
      } else if (draft) forget();
    }
    const unwatchHost = client.onHostState((state) => {
      if (state === 'connected') void controller.flush();
    });
    flushRef.current = () => controller.flush();
    const leave = (): void => {
      // The page may be gone before a save could even be refused: keep the text here first.
      if (client.hostState === 'lost' && controller.hasUnsaved) keep(capture());
      void controller.flush();
    };
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      unregister();
      unwatchHost();
      untrack();
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      document.removeEventListener('visibilitychange', hidden);
      // Switching away: whatever was typed last goes out now, not after the debounce.
      void controller.flush();
      controller.dispose();
      flushRef.current = null;
    };
  }, [editor, client, workspace, briefingId, onStatus, onSaved, onConflict, flushRef]);
  return null;
}
