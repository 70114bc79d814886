import { likelihoodFromWording } from '../../../src/tradecraft';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, HISTORY_MERGE_TAG } from 'lexical';
import { useCallback, useContext, useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  describeCounts,
  describeLikelihood,
  YARDSTICK_TERMS,
  type Confidence,
  type Judgement,
} from '../../../src/domain/judgement';
import { $isJudgementNode } from '../../../src/editor/nodes/JudgementNode';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { chordsOf, type CommandId } from '../../../src/commands/command-keys';
import { matchesChord } from '../../../src/commands/shortcut';
import { PLATFORM, shortcutProps } from '../../commands/shortcut-labels';
import {
  INSERT_JUDGEMENT_COMMAND,
  isAddJudgementKey,
  MOVE_JUDGEMENT_COMMAND,
  REMOVE_JUDGEMENT_COMMAND,
} from '../plugins/judgements/JudgementsPlugin';
import { JudgementContext, type JudgementScope } from '../plugins/judgements/JudgementContext';
import { useIsolatedInput } from './useIsolatedInput';
import { JudgementConflict } from './JudgementConflict';
import { useJudgementDraft } from './useJudgementDraft';
import { ConfidenceAdvice } from '../../judgements';

function JudgementFields({ scope, record, nodeKey }: { scope: JudgementScope; record: Judgement; nodeKey: string }) {
  const [editor] = useLexicalComposerContext();
  const { store, command } = scope;
  const number = useSyncExternalStore(store.subscribe, () => store.numberOf(record.id));
  const selected = useSyncExternalStore(store.subscribe, () => store.selectedId() === record.id);
  const yardstick = useSyncExternalStore(store.subscribe, () => store.yardstick());
  const [confirming, setConfirming] = useState(false);
  // A read-only editor (another tab is editing the briefing) shows the fields but takes no edits.
  const editable = useSyncExternalStore(
    (onChange) => editor.registerEditableListener(onChange),
    () => editor.isEditable(),
  );
  const root = useRef<HTMLDivElement>(null);
  const statementRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useIsolatedInput(root);

  const onSaved = useCallback(
    (saved: Judgement) => {
      store.put(saved);
      // The block's copy of the statement is what the word count and search read.
      editor.update(
        () => {
          const node = $getNodeByKey(nodeKey);
          if ($isJudgementNode(node) && node.getStatement() !== saved.statement) node.setStatement(saved.statement);
        },
        { tag: HISTORY_MERGE_TAG },
      );
    },
    [store, editor, nodeKey],
  );
  const { draft, errors, change, flush, conflict, keepMine, takeTheirs } = useJudgementDraft(command, record, onSaved, store.editSession);

  useEffect(() => {
    if (store.takeFocusRequest(record.id)) statementRef.current?.focus();
  }, [store, record.id]);

  const move = (direction: 'up' | 'down', button: HTMLElement | null): void => {
    flush();
    editor.dispatchCommand(MOVE_JUDGEMENT_COMMAND, { nodeKey, direction });
    // Moving the block moves its DOM: give focus back to what had it.
    window.requestAnimationFrame(() => button?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const is = (id: CommandId): boolean => chordsOf(id).some((chord) => matchesChord(event, chord, PLATFORM));
    const direction = is('judgement.moveUp') ? 'up' : is('judgement.moveDown') ? 'down' : null;
    if (direction) {
      event.preventDefault();
      move(direction, document.activeElement instanceof HTMLElement ? document.activeElement : null);
    } else if (isAddJudgementKey(event)) {
      event.preventDefault();
      flush();
      editor.dispatchCommand(INSERT_JUDGEMENT_COMMAND, undefined);
    }
  };

  const fieldError = (field: string): string | undefined => errors[`draft.${field}`];
  const label = `Key judgement ${number}`;
  return (
    <div
      ref={root}
      role="group"
      aria-label={label}
      className={selected ? 'judgement judgement-selected' : 'judgement'}
      contentEditable={false}
      onFocus={() => store.select(record.id)}
      onKeyDown={onKeyDown}
    >
      <fieldset className="plain-fieldset" disabled={!editable}>
        <div className="judgement-head">
          <span className="judgement-number" aria-hidden="true">
            KJ{number}
          </span>
          <label className="judgement-statement">
            <span className="visually-hidden">Statement</span>
            <textarea
              ref={statementRef}
              aria-label="Statement"
              aria-invalid={fieldError('statement') !== undefined}
              placeholder="State the judgement in one sentence"
              rows={2}
              value={draft.statement}
              onChange={(event) => change({ statement: event.target.value })}
              onBlur={() => {
                // An unset likelihood starts from the statement's own words ("very likely"); the analyst can change it.
                const worded = draft.likelihood === null ? likelihoodFromWording(draft.statement, yardstick) : null;
                if (worded) change({ likelihood: worded }, true);
                else flush();
              }}
            />
          </label>
        </div>
        <div className="judgement-scales">
          <label>
            Likelihood{' '}
            <select
              aria-invalid={fieldError('likelihood') !== undefined}
              value={draft.likelihood ?? ''}
              onChange={(event) => change({ likelihood: event.target.value === '' ? null : event.target.value }, true)}
            >
              <option value="">Not set</option>
              {YARDSTICK_TERMS[yardstick].map((term) => (
                <option key={term.key} value={term.key}>
                  {describeLikelihood(term)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Confidence{' '}
            <select
              value={draft.confidence ?? ''}
              onChange={(event) => change({ confidence: event.target.value === '' ? null : (event.target.value as Confidence) }, true)}
            >
              <option value="">Not set</option>
              {CONFIDENCE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {CONFIDENCE_LABELS[level]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ConfidenceAdvice judgement={record} rationale={draft.rationale} confidence={draft.confidence} />
        <label className="stacked">
          Rationale
          <textarea
            rows={2}
            aria-label="Rationale"
            aria-invalid={fieldError('rationale') !== undefined}
            value={draft.rationale}
            onChange={(event) => change({ rationale: event.target.value })}
            onBlur={flush}
          />
        </label>
      </fieldset>
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {Object.values(errors).join(' ')}
        </p>
      )}
      {conflict && (
        <JudgementConflict yardstick={yardstick} mine={draft} theirs={conflict} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
      )}
      <div className="judgement-foot">
        <button
          type="button"
          className="link-button judgement-counts"
          onClick={() => store.select(record.id)}
          aria-label={`Evidence for ${label.toLowerCase()}: ${describeCounts(record.counts)}`}
        >
          {describeCounts(record.counts)}
        </button>
        <span className="judgement-actions" hidden={!editable}>
          <button
            type="button"
            aria-label={`Move ${label.toLowerCase()} up`}
            {...shortcutProps('judgement.moveUp', `Move ${label.toLowerCase()} up`)}
            onClick={(event) => move('up', event.currentTarget)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move ${label.toLowerCase()} down`}
            {...shortcutProps('judgement.moveDown', `Move ${label.toLowerCase()} down`)}
            onClick={(event) => move('down', event.currentTarget)}
          >
            ↓
          </button>
          <button type="button" className="danger" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => setConfirming(true)}>
            Remove
          </button>
        </span>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Move this key judgement to the trash?"
          message="Its evidence links go with it. Restore it from the Trash (or press Undo in the editor) to bring it back."
          confirmLabel="Move to trash"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            editor.dispatchCommand(REMOVE_JUDGEMENT_COMMAND, nodeKey);
          }}
        />
      )}
    </div>
  );
}

/** A key judgement's block: statement, likelihood on the briefing's yardstick, confidence, rationale, counts. */
export function JudgementView({ nodeKey, judgementId }: { nodeKey: string; judgementId: string }) {
  const scope = useContext(JudgementContext);
  const record = useSyncExternalStore(
    (onChange) => scope?.store.subscribe(onChange) ?? (() => undefined),
    () => scope?.store.get(judgementId) ?? null,
  );
  const generation = useSyncExternalStore(
    (onChange) => scope?.store.subscribe(onChange) ?? (() => undefined),
    () => scope?.store.generation() ?? 0,
  );
  const copying = useSyncExternalStore(
    (onChange) => scope?.store.subscribe(onChange) ?? (() => undefined),
    () => scope?.store.isCopying(nodeKey) ?? false,
  );
  const problem = useSyncExternalStore(
    (onChange) => scope?.store.subscribe(onChange) ?? (() => undefined),
    () => scope?.store.problemOf(judgementId) ?? null,
  );
  if (copying)
    return (
      <div className="judgement judgement-loading" contentEditable={false}>
        Copying the key judgement…
      </div>
    );
  if (!scope || !record) {
    return (
      <div className="judgement judgement-loading" contentEditable={false} role="status">
        {problem ?? 'Loading the key judgement…'}
      </div>
    );
  }
  // Keyed by record too: a block rebound to its own copy starts from that copy's fields.
  return <JudgementFields key={`${generation}:${record.id}`} scope={scope} record={record} nodeKey={nodeKey} />;
}
