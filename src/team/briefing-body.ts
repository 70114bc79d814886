import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import { $getRoot, $parseSerializedNode, type LexicalEditor, type SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { countSerialized, serializedText, type SerializedCountNode } from '../briefing/word-count';
import { BRIEFING_NODES } from '../editor/nodes';

/**
 * The name of the `Y.XmlText` holding a briefing's body inside its `briefing/<id>` document. The
 * page's editor binds to the same name (CollaborationPlugin's `rootName`).
 */
export const BRIEFING_BODY_ROOT = 'body';

/** The name of a briefing's team document (src/team/permissions.ts names the kinds). */
export function briefingDocumentName(briefingId: string): string {
  return `briefing/${briefingId}`;
}

/**
 * The headless editors here have no people on them: a provider whose awareness is always empty
 * makes the binding skip every cursor step.
 */
const NOBODY: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
};

function headlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'briefing',
    nodes: [...BRIEFING_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

function bind(editor: LexicalEditor, doc: Y.Doc): Binding {
  return createYjsBinding({ editor, id: 'body', doc, docMap: new Map([['body', doc]]), rootName: BRIEFING_BODY_ROOT });
}

/** Whether the document holds a body yet (a briefing is seeded once, by whoever shares it). */
export function hasBriefingBody(doc: Y.Doc): boolean {
  return doc.get(BRIEFING_BODY_ROOT, Y.XmlText).length > 0;
}

/** A headless editor kept in step with a document's body both ways, as the page's editor is. */
export interface BoundBriefingEditor {
  editor: LexicalEditor;
  close: () => void;
}

/**
 * Binds a fresh headless editor to `doc`'s body. Like the page's editor, it builds its content
 * from the document's changes, so bind it before the document receives its content (a new doc
 * that a provider then syncs, or an empty one about to be seeded).
 */
export function bindBriefingEditor(doc: Y.Doc): BoundBriefingEditor {
  const editor = headlessEditor();
  const binding = bind(editor, doc);
  const shared = binding.root.getSharedType();
  const onChanges = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction): void => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, NOBODY, events, false, () => undefined);
  };
  shared.observeDeep(onChanges);
  const stop = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) =>
    syncLexicalUpdateToYjs(binding, NOBODY, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags),
  );
  return {
    editor,
    close: () => {
      shared.unobserveDeep(onChanges);
      stop();
    },
  };
}

/**
 * Writes a stored body (a serialized Lexical state) into an empty document, through the same
 * binding the editors use, so every custom node is stored the way a live editor would store it.
 * Throws if the document already holds a body: seeding twice would duplicate every block.
 */
export function seedBriefingBody(doc: Y.Doc, bodyJson: string): void {
  if (hasBriefingBody(doc)) throw new Error('This briefing’s shared document already holds a body.');
  const state = JSON.parse(bodyJson) as SerializedEditorState;
  // Written into a document of its own and merged: an editor may already be bound to `doc`, and
  // two bindings on one root would fight over its collab nodes.
  const scratch = new Y.Doc();
  const { editor, close } = bindBriefingEditor(scratch);
  try {
    editor.update(
      () => {
        const root = $getRoot().clear();
        root.setFormat(state.root.format).setIndent(state.root.indent).setDirection(state.root.direction);
        for (const child of state.root.children) root.append($parseSerializedNode(child));
      },
      { discrete: true },
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch));
  } finally {
    close();
    scratch.destroy();
  }
}

/**
 * The body a document holds, as the serialized Lexical state the briefings table stores. Built in
 * a fresh editor fed the document's whole state, exactly as a newly joined editor would build it.
 */
export function projectBriefingBody(doc: Y.Doc): SerializedEditorState {
  const copy = new Y.Doc();
  const { editor, close } = bindBriefingEditor(copy);
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    // read() commits the update the binding queued before reading.
    return editor.read(() => editor.getEditorState().toJSON());
  } finally {
    close();
    copy.destroy();
  }
}

/** What the briefings table keeps beside a body: its plain text and word count, as the editor saves them. */
export interface ProjectedBody {
  body: string;
  bodyText: string;
  wordCount: number;
}

/** The body, text and word count to store for a document's current state. */
export function projectBriefing(doc: Y.Doc): ProjectedBody {
  const state = projectBriefingBody(doc);
  const root = state.root as unknown as SerializedCountNode;
  return { body: JSON.stringify(state), bodyText: serializedText(root).trim(), wordCount: countSerialized(root).total };
}
