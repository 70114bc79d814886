import { useState } from 'react';
import { SOURCE_KIND_LABELS } from '../../src/domain/source';
import { formatCaptureTime } from '../../src/domain/snapshot';
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
import { CapturePanel } from './CapturePanel';
import { type Selection } from './SnapshotText';
import { useContractQuery } from '../data/useContractQuery';
import { useSnapshotView } from './page-view/SnapshotViewToggle';
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
  const [captureId, setCaptureId] = useState<string | null>(null);
  const { detail, quotes, snapshot, error } = useSourceDetail(sourceId, captureId);
  const captureList = useContractQuery('snapshots.list', { sourceId }, { enabled: detail?.snapshot != null });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [focused, setFocused] = useState<string | null>(focusQuoteId);
  const [quoteEditing, setQuoteEditing] = useState<QuoteEditing>(null);
  const [editingSource, setEditingSource] = useState(false);
  // The next source can be started from here: a new user adds sources one after another.
  const [creatingSource, setCreatingSource] = useState(false);
  const [selectedQuotes, setSelectedQuotes] = useState<ReadonlySet<string>>(new Set());
  const [snapshotView, setSnapshotView] = useSnapshotView();

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
  const focusedQuote = quotes.find((quote) => quote.id === focused);
  // A quote is marked only in the capture it was cut from.
  const highlight = focusedQuote && snapshot && focusedQuote.snapshotId === snapshot.id ? focusedQuote.span : null;
  const captures = captureList.data?.items ?? [];
  // Which capture a quote came from is said once the source has more than one.
  const captureOf = (quote: Quote): string | null => {
    const capture = captures.length > 1 ? captures.find((candidate) => candidate.id === quote.snapshotId) : undefined;
    return capture ? `from the capture of ${formatCaptureTime(capture.capturedAt)}` : null;
  };

  return (
    <article className="source-detail" aria-labelledby="source-title">
      <div className="toolbar">
        <button type="button" className="link" onClick={onBack}>
          ← Back to the library
        </button>
        <button type="button" onClick={() => setCreatingSource(true)}>
          New source
        </button>
      </div>
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
        {source.doi && (
          <>
            <dt>DOI</dt>
            <dd className="wrap">{source.doi}</dd>
          </>
        )}
        {source.isbn && (
          <>
            <dt>ISBN</dt>
            <dd>{source.isbn}</dd>
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
        <CapturePanel
          sourceId={source.id}
          current={detail.snapshot}
          shown={snapshot}
          quotes={quotes}
          highlight={highlight}
          selection={selection}
          onSelect={setSelection}
          onShowCapture={setCaptureId}
          onSaveQuote={() => setQuoteEditing({ mode: 'new', selection })}
          view={snapshotView}
          onViewChange={setSnapshotView}
        />
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
          captureOf={captureOf}
          focusedId={focused}
          onShow={(quote) => {
            setFocused(quote.id);
            // Showing a quote opens the capture it was cut from, in the text view, where quotes are marked.
            setCaptureId(quote.snapshotId !== null && quote.snapshotId !== detail.snapshot?.id ? quote.snapshotId : null);
            setSnapshotView('text');
          }}
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
      {creatingSource && (
        <SourceForm
          source={null}
          onClose={() => setCreatingSource(false)}
          onSaved={(created) => {
            setCreatingSource(false);
            toast({ message: `Added “${created.title}”.` });
            onOpen(created.id);
          }}
        />
      )}
      {quoteDeletion.pending && (
        <ConfirmDialog
          title="Move this quote to the trash?"
          message={`“${quoteDeletion.pending.item.text.slice(0, 80)}${quoteDeletion.pending.item.text.length > 80 ? '…' : ''}” is in use: ${quoteDeletion.pending.usedIn.join('; ')}. Citations of it will show as broken references, and its evidence links go to the trash with it, until you restore it.`}
          confirmLabel="Move to trash"
          onConfirm={quoteDeletion.confirm}
          onCancel={quoteDeletion.cancel}
        />
      )}
    </article>
  );
}
