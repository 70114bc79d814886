import { useCallback, useEffect, useRef, useState } from 'react';
import { ContractError, type WarrantClient } from '../../../src/contract/client';
import type { Judgement, JudgementDraft } from '../../../src/domain/judgement';
import { errorMessage } from '../../app/error-message';

const SAVE_DELAY_MS = 600;

/**
 * The editable fields of one judgement: typed text is saved after a pause (and on blur), choices
 * at once, one save at a time; a refused save shows its field errors and keeps what was typed.
 */
export function useJudgementDraft(client: WarrantClient, record: Judgement, onSaved: (saved: Judgement) => void) {
  const [draft, setDraft] = useState<JudgementDraft>({ statement: record.statement, likelihood: record.likelihood, confidence: record.confidence, rationale: record.rationale });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = useRef(draft);
  const saved = useRef(JSON.stringify(draft));
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const next = latest.current;
      const key = JSON.stringify(next);
      if (key === saved.current) return;
      try {
        const result = await client.call('judgements.update', { id: record.id, draft: next });
        saved.current = key;
        setErrors({});
        onSaved(result);
      } catch (failure) {
        const fields = failure instanceof ContractError ? (failure.payload.details?.fields ?? {}) : {};
        setErrors(Object.keys(fields).length > 0 ? fields : { '(input)': errorMessage(failure) });
      }
    });
  }, [client, record.id, onSaved]);

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

  // Typing in progress is saved when the block goes away (moved, or the editor closed).
  useEffect(() => () => flush(), [flush]);

  return { draft, errors, change, flush };
}
