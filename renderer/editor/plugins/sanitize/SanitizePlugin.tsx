import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, TextNode } from 'lexical';
import { useEffect } from 'react';
import { documentLinkUrl } from '../../../../src/security/url-policy';
import { sanitizePastedHtml } from './sanitize-html';

/**
 * Keeps the document to its own nodes whatever arrives: pasted HTML is cleaned before Lexical
 * reads it, and transforms strip inline styles, unwrap links to disallowed schemes and drop
 * non-standard mailto fields (`attach=`) however
 * they got in (paste, drop, or a stored state).
 */
export function SanitizePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if (!$isLinkNode(node)) return;
          const url = documentLinkUrl(node.getURL());
          if (url === null) {
            for (const child of node.getChildren()) node.insertBefore(child);
            node.remove();
          } else if (url !== node.getURL()) {
            node.setURL(url);
          }
        }),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = 'clipboardData' in event ? event.clipboardData : null;
            const html = data?.getData('text/html') ?? '';
            // Plain text, and Lexical's own copies (re-checked by the transforms), take the usual path.
            if (!data || html === '' || data.types.includes('application/x-lexical-editor')) return false;
            const selection = $getSelection();
            if (!selection) return false;
            event.preventDefault();
            $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, sanitizePastedHtml(html)), selection);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
