import { useEffect } from 'react';
import { COMMAND_SHORTCUTS, menuOwnsChord, type CommandId } from '../../src/commands/command-keys';
import { matchesChord, parseChord, type Chord } from '../../src/commands/shortcut';
import type { CommandContext } from './context';
import { runCommand } from './registry';
import { PLATFORM } from './shortcut-labels';
import { chordApplies, COMMANDS, type CommandSpec } from './table';

interface Binding {
  spec: CommandSpec;
  notation: string;
  chord: Chord;
  /** Owned by the desktop menu's accelerator where that menu exists. */
  menuOwned: boolean;
}

/** The chords the page dispatches itself: Lexical handles the editor's, focused controls their own. */
const BINDINGS: readonly Binding[] = COMMANDS.filter((spec) => spec.keys === 'page').flatMap((spec) =>
  (COMMAND_SHORTCUTS[spec.id] as readonly string[]).map((notation, index) => ({
    spec,
    notation,
    chord: parseChord(notation),
    menuOwned: menuOwnsChord(spec.id, index),
  })),
);

/** Which command a key press runs in a context, if any (the first binding that applies). */
export function commandForKey(event: KeyboardEvent, context: CommandContext, menuPresent: boolean): CommandId | null {
  for (const binding of BINDINGS) {
    if (menuPresent && binding.menuOwned) continue;
    if (matchesChord(event, binding.chord, PLATFORM) && chordApplies(binding.spec, binding.notation, context)) return binding.spec.id;
  }
  return null;
}

/**
 * The one keydown listener of the page. It listens on the window, after the editor and focused
 * controls: a key they handled (`defaultPrevented`) is theirs, so Lexical keeps its own keys.
 */
export function useKeyboardCommands(contextNow: () => CommandContext, menuPresent: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const context = contextNow();
      const id = commandForKey(event, context, menuPresent);
      if (id && runCommand(id, context)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [contextNow, menuPresent]);
}
