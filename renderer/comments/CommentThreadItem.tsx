import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommentThread } from '../../src/domain/comment';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { QUOTED_ONLY_PREFIX } from './comment-marks-store';
import { When } from '../shell/When';

interface CommentThreadItemProps {
  thread: CommentThread;
  /** Its words are still in the text. */
  present: boolean;
  /** The caret is in its words. */
  active: boolean;
  readOnly: boolean;
  /** Deleting a thread takes its mark off the text, so only someone who may change the text does it. */
  canDelete: boolean;
  onShow: () => void;
  /** After the host deleted it: the editor takes the mark off its words. */
  onDeleted: () => void;
}

/** Ctrl+Enter (or Cmd+Enter) sends a comment from its text box, as in mail and chat tools. */
export function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/** One thread: the commented words, the comments in order, a reply box, resolve or reopen, delete. */
export function CommentThreadItem({ thread, present, active, readOnly, canDelete, onShow, onDeleted }: CommentThreadItemProps) {
  const command = useCommand();
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resolved = thread.resolvedAt !== null;
  const first = thread.comments[0];

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const sendReply = (event: FormEvent): void => {
    event.preventDefault();
    if (reply.trim() === '') return;
    void run(async () => {
      await command('comments.reply', { threadId: thread.id, body: reply });
      setReply('');
    });
  };

  return (
    <li
      className={`comment-thread${resolved ? ' resolved' : ''}`}
      aria-current={active ? 'true' : undefined}
      aria-label={`Comment by ${first?.author ?? 'unknown'}`}
    >
      {present ? (
        <button type="button" className="link comment-quote" onClick={onShow} aria-label={`Show the commented words: ${thread.quote}`}>
          “{thread.quote}”
        </button>
      ) : (
        <p className="comment-quote muted">
          “{thread.quote}”{' '}
          <span>
            {thread.anchor.startsWith(`${QUOTED_ONLY_PREFIX}-`)
              ? '(quoted by a reviewer, not marked in the text)'
              : '(these words are no longer in the text)'}
          </span>
        </p>
      )}
      {resolved && (
        <p className="comment-state">
          <span aria-hidden="true">✓ </span>Resolved by {thread.resolvedBy} · <When iso={thread.resolvedAt ?? ''} />
        </p>
      )}
      <ol className="comment-list" aria-label="Comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="comment-meta">
              <strong>{comment.author}</strong> · <When iso={comment.createdAt} />
            </p>
            <p className="comment-body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {!readOnly && !resolved && (
        <form className="comment-reply" onSubmit={sendReply}>
          <textarea
            aria-label="Reply"
            rows={2}
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            onKeyDown={submitOnModEnter}
          />
          <button type="submit" disabled={reply.trim() === ''}>
            Reply
          </button>
        </form>
      )}
      {!readOnly && (
        <div className="comment-actions">
          <button
            type="button"
            onClick={() =>
              void run(() => command('comments.setResolved', { threadId: thread.id, version: thread.version, resolved: !resolved }))
            }
          >
            {resolved ? 'Reopen' : 'Resolve'}
          </button>
          {canDelete && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Delete thread
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this comment thread?"
          message={`The thread on “${thread.quote.slice(0, 80)}” and its ${thread.comments.length} comment(s) are deleted for good; the words stay in the text.`}
          confirmLabel="Delete thread"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(async () => {
              await command('comments.deleteThread', { threadId: thread.id });
              onDeleted();
            });
          }}
        />
      )}
    </li>
  );
}
