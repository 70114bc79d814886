import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import {
  BRIEFING_STATUS_LABELS,
  BRIEFING_STATUSES,
  BriefingSchema,
  YARDSTICK_LABELS,
  YARDSTICKS,
  type Briefing,
  type BriefingMetaInput,
  type BriefingStatus,
  type ProductType,
  type Yardstick,
} from '../../src/domain/briefing';
import { errorMessage, isConflict } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useCommand } from '../data/mutations';
import { BriefingTagField, useTagList } from './BriefingTagField';
import { MetaConflict } from './MetaConflict';
import { SerialSaver } from './meta-saver';

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
    reference: briefing.reference,
    cutoffDate: briefing.cutoffDate ?? '',
    dissemination: briefing.dissemination,
    tagIds: briefing.tags.map((tag) => tag.id),
  };
}

/**
 * The title block: metadata saved as you change it (a status change also keeps a revision). A
 * compact header line (title, status, handling marking, the briefing's actions) with the rest in
 * a Details drawer, so the text starts near the top of the window.
 */
interface MetaPanelProps {
  briefing: Briefing;
  types: ProductType[];
  onSaved: (saved: Briefing) => void;
  /** Another tab is editing the briefing: the fields are shown, not editable. */
  readOnly: boolean;
  /** Set while mounted: saves a change still waiting for its pause (before a hand-over). */
  flushRef: RefObject<(() => Promise<void>) | null>;
  /** Set while mounted: empties the old Summary (BLUF) field once its text is in the body. */
  clearSummaryRef: RefObject<(() => Promise<void>) | null>;
  /** The heading and the briefing's actions, shown on the header line. */
  heading: ReactNode;
  actions: ReactNode;
}

export function MetaPanel({ briefing, types, onSaved, readOnly, flushRef, clearSummaryRef, heading, actions }: MetaPanelProps) {
  const command = useCommand();
  const client = useClient();
  /** The newest title block a failed save did not store: sent again when a stopped host is back. */
  const unsent = useRef<BriefingMetaInput | null>(null);
  const [meta, setShownMeta] = useState<BriefingMetaInput>(() => metaOf(briefing));
  // Changes can land after an await (a tag found or made): each builds on the newest fields, not a render's.
  const latestMeta = useRef(meta);
  const setMeta = (next: BriefingMetaInput): void => {
    latestMeta.current = next;
    setShownMeta(next);
  };
  const tagList = useTagList(briefing.tags);
  const [error, setError] = useState<string | null>(null);
  /** The title block as another window saved it, while the analyst chooses between the two. */
  const [conflict, setConflict] = useState<{ mine: BriefingMetaInput; theirs: Briefing } | null>(null);
  const pending = useRef<BriefingMetaInput | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  // One per briefing (the panel is keyed by it): saves go out one at a time, in order.
  const [saver] = useState(() => new SerialSaver<BriefingMetaInput>(briefing.metaVersion));
  useEffect(() => {
    saver.connect({
      send: async (next, baseVersion) => {
        const saved = await command('briefings.updateMeta', { id: briefing.id, meta: next, baseVersion });
        onSavedRef.current(saved);
        setError(null);
        unsent.current = null;
        return saved.metaVersion;
      },
      onFailure: (failure, mine) => {
        const theirs = isConflict(failure) ? BriefingSchema.safeParse(failure.payload.details?.current) : null;
        if (theirs?.success) setConflict({ mine, theirs: theirs.data });
        else {
          unsent.current = mine;
          setError(errorMessage(failure));
        }
      },
    });
  }, [saver, command, briefing.id]);
  useEffect(
    () =>
      client.onHostState((state) => {
        if (state !== 'connected' || unsent.current === null) return;
        void saver.request(unsent.current);
      }),
    [client, saver],
  );

  /** Hands the change waiting for its pause to the saver. */
  const saveNow = useRef((): Promise<void> => {
    window.clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    return next ? saver.request(next) : Promise.resolve();
  });

  useEffect(() => {
    const flush = saveNow.current;
    flushRef.current = flush;
    // A reload or a closed tab unmounts nothing: what waits is sent as the page goes.
    const leave = (): void => {
      void flush();
      saver.leave();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      flushRef.current = null;
      void flush();
    };
  }, [saver, flushRef]);

  const [open, setOpen] = useState(false);
  const drawerId = useId();
  useEffect(() => {
    clearSummaryRef.current = () => {
      const next = { ...latestMeta.current, summary: '' };
      setMeta(next);
      pending.current = next;
      return saveNow.current();
    };
    return () => {
      clearSummaryRef.current = null;
    };
  });

  const change = (patch: Partial<BriefingMetaInput>, immediately = false): void => {
    const next = { ...latestMeta.current, ...patch };
    setMeta(next);
    pending.current = next;
    window.clearTimeout(timer.current);
    if (immediately) void saveNow.current();
    else timer.current = window.setTimeout(() => void saveNow.current(), SAVE_DELAY_MS);
  };

  return (
    <div className="title-block">
      <div className="briefing-header">
        {heading}
        <label className="inline-field">
          Status
          <select
            value={meta.status}
            disabled={readOnly}
            onChange={(event) => change({ status: event.target.value as BriefingStatus }, true)}
          >
            {BRIEFING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {BRIEFING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Handling marking
          <input
            className="marking-input"
            value={meta.marking}
            disabled={readOnly}
            onChange={(event) => change({ marking: event.target.value })}
          />
        </label>
        <button type="button" aria-expanded={open} aria-controls={drawerId} onClick={() => setOpen(!open)}>
          Details
        </button>
        <span className="briefing-actions">{actions}</span>
      </div>
      <div id={drawerId} className="details-drawer" role="region" aria-label="Details" hidden={!open}>
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
          <div className="field-row">
            <label className="field">
              Reference number
              <input value={meta.reference ?? ''} onChange={(event) => change({ reference: event.target.value })} />
            </label>
            <label className="field">
              Information cut-off date
              <input
                value={meta.cutoffDate ?? ''}
                placeholder="YYYY-MM-DD"
                onChange={(event) => change({ cutoffDate: event.target.value })}
              />
            </label>
            <label className="field">
              Dissemination
              <input value={meta.dissemination ?? ''} onChange={(event) => change({ dissemination: event.target.value })} />
            </label>
          </div>
          <p className="hint">The summary (BLUF) is the Summary section at the top of the text.</p>
          <BriefingTagField
            tags={tagList.tags}
            onEdit={(edit) => {
              const next = tagList.edit(edit);
              change({ tagIds: next.map((tag) => tag.id) }, true);
            }}
          />
        </fieldset>
      </div>
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
            saver.rebase(conflict.theirs.metaVersion);
            pending.current = conflict.mine;
            setConflict(null);
            void saveNow.current();
          }}
          onTakeTheirs={() => {
            saver.rebase(conflict.theirs.metaVersion);
            pending.current = null;
            setMeta(metaOf(conflict.theirs));
            tagList.replace(conflict.theirs.tags);
            setConflict(null);
            onSavedRef.current(conflict.theirs);
          }}
        />
      )}
    </div>
  );
}
