import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { useContext, useSyncExternalStore, type RefObject } from 'react';
import type { TradecraftLocation, TradecraftProblem, TradecraftSeverity } from '../../src/tradecraft';
import { CitationContext, type JudgementStore } from '../editor';
import { SEVERITY_LABELS, problemCounts, bySeverity } from './problem-severity';
import './problems-panel.css';

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
      const field = location.field === 'rationale' ? rationale : statement;
      field?.focus();
      // The offending words themselves, where the check knows them (UTF-16 offsets into the field).
      if (location.span && field instanceof HTMLTextAreaElement) field.setSelectionRange(location.span.start, location.span.end);
    } else if (location.kind === 'section' && location.sectionId !== null) {
      root?.querySelector(`[data-section-id="${CSS.escape(location.sectionId)}"]`)?.scrollIntoView({ block: 'start' });
    } else {
      root?.scrollIntoView({ block: 'start' });
    }
  };
  const numberOf = (location: TradecraftLocation): string =>
    location.kind === 'judgement' ? `Key judgement ${judgements.numberOf(location.judgementId) || '?'}: ` : '';

  const listed: { key: string; severity: TradecraftSeverity; text: string; go: () => void }[] = bySeverity([
    ...problems.map((problem, index) => ({
      key: `${problem.code}:${index}`,
      severity: problem.severity,
      text: `${numberOf(problem.location)}${problem.message}`,
      go: () => goTo(problem.location),
    })),
    ...citations.map((item) => ({
      key: item.nodeKey,
      severity: 'error' as const,
      text: `Citation ${item.number}: the cited ${item.kind} ${item.state === 'trashed' ? 'is in the trash' : 'no longer exists'}`,
      go: () => jumpToCitation(item.nodeKey),
    })),
  ]);
  const counts = problemCounts(listed);
  return (
    <section className="side-panel" aria-label="Problems">
      <h2>Problems {listed.length > 0 && <span className="badge">{listed.length}</span>}</h2>
      {listed.length === 0 ? (
        <p className="muted">
          No problems: every judgement is supported and worded to its likelihood, the text is within its limits and every citation points at
          a live quote or source.
        </p>
      ) : (
        <>
          <p className="problem-counts" aria-label="Problems by severity">
            {counts.map(({ severity, label }) => (
              <span key={severity} className={`problem-count problem-count--${severity}`}>
                <span className="problem-icon" aria-hidden="true">
                  {SEVERITY_LABELS[severity].icon}
                </span>
                {label}
              </span>
            ))}
          </p>
          <ul className="problems">
            {listed.map((item) => (
              <li key={item.key} className={`problem problem--${item.severity}`}>
                <button type="button" className="link-button" onClick={item.go}>
                  <span className="problem-icon" aria-hidden="true">
                    {SEVERITY_LABELS[item.severity].icon}
                  </span>
                  <span className="problem-severity">{SEVERITY_LABELS[item.severity].name}: </span>
                  {item.text}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
