import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import * as Y from 'yjs';
import { BRIEFING_BODY_ROOT, briefingDocumentName } from '../../../../src/team/briefing-body';
import { useContractQuery } from '../../../data/useContractQuery';
import { sessionToken } from '../../../transport/select-transport';
import { collaboratorColour } from './collaborator-colour';
import { relayAddress, relayProvider } from './relay-provider';
import './co-writing.css';

interface Person {
  clientId: number;
  name: string;
  colour: string;
}

/** Who else has this body open, from the provider's awareness (name and colour each person set). */
function othersIn(states: Map<number, Record<string, unknown>>, self: number): Person[] {
  const people: Person[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self || typeof state.name !== 'string') continue;
    people.push({ clientId, name: state.name, colour: typeof state.color === 'string' ? state.color : collaboratorColour(state.name) });
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

/** The editor's frame (the content editable's parent), once the editor has its root element. */
function useEditorFrame(): HTMLElement | null {
  const [editor] = useLexicalComposerContext();
  const [frame, setFrame] = useState<HTMLElement | null>(null);
  useEffect(() => editor.registerRootListener((root) => setFrame(root?.parentElement ?? null)), [editor]);
  useEffect(() => {
    frame?.classList.add('co-writing');
    return () => frame?.classList.remove('co-writing');
  }, [frame]);
  return frame;
}

interface CoWritingPluginProps {
  briefingId: string;
  /** This workbench's team user: the name on this caret in everyone else's editor. */
  user: string;
}

/**
 * Binds the body to its team document through the host's relay: text and carets both ways, undo
 * per person (the plugin's Yjs undo manager, in place of the history plugin), and a list of who
 * else is here. The host projects the document into the stored body, so nothing here saves.
 */
export function CoWritingPlugin({ briefingId, user }: CoWritingPluginProps) {
  const frame = useEditorFrame();
  const cursors = useRef<HTMLDivElement | null>(null);
  const [cursorsReady, setCursorsReady] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  // Read once at start; the desktop app names its own relay there (the browser host does not).
  const namedRelay = useContractQuery('host.info', {}, { immutable: true }).data?.teamRelay;
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>) => {
      const doc = new Y.Doc();
      docs.set(id, doc);
      const { url, token } = relayAddress(namedRelay ?? null, window.location, sessionToken());
      const { provider, hocuspocus } = relayProvider(id, doc, token, url);
      const awareness = hocuspocus.awareness;
      awareness?.on('change', () => setPeople(othersIn(awareness.getStates(), awareness.clientID)));
      return provider;
    },
    [namedRelay],
  );
  const colour = collaboratorColour(user);

  return (
    <LexicalCollaboration>
      {frame &&
        createPortal(
          <div
            className="co-writing-cursors"
            role="group"
            aria-label="Other people’s carets"
            ref={(element) => {
              cursors.current = element;
              setCursorsReady(element !== null);
            }}
          />,
          frame,
        )}
      {cursorsReady && namedRelay !== undefined && (
        <CollaborationPlugin
          id={briefingDocumentName(briefingId)}
          providerFactory={providerFactory}
          // The host seeded the document when the briefing was shared: an editor never does.
          shouldBootstrap={false}
          username={user}
          cursorColor={colour}
          cursorsContainerRef={cursors}
          rootName={BRIEFING_BODY_ROOT}
        />
      )}
      <ul className="co-writing-people" aria-label="Also in this briefing">
        {people.map((person) => (
          <li key={person.clientId} className="co-writing-person" style={{ background: person.colour }}>
            {person.name}
          </li>
        ))}
      </ul>
    </LexicalCollaboration>
  );
}
