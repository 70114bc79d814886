import { RELIABILITY_GRADES, RELIABILITY_LABELS } from '../../src/domain/admiralty';
import type { SourceFilter } from '../../src/domain/source';
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '../../src/domain/source-kinds';
import type { Tag } from '../../src/domain/tag';

interface FilterPanelProps {
  filter: SourceFilter;
  onChange: (filter: SourceFilter) => void;
  tags: readonly Tag[];
}

function toggle<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((item) => item !== value) : [...(list ?? []), value];
  return next.length === 0 ? undefined : next;
}

/** Kind, reliability, tag (with its children) and publication dates; they combine with AND. */
export function FilterPanel({ filter, onChange, tags }: FilterPanelProps) {
  const active = Object.values(filter).some((value) => value !== undefined);
  return (
    <section className="filters" aria-label="Filters">
      <fieldset>
        <legend>Kind</legend>
        {SOURCE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={filter.kinds?.includes(kind) ?? false}
              onChange={() => onChange({ ...filter, kinds: toggle(filter.kinds, kind) })}
            />
            {SOURCE_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Reliability</legend>
        {RELIABILITY_GRADES.map((grade) => (
          <label key={grade} className="check" title={RELIABILITY_LABELS[grade]}>
            <input
              type="checkbox"
              checked={filter.reliability?.includes(grade) ?? false}
              onChange={() => onChange({ ...filter, reliability: toggle(filter.reliability, grade) })}
            />
            {grade} — {RELIABILITY_LABELS[grade]}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={filter.reliability?.includes('ungraded') ?? false}
            onChange={() => onChange({ ...filter, reliability: toggle(filter.reliability, 'ungraded') })}
          />
          Ungraded
        </label>
      </fieldset>
      <label className="stacked">
        Tag
        <select value={filter.tagId ?? ''} onChange={(event) => onChange({ ...filter, tagId: event.target.value || undefined })}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.path}
            </option>
          ))}
        </select>
      </label>
      <div className="date-range">
        <label className="stacked">
          Published from
          <input
            value={filter.publishedFrom ?? ''}
            placeholder="YYYY-MM-DD"
            onChange={(event) => onChange({ ...filter, publishedFrom: event.target.value.trim() || undefined })}
          />
        </label>
        <label className="stacked">
          Published to
          <input
            value={filter.publishedTo ?? ''}
            placeholder="YYYY-MM-DD"
            onChange={(event) => onChange({ ...filter, publishedTo: event.target.value.trim() || undefined })}
          />
        </label>
      </div>
      <button type="button" disabled={!active} onClick={() => onChange({})}>
        Clear filters
      </button>
    </section>
  );
}
