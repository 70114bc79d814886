import type { ImportPreview } from '../../src/interchange/schemas';

/** The file's first new entries by title, author and date: what the import adds, seen before it writes. */
export function NewEntries({ preview }: { preview: ImportPreview }) {
  const more = preview.fresh - preview.firstNew.length;
  return (
    <section aria-labelledby="new-entries-heading" className="new-entries">
      <h3 id="new-entries-heading">{preview.fresh === preview.firstNew.length ? 'New entries' : 'First new entries'}</h3>
      <ul>
        {preview.firstNew.map((entry, index) => (
          <li key={index}>
            {entry.title}
            {(entry.author || entry.publishedDate) && (
              <span className="muted"> — {[entry.author, entry.publishedDate ?? ''].filter((part) => part !== '').join(', ')}</span>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="hint">…and {more.toLocaleString()} more.</p>}
    </section>
  );
}
