import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { useContext, useSyncExternalStore, type RefObject } from 'react';
import { CitationContext } from '../editor/plugins/citations/CitationContext';

/** Citations whose quote or source is in the trash or gone, each with a way to jump to it. */
export function ProblemsPanel({ editorRef }: { editorRef: RefObject<LexicalEditor | null> }) {
  const store = useContext(CitationContext);
  const problems = useSyncExternalStore(
    (onChange) => store?.subscribe(onChange) ?? (() => undefined),
    () => store?.problemsSnapshot() ?? '[]',
  );
  const items = JSON.parse(problems) as { nodeKey: string; number: number; kind: string; state: string }[];
  const jump = (nodeKey: string): void => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.update(() => {
      $getNodeByKey(nodeKey)?.selectNext(0, 0);
    });
    editor.getElementByKey(nodeKey)?.scrollIntoView({ block: 'center' });
    editor.focus();
  };
  return (
    <section className="side-panel" aria-label="Problems">
      <h2>Problems {items.length > 0 && <span className="badge">{items.length}</span>}</h2>
      {items.length === 0 ? (
        <p className="muted">No problems: every citation points at a live quote or source.</p>
      ) : (
        <ul className="problems">
          {items.map((item) => (
            <li key={item.nodeKey}>
              <button type="button" className="link-button" onClick={() => jump(item.nodeKey)}>
                Citation {item.number}: the cited {item.kind} {item.state === 'trashed' ? 'is in the trash' : 'no longer exists'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
