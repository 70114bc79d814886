import type { ConflictRow } from './conflict';

const shown = (value: string): string => (value === '' ? '(empty)' : value);

/**
 * "Changed elsewhere": the edit was refused because the record changed after the form loaded.
 * Both values stay visible; the user keeps theirs (saved over the new version) or takes the stored one.
 */
export function ConflictNotice({
  what,
  rows,
  onKeepMine,
  onTakeStored,
}: {
  what: string;
  rows: readonly ConflictRow[];
  onKeepMine: () => void;
  onTakeStored: () => void;
}) {
  return (
    <section className="conflict-notice" role="alert" aria-label="Changed elsewhere">
      <h3>Changed elsewhere</h3>
      <p>
        This {what} was changed in another tab, window or program after you opened it, so nothing was saved. Your text is still in the form.
        {rows.length === 0 ? ' The stored version has the same values as yours.' : ''}
      </p>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Stored now</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{shown(row.stored)}</td>
                <td>{shown(row.yours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onTakeStored}>
          Take the stored version
        </button>
        <button type="button" className="primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </section>
  );
}
