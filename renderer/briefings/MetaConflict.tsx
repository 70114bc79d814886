import {
  BRIEFING_STATUS_LABELS,
  YARDSTICK_LABELS,
  type Briefing,
  type BriefingMetaInput,
  type ProductType,
} from '../../src/domain/briefing';

interface MetaConflictProps {
  mine: BriefingMetaInput;
  theirs: Briefing;
  types: readonly ProductType[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

const FIELDS = [
  'title',
  'typeId',
  'status',
  'author',
  'date',
  'marking',
  'summary',
  'yardstick',
  'reference',
  'cutoffDate',
  'dissemination',
] as const;
const FIELD_LABELS: Readonly<Record<(typeof FIELDS)[number], string>> = {
  title: 'Title',
  typeId: 'Product type',
  status: 'Status',
  author: 'Author',
  date: 'Date',
  marking: 'Handling marking',
  summary: 'Summary',
  yardstick: 'Yardstick',
  reference: 'Reference number',
  cutoffDate: 'Information cut-off date',
  dissemination: 'Dissemination',
};

/** Another window saved the title block first: the fields that differ, both values, and a choice. */
export function MetaConflict({ mine, theirs, types, onKeepMine, onTakeTheirs }: MetaConflictProps) {
  const shown = (field: (typeof FIELDS)[number], value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '(empty)';
    if (field === 'typeId') return types.find((type) => type.id === value)?.name ?? value;
    if (field === 'status') return BRIEFING_STATUS_LABELS[value as Briefing['status']] ?? value;
    if (field === 'yardstick') return YARDSTICK_LABELS[value as Briefing['yardstick']] ?? value;
    return value;
  };
  const differing = FIELDS.filter((field) => (mine[field] ?? '') !== (theirs[field] ?? ''));
  const tagsDiffer =
    [...(mine.tagIds ?? [])].sort().join() !==
    theirs.tags
      .map((tag) => tag.id)
      .sort()
      .join();
  return (
    <div className="conflict-box" role="alert" aria-label="Title block changed elsewhere">
      <p>
        <strong>Changed elsewhere.</strong> The title block was saved in another tab or window while you edited it; your change is not saved
        yet.
      </p>
      <ul>
        {differing.map((field) => (
          <li key={field}>
            {FIELD_LABELS[field]}: saved elsewhere “{shown(field, theirs[field])}”, yours “{shown(field, mine[field])}”
          </li>
        ))}
        {tagsDiffer && <li>Tags: saved elsewhere {theirs.tags.map((tag) => tag.path).join(', ') || '(none)'}</li>}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}
