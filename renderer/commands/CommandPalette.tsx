import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { chordsOf, type CommandId } from '../../src/commands/command-keys';
import { matchesChord } from '../../src/commands/shortcut';
import { fuzzyFilter } from '../../src/commands/fuzzy';
import type { CommandContext } from './context';
import { isAvailable } from './registry';
import { PLATFORM, shortcutLabel } from './shortcut-labels';
import { COMMANDS } from './table';
import { useTypingStaysInDialog } from '../shell/useTypingStaysInDialog';

function savedRanges(): Range[] {
  const selection = document.getSelection();
  if (!selection) return [];
  return Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index).cloneRange());
}

function restoreRanges(ranges: readonly Range[]): void {
  const selection = document.getSelection();
  if (!selection || ranges.some((range) => !range.startContainer.isConnected)) return;
  selection.removeAllRanges();
  for (const range of ranges) selection.addRange(range);
}

interface CommandPaletteProps {
  /** Where the analyst was when the palette opened: only commands that apply there are listed. */
  context: CommandContext;
  onRun: (id: CommandId) => void;
  onClose: () => void;
}

/**
 * The command palette: a modal dialog holding a combobox that filters a listbox of commands
 * (the ARIA combobox pattern: focus stays in the field, the active option is announced through
 * `aria-activedescendant`). Written here rather than taken from cmdk, which brings Radix's
 * dialog with it while Warrant's native <dialog> already traps and restores focus.
 */
export function CommandPalette({ context, onRun, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const offered = useMemo(() => COMMANDS.filter((spec) => spec.keys !== 'focused' && isAvailable(spec.id, context)), [context]);
  const shown = useMemo(() => fuzzyFilter(query, offered, (spec) => spec.title), [query, offered]);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (id: CommandId): string => `${listId}-${id}`;
  useTypingStaysInDialog(dialog);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const selection = opener?.isContentEditable ? savedRanges() : [];
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      if (!opener?.isConnected) return;
      opener.focus();
      // Focusing editable text puts the caret at its start: put back what was selected, so an
      // editor command from the palette (Bold) acts on the selection it was chosen for.
      if (selection.length > 0) restoreRanges(selection);
    };
  }, []);

  useEffect(() => {
    document.getElementById(current ? optionId(current.id) : '')?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const last = shown.length - 1;
    if (event.key === 'ArrowDown') setActive((index) => (index >= last ? 0 : index + 1));
    else if (event.key === 'ArrowUp') setActive((index) => (index <= 0 ? last : index - 1));
    else if (event.key === 'Home' && event.ctrlKey) setActive(0);
    else if (event.key === 'End' && event.ctrlKey) setActive(last);
    else if (event.key === 'Enter' && current) onRun(current.id);
    // The palette's own keys close it again (rather than reaching the browser: Ctrl+K is its search bar).
    else if (chordsOf('palette.open').some((chord) => matchesChord(event, chord, PLATFORM))) onClose();
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="command-palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === dialog.current && onClose()}
    >
      <input
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.id) : undefined}
        placeholder="Type a command"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Commands">
        {shown.map((spec) => {
          const shortcut = shortcutLabel(spec.id);
          return (
            <li
              key={spec.id}
              id={optionId(spec.id)}
              role="option"
              aria-selected={spec === current}
              onMouseMove={() => setActive(shown.indexOf(spec))}
              onClick={() => onRun(spec.id)}
            >
              <span>{spec.title}</span>
              {/* The group is for the eye; the title alone names the command. */}
              <span className="muted" aria-hidden="true">
                {spec.group}
              </span>
              {shortcut && <kbd>{shortcut}</kbd>}
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && (
        <p className="muted" role="status">
          No command matches “{query}”.
        </p>
      )}
    </dialog>
  );
}
