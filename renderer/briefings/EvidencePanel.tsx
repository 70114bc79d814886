import { useEffect, useState, useSyncExternalStore, type DragEvent, type RefObject } from 'react';
import { CitationRefSchema } from '../../src/domain/briefing';
import {
  describeCounts,
  STANCE_LABELS,
  STANCES,
  type EvidenceLink,
  type EvidenceRef,
  type Judgement,
  type Stance,
} from '../../src/domain/judgement';
import { combinedGrade } from '../../src/domain/quote';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { CITATION_MIME } from '../editor';
import { MatrixCitationPanel } from '../judgements';
import type { JudgementStore } from '../editor';
import { JudgementIndicators } from '../indicators';
import { JudgementAssumptions } from '../assumptions';
import { ChangeLog } from './ChangeLog';
import { EvidencePicker } from './EvidencePicker';

const STATE_NOTES = { live: '', trashed: ' (in the trash)', missing: ' (deleted)' } as const;

function itemLabel(link: EvidenceLink): string {
  const text = link.item.state === 'missing' ? `Deleted ${link.item.kind}` : link.item.text;
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function dropped(event: DragEvent): EvidenceRef | null {
  try {
    const parsed = CitationRefSchema.safeParse(JSON.parse(event.dataTransfer.getData(CITATION_MIME)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One linked item: stance, grade, text, note, open, unlink. */
function LinkRow({
  link,
  onChange,
  onUnlink,
  onOpen,
}: {
  link: EvidenceLink;
  onChange: (stance: Stance, note: string) => void;
  onUnlink: () => void;
  onOpen: () => void;
}) {
  const [note, setNote] = useState(link.note);
  const label = itemLabel(link);
  const grade = link.item.kind === 'quote' ? combinedGrade(link.item.reliability, link.item.credibility) : (link.item.reliability ?? '?');
  return (
    <li className={`evidence evidence-${link.stance} evidence-${link.item.state}`}>
      <select aria-label={`Stance of “${label}”`} value={link.stance} onChange={(event) => onChange(event.target.value as Stance, note)}>
        {STANCES.map((stance) => (
          <option key={stance} value={stance}>
            {STANCE_LABELS[stance]}
          </option>
        ))}
      </select>
      <span className="grade" aria-label={`Grade ${grade}`}>
        {grade}
      </span>
      <button
        type="button"
        className="link-button evidence-text"
        disabled={link.item.state === 'missing'}
        onClick={onOpen}
        aria-label={`Open “${label}” in the library`}
      >
        {link.item.kind === 'quote' ? `“${label}”` : label}
      </button>
      <span className="muted">
        {link.item.kind === 'quote' ? link.item.sourceTitle : 'Whole source'}
        {STATE_NOTES[link.item.state]}
      </span>
      <input
        aria-label={`Note on “${label}”`}
        placeholder="Why it bears on the judgement"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={() => note !== link.note && onChange(link.stance, note)}
      />
      <button type="button" aria-label={`Unlink “${label}”`} onClick={onUnlink}>
        Unlink
      </button>
    </li>
  );
}

/** The selected judgement's evidence: counts, linked items, linking by drop or search, and its change log. */
export function EvidencePanel({
  store,
  onOpenItem,
  dropRef,
}: {
  store: JudgementStore;
  onOpenItem: (sourceId: string, quoteId: string | null) => void;
  /** Set while mounted: links an item dropped elsewhere (the inspector's Evidence tab) to the selected judgement. */
  dropRef?: RefObject<((item: EvidenceRef) => void) | null>;
}) {
  const command = useCommand();
  const record = useSyncExternalStore(store.subscribe, () => store.selectedRecord());
  const number = useSyncExternalStore(store.subscribe, () => (record ? store.numberOf(record.id) : 0));
  const [stance, setStance] = useState<Stance>('supports');
  const [error, setError] = useState<string | null>(null);
  const recordId = record?.id ?? null;
  useEffect(() => {
    if (!dropRef) return;
    dropRef.current = (item) => {
      if (recordId === null) return setError('Select a key judgement first, then drop its evidence here.');
      command('judgements.link', { judgementId: recordId, item, link: { stance, note: '' } }).then(
        ({ judgement }) => {
          store.put(judgement);
          setError(null);
        },
        (failure: unknown) => setError(errorMessage(failure)),
      );
    };
    return () => {
      dropRef.current = null;
    };
  }, [dropRef, recordId, stance, command, store]);

  if (!record) {
    return (
      <section className="side-panel" aria-label="Evidence">
        <h2>Evidence</h2>
        <p className="muted">Select a key judgement (or add one with Ctrl+Shift+Enter) to see and link its evidence.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  // Each evidence change answers with the judgement's new evidence and counts: no second read.
  const act = (action: () => Promise<{ judgement: Judgement }>): void => {
    action().then(
      ({ judgement }) => {
        store.put(judgement);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  const link = (item: EvidenceRef): void =>
    act(() => command('judgements.link', { judgementId: record.id, item, link: { stance, note: '' } }));
  const linked = new Set(record.evidence.map((item) => `${item.item.kind}:${item.item.id}`));

  return (
    <section
      className="side-panel evidence-panel"
      aria-label="Evidence"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(CITATION_MIME)) event.preventDefault();
      }}
      onDrop={(event) => {
        const ref = dropped(event);
        if (!ref) return;
        event.preventDefault();
        link(ref);
      }}
    >
      <h2>Evidence for key judgement {number}</h2>
      <p className="evidence-counts" aria-label="Evidence counts">
        {describeCounts(record.counts)}
      </p>
      {record.evidence.length === 0 ? (
        <p className="muted">Nothing linked yet. Drag a quote or source here from the Library panel, or search below.</p>
      ) : (
        <ul className="evidence-list" aria-label="Linked evidence">
          {record.evidence.map((item) => (
            <LinkRow
              key={item.id}
              link={item}
              onChange={(next, note) => act(() => command('judgements.updateLink', { id: item.id, link: { stance: next, note } }))}
              onUnlink={() => act(() => command('judgements.unlink', { id: item.id }))}
              onOpen={() => item.item.sourceId && onOpenItem(item.item.sourceId, item.item.kind === 'quote' ? item.item.id : null)}
            />
          ))}
        </ul>
      )}
      <label>
        Link new evidence as{' '}
        <select value={stance} onChange={(event) => setStance(event.target.value as Stance)}>
          {STANCES.map((value) => (
            <option key={value} value={value}>
              {STANCE_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <EvidencePicker onLink={link} linked={linked} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <MatrixCitationPanel record={record} onSaved={(judgement) => store.put(judgement)} />
      <JudgementIndicators judgementId={record.id} ownerLabel={`key judgement ${number}`} />
      <JudgementAssumptions judgementId={record.id} />
      <ChangeLog judgementId={record.id} yardstick={store.yardstick()} />
    </section>
  );
}
