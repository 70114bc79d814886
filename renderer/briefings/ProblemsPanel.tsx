import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { useContext, useSyncExternalStore, type RefObject } from 'react';
import type { TradecraftLocation, TradecraftProblem } from '../../src/tradecraft';
import { CitationContext, type JudgementStore } from '../editor';

/**
 * The briefing's problems, live, each a button that goes to its place: the tradecraft checks
 * (judgements' evidence and wording, word limits) and citations whose quote or source is gone.
 */
export function ProblemsPanel({
  editorRef,
  judgements,
  problems,
}: {
  editorRef: RefObject<LexicalEditor | null>;
  judgements: JudgementStore;
  problems: readonly TradecraftProblem[];
}) {
  const store = useContext(CitationContext);
  const citationJson = useSyncExternalStore(
    (onChange) => store?.subscribe(onChange) ?? (() => undefined),
    () => store?.problemsSnapshot() ?? '[]',
  );
  const citations = JSON.parse(citationJson) as { nodeKey: string; number: number; kind: string; state: string }[];

  const jumpToCitation = (nodeKey: string): void => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.update(() => {
      $getNodeByKey(nodeKey)?.selectNext(0, 0);
    });
    editor.getElementByKey(nodeKey)?.scrollIntoView({ block: 'center' });
    editor.focus();
  };
  const goTo = (location: TradecraftLocation): void => {
    const root = editorRef.current?.getRootElement();
    if (location.kind === 'judgement') {
      judgements.select(location.judgementId);
      const block = root?.querySelector(`[data-judgement-id="${CSS.escape(location.judgementId)}"]`);
      block?.scrollIntoView({ block: 'center' });
      // The statement is labelled by aria-label; the rationale is the block's other text area.
      const statement = block?.querySelector<HTMLElement>('[aria-label="Statement"]');
      const rationale = [...(block?.querySelectorAll<HTMLElement>('textarea') ?? [])].find((area) => area !== statement);
      (location.field === 'rationale' ? rationale : statement)?.focus();
    } else if (location.kind === 'section' && location.sectionId !== null) {
      root?.querySelector(`[data-section-id="${CSS.escape(location.sectionId)}"]`)?.scrollIntoView({ block: 'start' });
    } else {
      root?.scrollIntoView({ block: 'start' });
    }
  };
  const numberOf = (location: TradecraftLocation): string =>
    location.kind === 'judgement' ? `Key judgement ${judgements.numberOf(location.judgementId) || '?'}: ` : '';

  const total = problems.length + citations.length;
  return (
    <section className="side-panel" aria-label="Problems">
      <h2>Problems {total > 0 && <span className="badge">{total}</span>}</h2>
      {total === 0 ? (
        <p className="muted">
          No problems: every judgement is supported and worded to its likelihood, the text is within its limits and every citation points at
          a live quote or source.
        </p>
      ) : (
        <ul className="problems">
          {problems.map((problem, index) => (
            <li key={`${problem.code}:${index}`} className={`problem problem--${problem.severity}`}>
              <button type="button" className="link-button" onClick={() => goTo(problem.location)}>
                <span className="visually-hidden">{problem.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
                {numberOf(problem.location)}
                {problem.message}
              </button>
            </li>
          ))}
          {citations.map((item) => (
            <li key={item.nodeKey} className="problem problem--error">
              <button type="button" className="link-button" onClick={() => jumpToCitation(item.nodeKey)}>
                Citation {item.number}: the cited {item.kind} {item.state === 'trashed' ? 'is in the trash' : 'no longer exists'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
