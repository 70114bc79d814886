import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs, mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import { useContext, useEffect } from 'react';
import { CitationRefSchema, type CitationRef } from '../../../../src/domain/briefing';
import { $createCitationNode, $isCitationNode, CitationNode } from '../../../../src/editor/nodes/CitationNode';
import { useReadNow } from '../../../data/useContractQuery';
import { keepCitationMarkersPainted } from './citation-markers';
import { refKey } from './citation-store';
import { CitationCards } from './CitationCards';
import { CitationContext } from './CitationContext';

/** Inserts a citation of a quote or source at the selection (or the end of the text). */
export const INSERT_CITATION_COMMAND: LexicalCommand<CitationRef> = createCommand('INSERT_CITATION_COMMAND');

/** The drag payload of a library item that can be cited. */
export const CITATION_MIME = 'application/x-warrant-citation';

function $citationsInOrder(): { nodeKey: string; ref: CitationRef }[] {
  return $dfs($getRoot())
    .map(({ node }) => node)
    .filter($isCitationNode)
    .map((node) => ({ nodeKey: node.getKey(), ref: node.getTarget() }));
}

/** The citation right before or after a collapsed caret, so its details show for keyboard users. */
function $citationAtCaret(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const anchor = selection.anchor;
  const node = anchor.getNode();
  const near: (LexicalNode | null)[] = [];
  if ($isTextNode(node)) {
    if (anchor.offset === 0) near.push(node.getPreviousSibling());
    if (anchor.offset === node.getTextContentSize()) near.push(node.getNextSibling());
  } else if ('getChildAtIndex' in node && typeof node.getChildAtIndex === 'function') {
    near.push(node.getChildAtIndex(anchor.offset - 1) as LexicalNode | null, node.getChildAtIndex(anchor.offset) as LexicalNode | null);
  }
  const found = near.find($isCitationNode);
  return found ? found.getKey() : null;
}

function parseDropped(data: string): CitationRef | null {
  try {
    const parsed = CitationRefSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Citation numbering in document order, target lookup, dropping from the library, insertion, the cards. */
export function CitationsPlugin() {
  const [editor] = useLexicalComposerContext();
  const store = useContext(CitationContext);
  // Targets go into the citation store (outside React, read by each citation), so they are read
  // through the cache when the set of cited items changes and when the window gets focus back.
  const read = useReadNow();

  useEffect(() => {
    if (!store) return;
    let resolvedFor = '';
    const resolve = (force: boolean): void => {
      const refs = store.refs();
      const key = refs.map(refKey).sort().join(',');
      if (!force && key === resolvedFor) return;
      resolvedFor = key;
      if (refs.length === 0) return store.setTargets([]);
      read('briefings.citations', { refs }).then(
        ({ items }) => store.setTargets(items),
        () => undefined,
      );
    };
    const renumber = (): void => {
      store.setOrder(editor.getEditorState().read($citationsInOrder));
      resolve(false);
    };
    const stopPainting = keepCitationMarkersPainted(editor, store);
    renumber();
    const refresh = (): void => resolve(true);
    window.addEventListener('focus', refresh);
    const unregister = mergeRegister(
      editor.registerMutationListener(CitationNode, renumber, { skipInitialization: true }),
      editor.registerCommand(
        INSERT_CITATION_COMMAND,
        (ref) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) $getRoot().selectEnd();
          $insertNodes([$createCitationNode(ref)]);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes(CITATION_MIME)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const ref = parseDropped(event.dataTransfer?.getData(CITATION_MIME) ?? '');
          if (!ref) return false;
          event.preventDefault();
          const caret = document.caretRangeFromPoint(event.clientX, event.clientY);
          const target = caret ? $getNearestNodeFromDOMNode(caret.startContainer) : null;
          if ($isTextNode(target) && caret) target.select(caret.startOffset, caret.startOffset);
          else if (target) target.selectEnd();
          else $getRoot().selectEnd();
          $insertNodes([$createCitationNode(ref)]);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          store.setActive($citationAtCaret());
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    return () => {
      window.removeEventListener('focus', refresh);
      unregister();
      stopPainting();
    };
  }, [editor, store, read]);

  return store ? <CitationCards store={store} /> : null;
}
