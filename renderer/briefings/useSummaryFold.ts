import type { LexicalEditor } from 'lexical';
import { useEffect, useSyncExternalStore, type RefObject } from 'react';
import type { CommentMarksStore } from '../comments';
import { $foldSummary } from '../../src/briefing/summary-fold';
import type { BodySaveStatus } from '../editor';
import type { ValueStore } from '../shell/value-store';

interface SummaryFoldOptions {
  /** The old Summary (BLUF) field as stored (empty for every briefing written since). */
  summary: string | null;
  /** Whether this tab may write (another tab editing the briefing folds it there instead). */
  editable: boolean;
  /** Bumped when the editor opens again on a fresh read. */
  mount: number;
  /**
   * Says when an editor attaches: the editor may mount after this hook's first run (its code loads
   * lazily, and a team briefing waits to learn whether its body is co-written).
   */
  marks: CommentMarksStore;
  editorRef: RefObject<LexicalEditor | null>;
  flushRef: RefObject<(() => Promise<void>) | null>;
  statusStore: ValueStore<BodySaveStatus>;
  clearSummaryRef: RefObject<(() => Promise<void>) | null>;
}

/**
 * One Summary (BLUF): an old briefing's separate BLUF field is moved into the Summary section of
 * its text when it opens. The field is emptied only after the text holding it has been saved, so
 * a failed save leaves it where it was (and the next opening tries again, without repeating it).
 */
export function useSummaryFold({
  summary,
  editable,
  mount,
  marks,
  editorRef,
  flushRef,
  statusStore,
  clearSummaryRef,
}: SummaryFoldOptions): void {
  const editors = useSyncExternalStore(marks.subscribe, () => marks.getSnapshot().editors);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editable || !editor || summary === null || summary.trim() === '') return;
    let changed = false;
    editor.update(() => (changed = $foldSummary(summary)), { discrete: true });
    void (async () => {
      if (changed) await flushRef.current?.();
      if (statusStore.get().state === 'saved') await clearSummaryRef.current?.();
    })();
    // Once per opening: the field's later value is this hook's own doing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mount, editable, editors]);
}
