// The baseline for the typing benchmark: a bare Lexical rich-text editor (no nodes, plugins or
// React), holding the same paragraphs, bundled and injected into an empty page.
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';

/** The page's globals this script uses (bench/ is type-checked without the DOM library). */
const page = globalThis as unknown as {
  document: { getElementById(id: string): Parameters<ReturnType<typeof createEditor>['setRootElement']>[0] };
  __benchParagraphs: string[];
  __bareReady: boolean;
};

const root = page.document.getElementById('editor');
if (!root) throw new Error('no #editor');
const editor = createEditor({
  namespace: 'bare',
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(root);
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
editor.update(
  () => {
    const top = $getRoot();
    for (const text of page.__benchParagraphs) top.append($createParagraphNode().append($createTextNode(text)));
  },
  { discrete: true },
);
page.__bareReady = true;
