import { ModalDialog } from '../shell/ModalDialog';
import { shortcutLabels } from './shortcut-labels';
import { COMMAND_GROUPS, COMMANDS } from './table';

/** The `?` sheet: every command that has a shortcut, grouped, in the platform's notation. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onRequestClose={onClose} className="shortcuts-sheet">
      <div className="shortcut-groups" role="group" aria-label="Shortcuts by group" tabIndex={0}>
        {COMMAND_GROUPS.map((group) => {
          const rows = COMMANDS.filter((spec) => spec.group === group && shortcutLabels(spec.id).length > 0);
          if (rows.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`shortcuts-${group.replace(/\s/g, '-')}`}>
              <h3 id={`shortcuts-${group.replace(/\s/g, '-')}`}>{group}</h3>
              <table>
                <tbody>
                  {rows.map((spec) => (
                    <tr key={spec.id}>
                      <th scope="row">{spec.title}</th>
                      <td>
                        {shortcutLabels(spec.id).map((label, index) => (
                          <span key={label}>
                            {index > 0 && ' or '}
                            <kbd>{label}</kbd>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
      <p className="muted">Every command, with or without a shortcut, is in the command palette.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
