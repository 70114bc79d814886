import type { LexicalEditor } from 'lexical';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentCount } from '../../src/briefing/word-count';
import { BRIEFING_STATUS_LABELS, type Briefing, type ProductType } from '../../src/domain/briefing';
import { LiveWordCounter } from '../../src/editor/live-count';
import { errorMessage } from '../app/error-message';
import { NotFound } from '../app/NotFound';
import { openSource } from '../app/router';
import { BRIEFINGS } from '../app/routes';
import { useClient } from '../app/useClient';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { BriefingComposer } from '../editor/BriefingComposer';
import { checkBody } from '../editor/parse-body';
import type { BodySaveStatus } from '../editor/plugins/autosave/autosave-controller';
import { CitationStore } from '../editor/plugins/citations/citation-store';
import { CitationContext } from '../editor/plugins/citations/CitationContext';
import { INSERT_CITATION_COMMAND } from '../editor/plugins/citations/CitationsPlugin';
import { JudgementContext, type JudgementScope } from '../editor/plugins/judgements/JudgementContext';
import { JudgementStore } from '../editor/plugins/judgements/judgement-store';
import type { EditorText } from '../editor/plugins/autosave/AutosavePlugin';
import { useToast } from '../shell/useToast';
import { useLiveDom } from '../shell/useLiveDom';
import { ValueStore } from '../shell/value-store';
import { ArgumentDialog } from './ArgumentDialog';
import { ConflictDialog, type BodyConflict } from './ConflictDialog';
import { EditModeBanner } from './EditModeBanner';
import { useBriefingLock } from './useBriefingLock';
import { EvidencePanel } from './EvidencePanel';
import { ExportBriefingDialog } from './ExportBriefingDialog';
import { LibraryPanel } from './LibraryPanel';
import { MetaPanel } from './MetaPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { useTradecraftProblems } from './useTradecraftProblems';
import { RecoveryView } from './RecoveryView';
import { RevisionsPanel } from './RevisionsPanel';
import { WordCountPanel } from './WordCountPanel';

const SAVE_LABELS = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…' } as const;

function paintSaveState(element: HTMLSpanElement, status: BodySaveStatus): void {
  element.className = `save-indicator save-${status.state}`;
  element.textContent = status.state === 'failed' ? `Not saved: ${status.message}` : SAVE_LABELS[status.state];
}

/** The body's own save state, painted without a React commit as it changes while typing. */
function SaveIndicator({ store }: { store: ValueStore<BodySaveStatus> }) {
  const ref = useLiveDom(store.subscribe, store.get, paintSaveState);
  return <span ref={ref} role="status" aria-label="Briefing save state" className="save-indicator" />;
}

/** The editor only re-renders when what it was opened with changes. */
const MemoComposer = memo(BriefingComposer);

/** One open briefing: title block, editor (or recovery view), counts, problems, library, revisions. */
interface BriefingWorkspaceProps {
  briefingId: string;
  types: ProductType[];
  onChanged: () => void;
  /** A judgement to select once the briefing opens (from a back-link). */
  initialJudgementId?: string | null;
}

export const BriefingWorkspace = memo(function BriefingWorkspace({
  briefingId,
  types,
  onChanged,
  initialJudgementId = null,
}: BriefingWorkspaceProps) {
  const client = useClient();
  const toast = useToast();
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mount, setMount] = useState(0);
  const countStore = useMemo(() => new ValueStore<DocumentCount | null>(null), []);
  const statusStore = useMemo(() => new ValueStore<BodySaveStatus>({ state: 'saved' }), []);
  const [revisionsVersion, setRevisionsVersion] = useState(0);
  const [showArgument, setShowArgument] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const flushRef = useRef<(() => Promise<void>) | null>(null);
  /** The body version this tab last loaded or saved: a restore names it. */
  const versionRef = useRef(0);
  const [conflict, setConflict] = useState<BodyConflict | null>(null);
  /** Saves a title-block change still waiting for its pause (set while the panel is mounted). */
  const metaFlushRef = useRef<(() => Promise<void>) | null>(null);
  // Before handing the briefing to another tab, everything typed here is saved: text and title block.
  const handOverRef = useRef<(() => Promise<void>) | null>(async () => {
    await Promise.all([flushRef.current?.(), metaFlushRef.current?.()]);
  });
  const { mode, editHere } = useBriefingLock(briefingId, handOverRef);
  const editable = mode === 'editing';
  /** Whether the open editor is editable (null until this tab knows whether it holds the briefing). */
  const [shownEditable, setShownEditable] = useState<boolean | null>(null);
  const store = useMemo(() => new CitationStore(), []);
  const judgements = useMemo(() => {
    const created = new JudgementStore();
    created.select(initialJudgementId);
    return created;
  }, [initialJudgementId]);
  const [exporting, setExporting] = useState(false);

  // Export… (Ctrl+Shift+E): the latest text is saved first so the export shows what is on screen.
  const openExport = useCallback(async (): Promise<void> => {
    await flushRef.current?.();
    setExporting(true);
  }, []);

  useEffect(() => {
    let current = true;
    client.call('briefings.get', { id: briefingId }).then(
      (loaded) => {
        if (!current) return;
        versionRef.current = loaded.version;
        setBriefing(loaded);
      },
      (failure: unknown) => current && setLoadError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, briefingId, mount]);

  // Parsing a long body is not free: only a new body (not a metadata save) is checked again.
  const body = briefing?.body ?? null;
  const parsed = useMemo(() => (body === null ? null : checkBody(body)), [body]);
  const onError = useCallback((message: string) => toast({ message, tone: 'error' }), [toast]);
  const onCount = useCallback((next: DocumentCount) => countStore.set(next), [countStore]);
  const onStatus = useCallback(
    (next: BodySaveStatus) => {
      const before = statusStore.get().state;
      statusStore.set(next);
      // The list shows word counts and last edits: refresh it once per burst of saves.
      if (next.state === 'saved' && before !== 'saved') onChanged();
    },
    [statusStore, onChanged],
  );
  const judgementScope = useMemo<JudgementScope>(() => ({ store: judgements, client, onError }), [judgements, client, onError]);
  const reload = useCallback(() => {
    setBriefing(null);
    setMount((value) => value + 1);
  }, []);

  // Taking over or handing over the briefing: reopen on the text as stored now (adjusted while
  // rendering, so no frame shows the old editor in the new mode).
  if (mode !== 'waiting' && shownEditable !== editable) {
    if (shownEditable !== null) {
      setBriefing(null);
      setMount((value) => value + 1);
    }
    setShownEditable(editable);
  }

  const onSaved = useCallback((version: number) => {
    versionRef.current = version;
  }, []);
  // Another window saved first: keep this text as a revision, then show the stored one beside it.
  const onConflict = useCallback(
    async (text: EditorText): Promise<void> => {
      const name = `Your unsaved version, ${new Date().toLocaleTimeString()}`;
      const kept = await client.call('briefings.keepText', { briefingId, name, ...text });
      setConflict({ revisionId: kept.id, name });
      setRevisionsVersion((value) => value + 1);
      reload();
    },
    [client, briefingId, reload],
  );

  const onJudgementRemoved = useCallback(
    (id: string) => {
      toast({
        message: 'Moved the key judgement to the trash.',
        action: {
          label: 'Undo',
          run: () =>
            void (async () => {
              await flushRef.current?.();
              await client.call('trash.restore', { kind: 'judgement', id });
              reload();
            })().catch((failure: unknown) => onError(errorMessage(failure))),
        },
      });
    },
    [toast, client, onError, reload],
  );
  const restore = useCallback(
    async (revisionId: string): Promise<void> => {
      await flushRef.current?.();
      await client.call('briefings.restoreRevision', { id: revisionId, baseVersion: versionRef.current });
      toast({ message: 'Revision restored. The text it replaced is kept as a revision.' });
      reload();
    },
    [client, toast, reload],
  );

  const openType = types.find((candidate) => candidate.id === briefing?.typeId);
  const problems = useTradecraftProblems(
    briefingId,
    judgements,
    countStore,
    openType ? openType.wordLimit : (briefing?.wordLimit ?? null),
    openType?.name ?? briefing?.typeName ?? 'this product',
  );

  // The body must be readable: a briefing shown in its recovery view has no picture and no export.
  const readable = parsed?.ok === true;
  useCommandHandler('briefing.export', () => void openExport(), readable);
  useCommandHandler('briefing.argument', () => setShowArgument(true), readable);

  if (loadError)
    return (
      <NotFound
        title="Cannot open the briefing"
        message={loadError}
        back={BRIEFINGS}
        backLabel="Back to briefings"
        headingId="briefing-heading"
      />
    );
  if (!briefing || !parsed || shownEditable === null) return <p className="muted">Opening the briefing…</p>;
  const type = types.find((candidate) => candidate.id === briefing.typeId);
  const limit = type ? type.wordLimit : briefing.wordLimit;

  return (
    <CitationContext.Provider value={store}>
      <JudgementContext.Provider value={judgementScope}>
        <div className="briefing-workspace">
          <div className="briefing-main">
            <header className="view-header">
              <h1 id="briefing-heading">{briefing.title}</h1>
              <SaveIndicator store={statusStore} />
              {parsed.ok && (
                <button type="button" onClick={() => setShowArgument(true)} {...shortcutProps('briefing.argument')}>
                  Argument picture
                </button>
              )}
              <button
                type="button"
                onClick={() => void openExport()}
                disabled={!parsed.ok}
                {...shortcutProps('briefing.export', 'Export as PDF, Word, HTML or Markdown')}
              >
                Export…
              </button>
            </header>
            {showArgument && (
              <ArgumentDialog
                judgements={judgements}
                problems={problems}
                onClose={() => setShowArgument(false)}
                onOpenJudgement={(id) => {
                  judgements.select(id);
                  editorRef.current
                    ?.getRootElement()
                    ?.querySelector(`[data-judgement-id="${CSS.escape(id)}"]`)
                    ?.scrollIntoView({ block: 'center' });
                }}
                onOpenItem={openSource}
              />
            )}
            <p className="muted">
              {briefing.typeName} · {BRIEFING_STATUS_LABELS[briefing.status]}
            </p>
            <EditModeBanner mode={mode} onEditHere={editHere} />
            <MetaPanel
              key={briefing.id}
              briefing={briefing}
              readOnly={!shownEditable}
              flushRef={metaFlushRef}
              types={types}
              onSaved={(saved) => {
                if (saved.status !== briefing.status) setRevisionsVersion((value) => value + 1);
                // A new yardstick moved the judgements' likelihoods to its nearest terms.
                if (saved.yardstick !== judgements.yardstick())
                  void client.call('judgements.list', { briefingId: saved.id }).then(
                    ({ yardstick, items }) => judgements.setAll(yardstick, items),
                    () => undefined,
                  );
                setBriefing((prev) =>
                  prev
                    ? {
                        ...prev,
                        title: saved.title,
                        typeId: saved.typeId,
                        typeName: saved.typeName,
                        status: saved.status,
                        wordLimit: saved.wordLimit,
                      }
                    : prev,
                );
                onChanged();
              }}
            />
            {parsed.ok ? (
              <MemoComposer
                key={`${briefing.id}:${mount}`}
                briefingId={briefing.id}
                initialJson={parsed.json}
                initialVersion={briefing.version}
                editable={shownEditable}
                onSaved={onSaved}
                onConflict={onConflict}
                editorRef={editorRef}
                flushRef={flushRef}
                onCount={onCount}
                onStatus={onStatus}
                onError={onError}
                onJudgementRemoved={onJudgementRemoved}
              />
            ) : (
              <RecoveryView briefing={briefing} reason={parsed.reason} onRebuilt={reload} readOnly={!shownEditable} />
            )}
          </div>
          <aside className="briefing-side">
            {parsed.ok && <WordCountPanel store={countStore} limit={limit} />}
            {parsed.ok && <EvidencePanel store={judgements} onOpenItem={openSource} />}
            <ProblemsPanel editorRef={editorRef} judgements={judgements} problems={problems} />
            <LibraryPanel onCite={(ref) => editorRef.current?.dispatchCommand(INSERT_CITATION_COMMAND, ref)} />
            <RevisionsPanel
              briefingId={briefing.id}
              version={revisionsVersion}
              readOnly={!shownEditable}
              currentText={() => (editorRef.current ? LiveWordCounter.text(editorRef.current.getEditorState()) : briefing.bodyText)}
              onRestore={restore}
            />
          </aside>
        </div>
      </JudgementContext.Provider>
      {conflict && (
        <ConflictDialog conflict={conflict} storedText={briefing.bodyText} onKeepMine={restore} onClose={() => setConflict(null)} />
      )}
      {exporting && <ExportBriefingDialog briefingId={briefing.id} onClose={() => setExporting(false)} />}
    </CitationContext.Provider>
  );
});
