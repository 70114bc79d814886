import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { act } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import type { ReactNode, RefObject } from 'react';
import type { WarrantClient } from '../../../src/contract/client';
import type { Briefing } from '../../../src/domain/briefing';
import { BRIEFING_NODES } from '../../../src/editor/nodes';
import { ClientProvider } from '../../../renderer/app/ClientProvider';

/**
 * A Lexical editor on a stored briefing body, with the briefing's nodes and a content-editable
 * root (mutation listeners only run once the editor has one), and the plugins under test. No
 * rich-text plugin: the blocks' own components (which fetch) are not rendered, only the logic
 * of the plugins given as children runs.
 */
export function TestEditor({
  client,
  body,
  editable = true,
  editorRef,
  children,
}: {
  client: WarrantClient;
  body: string;
  editable?: boolean;
  editorRef: RefObject<LexicalEditor | null>;
  children: ReactNode;
}) {
  const initialConfig = {
    namespace: 'test',
    nodes: [...BRIEFING_NODES],
    editorState: body,
    editable,
    onError: (error: Error) => {
      throw error;
    },
  };
  return (
    <ClientProvider client={client}>
      <LexicalComposer initialConfig={initialConfig}>
        <EditorRefPlugin editorRef={editorRef} />
        <ContentEditable aria-label="Briefing text" />
        {children}
      </LexicalComposer>
    </ClientProvider>
  );
}

/** The editor the ref holds (it is set on the first render). */
export function editorOf(ref: RefObject<LexicalEditor | null>): LexicalEditor {
  if (!ref.current) throw new Error('The editor has not mounted.');
  return ref.current;
}

/** Adds a paragraph at the end, as typing a new line would (one editor update). */
export function typeParagraph(ref: RefObject<LexicalEditor | null>, text: string): void {
  act(() => {
    editorOf(ref).update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode(text)));
      },
      { discrete: true },
    );
  });
}

/** A new briefing of the built-in type, as the host stores it. */
export function newBriefing(client: WarrantClient, title = 'Tokyo and Seoul'): Promise<Briefing> {
  return client.call('briefings.create', { title, typeId: 'briefing' });
}
