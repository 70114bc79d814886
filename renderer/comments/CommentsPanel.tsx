import type { LexicalEditor } from 'lexical';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../app/error-message';
import { useCommandHandler } from '../commands/registry';
import { shortcutLabel, shortcutProps } from '../commands/shortcut-labels';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import {
  markPendingComment,
  markQuotedWords,
  readPendingComment,
  removeCommentMarks,
  selectCommentedWords,
  type PendingComment,
} from '../editor';
import { QUOTED_ONLY_PREFIX, type CommentMarksStore } from './comment-marks-store';
import { CommentThreadItem, submitOnModEnter } from './CommentThreadItem';
import './comments.css';

interface CommentsPanelProps {
  briefingId: string;
  editorRef: RefObject<LexicalEditor | null>;
  marks: CommentMarksStore;
  /** Another tab is editing the text, or the team role is a reader's: comments can be read here, not written. */
  readOnly: boolean;
  /**
   * Whether a new comment marks its words in the text. A team reviewer may comment but not change
   * the text: their threads keep the quoted words and an anchor no mark carries yet.
   */
  markText: boolean;
  /** The briefing is shared with a team: its threads change without this page asking. */
  shared: boolean;
  /** Brings the panel into view (the inspector may be hidden or on another tab). */
  onReveal: () => void;
}

/** How soon a teammate's comment shows here: the host projects it at once, the page asks this often. */
const TEAM_REFRESH_MS = 1_000;

function newAnchor(markText: boolean): string {
  return `${markText ? 'c' : QUOTED_ONLY_PREFIX}-${crypto.randomUUID()}`;
}

/** Review comments on the briefing's words: start one on a selection, answer, resolve, reopen. */
export function CommentsPanel({ briefingId, editorRef, marks, readOnly, markText, shared, onReveal }: CommentsPanelProps) {
  const command = useCommand();
  const listed = useContractQuery('comments.list', { briefingId }, { refreshEveryMs: shared ? TEAM_REFRESH_MS : undefined });
  const threads = useMemo(() => listed.data?.items ?? [], [listed.data]);
  const { present, active, editors } = useSyncExternalStore(marks.subscribe, marks.getSnapshot);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [body, setBody] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    marks.setResolved(new Set(threads.filter((thread) => thread.resolvedAt !== null).map((thread) => thread.anchor)));
  }, [marks, threads]);
  // A reviewer's thread arrives with the words quoted, not marked: the first analyst who has the
  // text open marks them (once per thread here; ambiguous or vanished words stay unmarked).
  const triedQuotes = useRef(new Set<string>());
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || readOnly || !markText) return;
    for (const thread of threads) {
      const quotedOnly = thread.anchor.startsWith(`${QUOTED_ONLY_PREFIX}-`) && thread.resolvedAt === null;
      if (!quotedOnly || present.has(thread.anchor) || triedQuotes.current.has(thread.anchor)) continue;
      triedQuotes.current.add(thread.anchor);
      markQuotedWords(editor, thread.anchor, thread.quote);
    }
    // `editors`: the text may mount after the threads arrive; its arrival is what lets them be marked.
  }, [threads, present, readOnly, markText, editorRef, editors]);
  useEffect(() => {
    if (focusRequest > 0) field.current?.focus();
  }, [focusRequest]);

  const begin = (): void => {
    const editor = editorRef.current;
    const selected = editor ? readPendingComment(editor) : null;
    onReveal();
    if (!selected) {
      setError('Select the words to comment on in the text first.');
      return;
    }
    setError(null);
    setPending(selected);
    setFocusRequest((count) => count + 1);
  };
  useCommandHandler('briefing.comment', begin, !readOnly);

  const post = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const editor = editorRef.current;
    if (!pending || !editor || body.trim() === '') return;
    const anchor = newAnchor(markText);
    if (markText && !markPendingComment(editor, pending, anchor)) {
      setError('The selected words changed while you wrote. Select them again; your comment is kept.');
      setPending(null);
      return;
    }
    try {
      await command('comments.start', { briefingId, anchor, quote: pending.quote, body });
      setPending(null);
      setBody('');
      setError(null);
    } catch (failure) {
      if (markText) removeCommentMarks(editor, anchor);
      setError(errorMessage(failure));
    }
  };

  const shown = threads.filter((thread) => showResolved || thread.resolvedAt === null);
  const resolvedCount = threads.length - threads.filter((thread) => thread.resolvedAt === null).length;
  const key = shortcutLabel('briefing.comment');

  return (
    <section className="comments-panel" aria-label="Comments">
      <div className="comments-toolbar">
        {!readOnly && (
          <button type="button" onClick={begin} {...shortcutProps('briefing.comment')}>
            Comment on selection
          </button>
        )}
        <label className="inline-field">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
          Show resolved ({resolvedCount})
        </label>
      </div>
      {pending && (
        <form className="comment-new" aria-label="New comment" onSubmit={(event) => void post(event)}>
          <p className="comment-quote">“{pending.quote}”</p>
          <textarea
            ref={field}
            aria-label="Comment"
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={submitOnModEnter}
          />
          <div className="dialog-actions">
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button type="submit" disabled={body.trim() === ''}>
              Post comment
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {listed.error && (
        <p className="field-error" role="alert">
          {errorMessage(listed.error)}
        </p>
      )}
      {shown.length === 0 && !pending ? (
        <p className="muted empty-state">
          {threads.length === 0
            ? `No comments yet. Select words in the text and choose “Comment on selection”${key ? ` (${key})` : ''}.`
            : 'Every comment is resolved.'}
        </p>
      ) : (
        <ul className="comment-threads" aria-label="Comment threads">
          {shown.map((thread) => (
            <CommentThreadItem
              key={thread.id}
              thread={thread}
              present={present.has(thread.anchor)}
              active={active === thread.anchor}
              readOnly={readOnly}
              canDelete={markText}
              onShow={() => {
                const editor = editorRef.current;
                if (editor && !selectCommentedWords(editor, thread.anchor)) setError('Those words are no longer in the text.');
              }}
              onDeleted={() => {
                const editor = editorRef.current;
                if (editor && markText) removeCommentMarks(editor, thread.anchor);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
