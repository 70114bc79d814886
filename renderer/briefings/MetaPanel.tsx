import { useEffect, useRef, useState, type RefObject } from 'react';
import { BRIEFING_STATUS_LABELS, BRIEFING_STATUSES, BriefingSchema, YARDSTICK_LABELS, YARDSTICKS, type Briefing, type BriefingMetaInput, type BriefingStatus, type ProductType, type Yardstick } from '../../src/domain/briefing';
import type { TagRef } from '../../src/domain/tag';
import { errorMessage, isConflict } from '../app/error-message';
import { useClient } from '../app/useClient';
import { BriefingTagField } from './BriefingTagField';
import { MetaConflict } from './MetaConflict';

const SAVE_DELAY_MS = 500;

function metaOf(briefing: Briefing): BriefingMetaInput {
  return {
    title: briefing.title,
    typeId: briefing.typeId,
    status: briefing.status,
    author: briefing.author,
    date: briefing.date ?? '',
    marking: briefing.marking,
    summary: briefing.summary,
    yardstick: briefing.yardstick,
    tagIds: briefing.tags.map((tag) => tag.id),
  };
}

/** The title block: metadata saved as you change it (a status change also keeps a revision). */
interface MetaPanelProps {
  briefing: Briefing;
  types: ProductType[];
  onSaved: (saved: Briefing) => void;
  /** Another tab is editing the briefing: the fields are shown, not editable. */
  readOnly: boolean;
  /** Set while mounted: saves a change still waiting for its pause (before a hand-over). */
  flushRef: RefObject<(() => Promise<void>) | null>;
}

export function MetaPanel({ briefing, types, onSaved, readOnly, flushRef }: MetaPanelProps) {
  const client = useClient();
  const [meta, setMeta] = useState<BriefingMetaInput>(() => metaOf(briefing));
  const [tags, setTags] = useState<TagRef[]>(() => briefing.tags);
  const [error, setError] = useState<string | null>(null);
  /** The title block as another window saved it, while the analyst chooses between the two. */
  const [conflict, setConflict] = useState<{ mine: BriefingMetaInput; theirs: Briefing } | null>(null);
  const pending = useRef<BriefingMetaInput | null>(null);
  const baseVersion = useRef(briefing.metaVersion);
  const timer = useRef<number | undefined>(undefined);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });

  const save = useRef(async (id: string): Promise<void> => {
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    try {
      const saved = await client.call('briefings.updateMeta', { id, meta: next, baseVersion: baseVersion.current });
      baseVersion.current = saved.metaVersion;
      onSavedRef.current(saved);
      setError(null);
    } catch (failure) {
      const theirs = isConflict(failure) ? BriefingSchema.safeParse(failure.payload.details?.current) : null;
      if (theirs?.success) setConflict({ mine: next, theirs: theirs.data });
      else setError(errorMessage(failure));
    }
  });

  useEffect(() => {
    const id = briefing.id;
    const saver = save.current;
    flushRef.current = () => {
      window.clearTimeout(timer.current);
      return saver(id);
    };
    return () => {
      flushRef.current = null;
      window.clearTimeout(timer.current);
      void saver(id);
    };
  }, [briefing.id, flushRef]);

  const change = (patch: Partial<BriefingMetaInput>, immediately = false): void => {
    const next = { ...meta, ...patch };
    setMeta(next);
    pending.current = next;
    window.clearTimeout(timer.current);
    if (immediately) void save.current(briefing.id);
    else timer.current = window.setTimeout(() => void save.current(briefing.id), SAVE_DELAY_MS);
  };

  return (
    <details className="meta-panel" open>
      <summary>Title block</summary>
      <fieldset className="plain-fieldset" disabled={readOnly}>
      <div className="field-row">
        <label className="field">
          Title
          <input value={meta.title} onChange={(event) => change({ title: event.target.value })} />
        </label>
        <label className="field">
          Product type
          <select value={meta.typeId} onChange={(event) => change({ typeId: event.target.value }, true)}>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Status
          <select value={meta.status} onChange={(event) => change({ status: event.target.value as BriefingStatus }, true)}>
            {BRIEFING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {BRIEFING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          Author
          <input value={meta.author} onChange={(event) => change({ author: event.target.value })} />
        </label>
        <label className="field">
          Date
          <input value={meta.date ?? ''} placeholder="YYYY-MM-DD" onChange={(event) => change({ date: event.target.value })} />
        </label>
        <label className="field">
          Handling marking
          <input value={meta.marking} onChange={(event) => change({ marking: event.target.value })} />
        </label>
        <label className="field">
          Yardstick
          <select value={meta.yardstick} onChange={(event) => change({ yardstick: event.target.value as Yardstick }, true)}>
            {YARDSTICKS.map((yardstick) => (
              <option key={yardstick} value={yardstick}>
                {YARDSTICK_LABELS[yardstick]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        Summary (BLUF)
        <textarea rows={2} value={meta.summary} onChange={(event) => change({ summary: event.target.value })} />
      </label>
      <BriefingTagField
        tags={tags}
        onChange={(next) => {
          setTags(next);
          change({ tagIds: next.map((tag) => tag.id) }, true);
        }}
      />
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <MetaConflict
          mine={conflict.mine}
          theirs={conflict.theirs}
          types={types}
          onKeepMine={() => {
            baseVersion.current = conflict.theirs.metaVersion;
            pending.current = conflict.mine;
            setConflict(null);
            void save.current(briefing.id);
          }}
          onTakeTheirs={() => {
            baseVersion.current = conflict.theirs.metaVersion;
            pending.current = null;
            setMeta(metaOf(conflict.theirs));
            setTags(conflict.theirs.tags);
            setConflict(null);
            onSavedRef.current(conflict.theirs);
          }}
        />
      )}
    </details>
  );
}
