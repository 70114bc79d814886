import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { LexicalEditor } from 'lexical';
import { lazy, Suspense, useCallback, useRef, type RefObject } from 'react';
import type { DocumentCount } from '../../src/briefing/word-count';
import { BRIEFING_NODES } from '../../src/editor/nodes';
import { useClient } from '../app/useClient';
import { useContractQuery } from '../data/useContractQuery';
import { errorMessage } from '../app/error-message';
import { AutosavePlugin, type EditorText } from './plugins/autosave/AutosavePlugin';
import type { BodySaveStatus } from './plugins/autosave/autosave-controller';
import { CaretMemoryPlugin } from './plugins/caret-memory/CaretMemoryPlugin';
import { CitationsPlugin } from './plugins/citations/CitationsPlugin';
import { ShareWithTeamButton } from './plugins/collaboration/ShareWithTeamButton';
import { CommentsPlugin } from './plugins/comments/CommentsPlugin';
import type { CommentMarksStore } from '../comments';
import { ImagesPlugin, INSERT_IMAGE_COMMAND, storeImage } from './plugins/images/ImagesPlugin';
import { JudgementsPlugin } from './plugins/judgements/JudgementsPlugin';
import { OPEN_QUICK_CITE_COMMAND, QuickCitePlugin } from './plugins/quick-cite/QuickCitePlugin';
import { isAllowedLink } from './plugins/sanitize/sanitize-html';
import { SanitizePlugin } from './plugins/sanitize/SanitizePlugin';
import { ToolbarPlugin } from './plugins/toolbar/ToolbarPlugin';
import { WordCountPlugin } from './plugins/word-count/WordCountPlugin';
import { EDITOR_THEME } from './theme';
import './editor-containment.css';
import { FocusGuardPlugin } from './plugins/focus-guard/FocusGuardPlugin';

// Yjs and the team relay's provider load only for a briefing shared with the team.
const CoWritingPlugin = lazy(() =>
  import('./plugins/collaboration/CoWritingPlugin').then((module) => ({ default: module.CoWritingPlugin })),
);

interface BriefingComposerProps {
  briefingId: string;
  /** A stored body already checked to parse (see checkBody). */
  initialJson: string;
  /** The stored version of that body. */
  initialVersion: number;
  /** False: the text is shown read-only and nothing is saved (another tab is editing it). */
  editable: boolean;
  onSaved: (version: number) => void;
  onConflict: (text: EditorText) => Promise<void>;
  editorRef: RefObject<LexicalEditor | null>;
  /** Set while mounted: starts saving unsaved edits now and resolves when all saves are done. */
  flushRef: RefObject<(() => Promise<void>) | null>;
  onCount: (count: DocumentCount) => void;
  onStatus: (status: BodySaveStatus) => void;
  onError: (message: string) => void;
  /** A judgement's block was removed and its record moved to the trash. */
  onJudgementRemoved: (judgementId: string) => void;
  /** Where the review comments' marks are reported (the Comments panel reads it). */
  commentMarks: CommentMarksStore;
}

/** The briefing editor: Lexical with the briefing's nodes, the toolbar and every plugin. */
export function BriefingComposer({
  briefingId,
  initialJson,
  initialVersion,
  editable,
  onSaved,
  onConflict,
  editorRef,
  flushRef,
  onCount,
  onStatus,
  onError,
  onJudgementRemoved,
  commentMarks,
}: BriefingComposerProps) {
  const client = useClient();
  const fileInput = useRef<HTMLInputElement>(null);
  // A body shared with the team is co-written: its text comes from the team document, not the row.
  const sharing = useContractQuery('briefings.sharing', { id: briefingId }).data;
  const coWriter = sharing?.shared ? (sharing.team?.user ?? null) : null;
  const initialConfig = {
    namespace: 'briefing',
    nodes: [...BRIEFING_NODES],
    theme: EDITOR_THEME,
    editorState: coWriter === null ? initialJson : null,
    editable,
    onError: (error: Error) => onError(`The editor hit a problem: ${error.message}`),
  };
  const quickCite = useCallback(() => editorRef.current?.dispatchCommand(OPEN_QUICK_CITE_COMMAND, undefined), [editorRef]);
  const pickImage = useCallback(() => fileInput.current?.click(), []);
  if (sharing === undefined) return null;

  return (
    <LexicalComposer key={coWriter === null ? 'solo' : 'shared'} initialConfig={initialConfig}>
      <EditorRefPlugin editorRef={editorRef} />
      <ToolbarPlugin onInsertImage={pickImage} onQuickCite={quickCite} />
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        aria-label="Image file"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          storeImage(client, briefingId, file).then(
            (imageId) => editorRef.current?.dispatchCommand(INSERT_IMAGE_COMMAND, { imageId, altText: file.name }),
            (failure: unknown) => onError(errorMessage(failure)),
          );
        }}
      />
      <div className="editor-frame">
        <RichTextPlugin
          contentEditable={<ContentEditable className="editor" aria-label="Briefing text" aria-multiline="true" spellCheck />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      {sharing.team !== null && !sharing.shared && editable && <ShareWithTeamButton briefingId={briefingId} onError={onError} />}
      {coWriter === null ? (
        <HistoryPlugin />
      ) : (
        <Suspense fallback={null}>
          <CoWritingPlugin briefingId={briefingId} user={coWriter} />
        </Suspense>
      )}
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedLink} />
      <TablePlugin />
      <SanitizePlugin />
      <FocusGuardPlugin />
      <ImagesPlugin briefingId={briefingId} onError={onError} />
      <CitationsPlugin />
      <CommentsPlugin store={commentMarks} />
      <JudgementsPlugin briefingId={briefingId} editable={editable} onRemoved={onJudgementRemoved} />
      <QuickCitePlugin />
      <WordCountPlugin onCount={onCount} />
      <CaretMemoryPlugin briefingId={briefingId} editable={editable} />
      {editable && coWriter === null && (
        <AutosavePlugin
          briefingId={briefingId}
          initialVersion={initialVersion}
          onStatus={onStatus}
          onSaved={onSaved}
          onConflict={onConflict}
          flushRef={flushRef}
        />
      )}
    </LexicalComposer>
  );
}
