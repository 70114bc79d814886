import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractError } from '../../../src/contract/client';
import type { RunCommand } from '../../data/mutations';
import { JudgementSchema, type Judgement, type JudgementDraft } from '../../../src/domain/judgement';
import { errorMessage, isConflict } from '../../app/error-message';
import { useClient } from '../../app/useClient';

const SAVE_DELAY_MS = 600;

const draftOf = (record: Judgement): JudgementDraft => ({
  statement: record.statement,
  likelihood: record.likelihood,
  confidence: record.confidence,
  rationale: record.rationale,
});

/**
 * The editable fields of one judgement: typed text is saved after a pause (and on blur), choices
 * at once, one save at a time; a refused save shows its field errors and keeps what was typed.
 * Each save names the version it started from; when another window saved first, the stored
 * judgement is offered beside what was typed (`conflict`) until the analyst picks one.
 */
export function useJudgementDraft(
  command: RunCommand,
  record: Judgement,
  onSaved: (saved: Judgement) => void,
  /** The change log's editing session these saves belong to. */
  editSession: string,
) {
  const [draft, setDraft] = useState<JudgementDraft>(() => draftOf(record));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Judgement | null>(null);
  const latest = useRef(draft);
  const saved = useRef(JSON.stringify(draft));
  const version = useRef(record.version);
  const held = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const next = latest.current;
      const key = JSON.stringify(next);
      // While a conflict waits for the analyst's choice nothing is sent: it would only be refused.
      if (key === saved.current || held.current) return;
      try {
        const result = await command('judgements.update', { id: record.id, draft: next, baseVersion: version.current, editSession });
        saved.current = key;
        version.current = result.version;
        setErrors({});
        onSaved(result);
      } catch (failure) {
        const stored = isConflict(failure) ? JudgementSchema.safeParse(failure.payload.details?.current) : null;
        if (stored?.success) {
          held.current = true;
          setConflict(stored.data);
          return;
        }
        const fields = failure instanceof ContractError ? (failure.payload.details?.fields ?? {}) : {};
        setErrors(Object.keys(fields).length > 0 ? fields : { '(input)': errorMessage(failure) });
      }
    });
  }, [command, record.id, onSaved, editSession]);

  const change = useCallback(
    (patch: Partial<JudgementDraft>, immediate = false) => {
      latest.current = { ...latest.current, ...patch };
      setDraft(latest.current);
      window.clearTimeout(timer.current);
      if (immediate) flush();
      else timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Saves what was typed here over the other window's change (which stays in the change log). */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    held.current = false;
    setConflict(null);
    flush();
  }, [conflict, flush]);

  /** Drops what was typed here and shows the stored judgement. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    held.current = false;
    latest.current = draftOf(conflict);
    saved.current = JSON.stringify(latest.current);
    setDraft(latest.current);
    setConflict(null);
    onSaved(conflict);
  }, [conflict, onSaved]);

  // Typing in progress is saved when the block goes away (moved, or the editor closed).
  useEffect(() => () => flush(), [flush]);
  // A save refused because the host had stopped is sent again once it is back (nothing else would).
  const client = useClient();
  useEffect(
    () =>
      client.onHostState((state) => {
        if (state === 'connected') flush();
      }),
    [client, flush],
  );

  return { draft, errors, change, flush, conflict, keepMine, takeTheirs };
}
