import type { LexicalEditor } from 'lexical';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentCount } from '../../src/briefing/word-count';
import type { Briefing, CitationRef, ProductType } from '../../src/domain/briefing';
import { LiveWordCounter } from '../../src/editor/live-count';
import { errorMessage } from '../app/error-message';
import { NotFound } from '../app/NotFound';
import { openSource } from '../app/router';
import { BRIEFINGS } from '../app/routes';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../app/useClient';
import { invalidateAfter } from '../data/invalidation';
import { useCommand } from '../data/mutations';
import { queryKeyFor } from '../data/queries';
import { useContractQuery, useReadNow } from '../data/useContractQuery';
import { BriefingComposer } from '../editor';
import { checkBody } from '../editor';
import type { BodySaveStatus } from '../editor';
import { CitationStore } from '../editor';
import { CitationContext } from '../editor';
import { INSERT_CITATION_COMMAND } from '../editor';
import { JudgementContext, type JudgementScope } from '../editor';
import { JudgementStore } from '../editor';
import type { EditorText } from '../editor';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { useToast } from '../shell/useToast';
import { ValueStore } from '../shell/value-store';
import { AssumptionsPanel } from '../assumptions';
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
import { Inspector, InspectorSplitter } from './Inspector';
import { WorkspaceActions } from './WorkspaceActions';
import { BriefingAccessNotice, CommentMarksStore, CommentsPanel, useBriefingAccess } from '../comments';
import { useSummaryFold } from './useSummaryFold';
import { useWorkspaceLayout } from './useWorkspaceLayout';

/** The editor only re-renders when what it was opened with changes. */
const MemoComposer = memo(BriefingComposer);

/**
 * One open briefing, editor first: a compact title line (Details drawer for the rest), the text in
 * a readable column with the live word count on its status line, and one inspector beside it
 * (Evidence, Assumptions, Problems, Library, Revisions) that stays in view while the text scrolls. Focus mode
 * leaves only the text.
 */
interface BriefingWorkspaceProps {
  briefingId: string;
  types: ProductType[];
  /** A judgement to select once the briefing opens (from a back-link). */
  initialJudgementId?: string | null;
}

export const BriefingWorkspace = memo(function BriefingWorkspace({ briefingId, types, initialJudgementId = null }: BriefingWorkspaceProps) {
  const client = useClient();
  const command = useCommand();
  const read = useReadNow();
  const queryClient = useQueryClient();
  const toast = useToast();
  // The editor opens on one read of the body, never on a cached one (gcTime 0), and opens again
  // (a new key) only when a fresh read arrives: a restore, a conflict, a hand-over (`reopen`).
  const opened = useContractQuery('briefings.get', { id: briefingId }, { freshOnly: true });
  /** Set while the editor waits for a fresh read before it opens again. */
  const [reopening, setReopening] = useState(false);
  const briefing = reopening ? null : (opened.data ?? null);
  const mount = opened.dataUpdatedAt;
  const loadError = opened.error ? errorMessage(opened.error) : null;
  const countStore = useMemo(() => new ValueStore<DocumentCount | null>(null), []);
  const statusStore = useMemo(() => new ValueStore<BodySaveStatus>({ state: 'saved' }), []);
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
  // A team reviewer or reader sees a shared briefing's text read-only (the team server refuses their changes anyway).
  const { access, known: accessKnown } = useBriefingAccess(briefingId);
  /** Whether the open editor is editable (null until this tab knows whether it holds the briefing). */
  const [shownEditable, setShownEditable] = useState<boolean | null>(null);
  const store = useMemo(() => new CitationStore(), []);
  const commentMarks = useMemo(() => new CommentMarksStore(), []);
  const judgements = useMemo(() => {
    const created = new JudgementStore();
    created.select(initialJudgementId);
    return created;
  }, [initialJudgementId]);
  const [exporting, setExporting] = useState(false);
  const clearSummaryRef = useRef<(() => Promise<void>) | null>(null);
  const evidenceDropRef = useRef<((item: CitationRef) => void) | null>(null);
  const { prefs, setPrefs, focusMode, setFocusMode, inspectorShown, toggleInspector, reveal } = useWorkspaceLayout();

  // Export… (Ctrl+Shift+E): the latest text and title block are saved first so the export shows
  // what is on screen (a title-block change waits half a second before it is saved).
  const openExport = useCallback(async (): Promise<void> => {
    await Promise.all([flushRef.current?.(), metaFlushRef.current?.()]);
    setExporting(true);
  }, []);

  const loadedVersion = opened.data?.version;
  useEffect(() => {
    if (loadedVersion !== undefined) versionRef.current = loadedVersion;
  }, [loadedVersion, mount]);
  const { refetch } = opened;
  useEffect(() => {
    if (reopening) void refetch({ cancelRefetch: false }).then(() => setReopening(false));
  }, [reopening, refetch]);
  /** The title block's saves, kept in the cached briefing without opening the editor again. */
  const patchBriefing = useCallback(
    (patch: Partial<Briefing>) =>
      queryClient.setQueryData<Briefing>(queryKeyFor('briefings.get', { id: briefingId }), (prev) => prev && { ...prev, ...patch }, {
        updatedAt: mount,
      }),
    [queryClient, briefingId, mount],
  );

  // Parsing a long body is not free: only a new body (not a metadata save) is checked again.
  const body = briefing?.body ?? null;
  const parsed = useMemo(() => (body === null ? null : checkBody(body)), [body]);
  const onError = useCallback((message: string) => toast({ message, tone: 'error' }), [toast]);
  const onCount = useCallback((next: DocumentCount) => countStore.set(next), [countStore]);
  const onStatus = useCallback(
    (next: BodySaveStatus) => {
      const before = statusStore.get().state;
      statusStore.set(next);
      // The list shows word counts and last edits: it goes stale once per burst of saves (the
      // autosave controller calls the host itself, so its saves reach the cache here).
      if (next.state === 'saved' && before !== 'saved') void invalidateAfter(queryClient, 'briefings.saveBody');
    },
    [statusStore, queryClient],
  );
  const judgementScope = useMemo<JudgementScope>(
    () => ({ store: judgements, client, command, onError }),
    [judgements, client, command, onError],
  );
  const reload = useCallback(() => setReopening(true), []);

  // Taking over or handing over the briefing: reopen on the text as stored now (adjusted while
  // rendering, so no frame shows the old editor in the new mode).
  if (mode !== 'waiting' && shownEditable !== editable) {
    if (shownEditable !== null) setReopening(true);
    setShownEditable(editable);
  }

  const onSaved = useCallback((version: number) => {
    versionRef.current = version;
  }, []);
  // Another window saved first: keep this text as a revision, then show the stored one beside it.
  const onConflict = useCallback(
    async (text: EditorText): Promise<void> => {
      const name = `Your unsaved version, ${new Date().toLocaleTimeString()}`;
      const kept = await command('briefings.keepText', { briefingId, name, ...text });
      setConflict({ revisionId: kept.id, name });
      reload();
    },
    [command, briefingId, reload],
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
              await command('trash.restore', { kind: 'judgement', id });
              reload();
            })().catch((failure: unknown) => onError(errorMessage(failure))),
        },
      });
    },
    [toast, command, onError, reload],
  );
  const restore = useCallback(
    async (revisionId: string): Promise<void> => {
      await flushRef.current?.();
      await command('briefings.restoreRevision', { id: revisionId, baseVersion: versionRef.current });
      toast({ message: 'Revision restored. The text it replaced is kept as a revision.' });
      reload();
    },
    [command, toast, reload],
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
  useSummaryFold({
    summary: briefing?.summary ?? null,
    editable: shownEditable === true,
    marks: commentMarks,
    mount,
    editorRef,
    flushRef,
    statusStore,
    clearSummaryRef,
  });

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
  if (!briefing || !parsed || shownEditable === null || !accessKnown) return <p className="muted">Opening the briefing…</p>;
  const type = types.find((candidate) => candidate.id === briefing.typeId);
  const textEditable = shownEditable && access.editText;
  const limit = type ? type.wordLimit : briefing.wordLimit;

  const actions = (
    <WorkspaceActions
      statusStore={statusStore}
      readable={parsed.ok}
      focusMode={focusMode}
      inspectorShown={inspectorShown}
      onArgument={() => setShowArgument(true)}
      onExport={() => void openExport()}
      onFocusMode={() => setFocusMode(true)}
      onInspector={toggleInspector}
    />
  );

  return (
    <CitationContext.Provider value={store}>
      <JudgementContext.Provider value={judgementScope}>
        <div
          className={`briefing-workspace${focusMode ? ' focus-mode' : ''}${inspectorShown ? '' : ' inspector-hidden'}`}
          style={{ ['--inspector-width' as string]: `${prefs.width}px` }}
        >
          <div className="briefing-main">
            {/* Hidden, not unmounted, in focus mode: its saver keeps the title block's version. */}
            <MetaPanel
              key={briefing.id}
              briefing={briefing}
              readOnly={!textEditable}
              flushRef={metaFlushRef}
              clearSummaryRef={clearSummaryRef}
              types={types}
              heading={<h1 id="briefing-heading">{briefing.title}</h1>}
              actions={actions}
              onSaved={(saved) => {
                // A new yardstick moved the judgements' likelihoods to its nearest terms.
                if (saved.yardstick !== judgements.yardstick())
                  void read('judgements.list', { briefingId: saved.id }).then(
                    ({ yardstick, items }) => judgements.setAll(yardstick, items),
                    () => undefined,
                  );
                const { title, typeId, typeName, status, wordLimit } = saved;
                patchBriefing({ title, typeId, typeName, status, wordLimit });
              }}
            />
            <EditModeBanner mode={mode} onEditHere={editHere} />
            <BriefingAccessNotice access={access} />
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
            <div className="briefing-scroll">
              <div className="briefing-text">
                {parsed.ok ? (
                  <MemoComposer
                    key={`${briefing.id}:${mount}`}
                    briefingId={briefing.id}
                    initialJson={parsed.json}
                    initialVersion={briefing.version}
                    editable={textEditable}
                    onSaved={onSaved}
                    onConflict={onConflict}
                    editorRef={editorRef}
                    flushRef={flushRef}
                    onCount={onCount}
                    onStatus={onStatus}
                    onError={onError}
                    onJudgementRemoved={onJudgementRemoved}
                    commentMarks={commentMarks}
                  />
                ) : (
                  <RecoveryView briefing={briefing} reason={parsed.reason} onRebuilt={reload} readOnly={!textEditable} />
                )}
              </div>
            </div>
            <div className="editor-status">
              {parsed.ok && <WordCountPanel store={countStore} limit={limit} />}
              {focusMode && (
                <button type="button" onClick={() => setFocusMode(false)} {...shortcutProps('briefing.leaveFocus')}>
                  Leave focus mode
                </button>
              )}
            </div>
          </div>
          {inspectorShown && <InspectorSplitter width={prefs.width} onWidth={(width) => setPrefs({ width })} />}
          <div className="inspector-slot" hidden={!inspectorShown}>
            <Inspector
              tab={prefs.tab}
              onTab={(tab) => setPrefs({ tab })}
              onEvidenceDrop={(ref) => evidenceDropRef.current?.(ref)}
              panels={{
                evidence: parsed.ok ? (
                  <EvidencePanel store={judgements} onOpenItem={openSource} dropRef={evidenceDropRef} />
                ) : (
                  <p className="muted">The text cannot be read, so its key judgements cannot be shown.</p>
                ),
                assumptions: <AssumptionsPanel briefingId={briefing.id} store={judgements} readOnly={!textEditable} />,
                problems: <ProblemsPanel editorRef={editorRef} judgements={judgements} problems={problems} />,
                library: <LibraryPanel onCite={(ref) => editorRef.current?.dispatchCommand(INSERT_CITATION_COMMAND, ref)} />,
                revisions: (
                  <RevisionsPanel
                    briefingId={briefing.id}
                    readOnly={!textEditable}
                    onReveal={() => reveal('revisions')}
                    currentText={() => (editorRef.current ? LiveWordCounter.text(editorRef.current.getEditorState()) : briefing.bodyText)}
                    onRestore={restore}
                  />
                ),
                comments: (
                  <CommentsPanel
                    briefingId={briefing.id}
                    editorRef={editorRef}
                    marks={commentMarks}
                    readOnly={!parsed.ok || !access.comment || (access.editText && !shownEditable)}
                    markText={access.editText}
                    shared={access.shared}
                    onReveal={() => reveal('comments')}
                  />
                ),
              }}
            />
          </div>
        </div>
      </JudgementContext.Provider>
      {conflict && (
        <ConflictDialog conflict={conflict} storedText={briefing.bodyText} onKeepMine={restore} onClose={() => setConflict(null)} />
      )}
      {exporting && <ExportBriefingDialog briefingId={briefing.id} onClose={() => setExporting(false)} />}
    </CitationContext.Provider>
  );
});
