import { useState } from 'react';
import { SOURCE_KIND_LABELS } from '../../src/domain/source';
import { encodingLabel } from '../../src/snapshot/charset';
import type { Quote } from '../../src/domain/quote';
import { errorMessage } from '../app/error-message';
import { NotFound } from '../app/NotFound';
import { LIBRARY } from '../app/routes';
import { useCommand } from '../data/mutations';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useToast } from '../shell/useToast';
import { BulkTagBar } from './BulkTagBar';
import { DerivationPanel } from './DerivationPanel';
import { GradeBadge } from './GradeBadge';
import { QuoteForm } from './QuoteForm';
import { QuoteList } from './QuoteList';
import { SnapshotAttach } from './SnapshotAttach';
import { SnapshotHashState } from './SnapshotHashState';
import { SnapshotText, type Selection } from './SnapshotText';
import { SnapshotTextNotice } from './SnapshotTextNotice';
import { SnapshotImage } from './SnapshotImage';
import { SnapshotOcrNotice } from './SnapshotOcrNotice';
import { SnapshotReadWithOcr } from './SnapshotReadWithOcr';
import { isImageMediaType } from '../../src/snapshot/media-type';
import { hasNoQuotableText, mayReadWithOcr } from '../../src/snapshot/text-notice';
import { SnapshotArchiveFacts } from './SnapshotArchiveFacts';
import { SnapshotImages } from './SnapshotImages';
import { quoteUses, useLinkedDeleteCheck } from './useLinkedDeleteCheck';
import { SourceForm } from './SourceForm';
import { TagEditor } from './TagEditor';
import { UsedIn } from './UsedIn';
import { useSourceDetail } from './useSourceDetail';

type QuoteEditing = { mode: 'new'; selection: Selection | null } | { mode: 'edit'; quote: Quote } | null;

interface SourceDetailProps {
  sourceId: string;
  focusQuoteId: string | null;
  onOpen: (sourceId: string, quoteId?: string) => void;
  onBack: () => void;
}

/** One source: metadata, tags, derived-from links, its snapshot (select to quote) and its quotes. */
export function SourceDetail({ sourceId, focusQuoteId, onOpen, onBack }: SourceDetailProps) {
  const command = useCommand();
  const toast = useToast();
  const { detail, quotes, snapshot, error } = useSourceDetail(sourceId);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [focused, setFocused] = useState<string | null>(focusQuoteId);
  const [quoteEditing, setQuoteEditing] = useState<QuoteEditing>(null);
  const [editingSource, setEditingSource] = useState(false);
  const [confirmRemoveSnapshot, setConfirmRemoveSnapshot] = useState(false);
  const [selectedQuotes, setSelectedQuotes] = useState<ReadonlySet<string>>(new Set());

  const removeQuote = (quote: Quote): void => {
    command('quotes.delete', { id: quote.id }).then(
      () => {
        toast({
          message: 'Moved the quote to the trash.',
          action: {
            label: 'Undo',
            run: () =>
              void command('trash.restore', { kind: 'quote', id: quote.id }).catch((failure: unknown) =>
                toast({ message: errorMessage(failure), tone: 'error' }),
              ),
          },
        });
      },
      (failure: unknown) => toast({ message: errorMessage(failure), tone: 'error' }),
    );
  };
  const quoteDeletion = useLinkedDeleteCheck(quoteUses, removeQuote);

  if (error) return <NotFound title="Cannot open the source" message={error} back={LIBRARY} backLabel="Back to the library" />;
  if (!detail) return <p className="loading">Opening source…</p>;
  const { source } = detail;
  const highlight = quotes.find((quote) => quote.id === focused)?.span ?? null;

  return (
    <article className="source-detail" aria-labelledby="source-title">
      <button type="button" className="link" onClick={onBack}>
        ← Back to the library
      </button>
      <header className="detail-header">
        <h1 id="source-title">{source.title}</h1>
        <GradeBadge reliability={source.reliability} />
        <button type="button" onClick={() => setEditingSource(true)}>
          Edit source
        </button>
      </header>
      <dl className="meta">
        <dt>Kind</dt>
        <dd>{SOURCE_KIND_LABELS[source.kind]}</dd>
        {source.author && (
          <>
            <dt>Author or speaker</dt>
            <dd>{source.author}</dd>
          </>
        )}
        {source.publisher && (
          <>
            <dt>Publisher</dt>
            <dd>{source.publisher}</dd>
          </>
        )}
        {source.publishedDate && (
          <>
            <dt>Published</dt>
            <dd>{source.publishedDate}</dd>
          </>
        )}
        {source.accessedDate && (
          <>
            <dt>Accessed</dt>
            <dd>{source.accessedDate}</dd>
          </>
        )}
        {source.url && (
          <>
            <dt>URL</dt>
            <dd className="wrap">{source.url}</dd>
          </>
        )}
        {source.notes && (
          <>
            <dt>Notes</dt>
            <dd className="pre-wrap">{source.notes}</dd>
          </>
        )}
      </dl>
      <TagEditor items={[{ kind: 'source', id: source.id }]} tags={source.tags} label="Tag source" />
      <DerivationPanel sourceId={source.id} derivedFrom={detail.derivedFrom} reportedBy={detail.reportedBy} onOpen={(id) => onOpen(id)} />

      <section className="panel" aria-labelledby="snapshot-heading">
        <h2 id="snapshot-heading">Snapshot</h2>
        {detail.snapshot && snapshot ? (
          <>
            <p className="snapshot-meta">
              {detail.snapshot.fileName} · {detail.snapshot.mediaType}
              {detail.snapshot.encoding ? ` (${encodingLabel(detail.snapshot.encoding)})` : ''} · {(detail.snapshot.size / 1024).toFixed(1)}{' '}
              KB · captured {new Date(detail.snapshot.capturedAt).toLocaleString()} ·{' '}
              <span title={detail.snapshot.sha256}>SHA-256 {detail.snapshot.sha256.slice(0, 12)}…</span>
            </p>
            {detail.snapshot.archive && <SnapshotArchiveFacts archive={detail.snapshot.archive} />}
            <SnapshotHashState snapshot={detail.snapshot} />
            {detail.snapshot.textNotice && <SnapshotTextNotice notice={detail.snapshot.textNotice} />}
            {mayReadWithOcr(detail.snapshot) && <SnapshotReadWithOcr sourceId={source.id} />}
            {detail.snapshot.ocr &&
              (isImageMediaType(detail.snapshot.mediaType) ? (
                <SnapshotImage sourceId={source.id} fileName={detail.snapshot.fileName} ocr={detail.snapshot.ocr} />
              ) : (
                <SnapshotOcrNotice ocr={detail.snapshot.ocr} />
              ))}
            <div className="toolbar">
              {!hasNoQuotableText(detail.snapshot.textNotice) && (
                <button type="button" className="primary" disabled={!selection} onClick={() => setQuoteEditing({ mode: 'new', selection })}>
                  Save as quote
                </button>
              )}
              <button type="button" className="danger" onClick={() => setConfirmRemoveSnapshot(true)}>
                Remove snapshot
              </button>
            </div>
            {!hasNoQuotableText(detail.snapshot.textNotice) && (
              <SnapshotText snapshot={snapshot} highlight={highlight} onSelect={setSelection} />
            )}
            {detail.snapshot.archive?.format === 'mhtml' && <SnapshotImages sourceId={source.id} />}
          </>
        ) : (
          <SnapshotAttach sourceId={source.id} />
        )}
      </section>

      <section className="panel" aria-labelledby="quotes-heading">
        <header className="view-header">
          <h2 id="quotes-heading">Quotes ({quotes.length})</h2>
          <button type="button" onClick={() => setQuoteEditing({ mode: 'new', selection: null })}>
            Add quote by hand
          </button>
        </header>
        {selectedQuotes.size > 0 && <BulkTagBar kind="quote" ids={[...selectedQuotes]} onClear={() => setSelectedQuotes(new Set())} />}
        <QuoteList
          selected={selectedQuotes}
          onToggleSelected={(quote) =>
            setSelectedQuotes((current) => {
              const next = new Set(current);
              if (!next.delete(quote.id)) next.add(quote.id);
              return next;
            })
          }
          quotes={quotes}
          focusedId={focused}
          onShow={(quote) => setFocused(quote.id)}
          onEdit={(quote) => setQuoteEditing({ mode: 'edit', quote })}
          onDelete={quoteDeletion.request}
        />
      </section>

      <section className="panel" aria-labelledby="used-in-heading">
        <h2 id="used-in-heading">Used in</h2>
        <UsedIn item={{ kind: 'source', id: source.id }} />
      </section>

      {quoteEditing && (
        <QuoteForm
          sourceId={source.id}
          quote={quoteEditing.mode === 'edit' ? quoteEditing.quote : null}
          selection={quoteEditing.mode === 'new' ? quoteEditing.selection : null}
          onClose={() => setQuoteEditing(null)}
          onSaved={(saved) => {
            setQuoteEditing(null);
            setFocused(saved.id);
            window.getSelection()?.removeAllRanges();
            toast({ message: 'Quote saved.' });
          }}
        />
      )}
      {editingSource && <SourceForm source={source} onClose={() => setEditingSource(false)} onSaved={() => setEditingSource(false)} />}
      {quoteDeletion.pending && (
        <ConfirmDialog
          title="Move this quote to the trash?"
          message={`“${quoteDeletion.pending.item.text.slice(0, 80)}${quoteDeletion.pending.item.text.length > 80 ? '…' : ''}” is in use: ${quoteDeletion.pending.usedIn.join('; ')}. Citations of it will show as broken references, and its evidence links go to the trash with it, until you restore it.`}
          confirmLabel="Move to trash"
          onConfirm={quoteDeletion.confirm}
          onCancel={quoteDeletion.cancel}
        />
      )}
      {confirmRemoveSnapshot && (
        <ConfirmDialog
          title="Remove the snapshot?"
          message={`The captured file is deleted from the workspace. ${quotes.some((quote) => quote.span) ? 'Quotes cut from it keep their text but can no longer be checked against it.' : ''}`}
          confirmLabel="Remove snapshot"
          onCancel={() => setConfirmRemoveSnapshot(false)}
          onConfirm={() => {
            setConfirmRemoveSnapshot(false);
            command('snapshots.remove', { sourceId: source.id }).catch((failure: unknown) =>
              toast({ message: errorMessage(failure), tone: 'error' }),
            );
          }}
        />
      )}
    </article>
  );
}
