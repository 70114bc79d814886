import { chordsOf, type CommandId } from '../../src/commands/command-keys';
import { ariaChord, formatChord, platformOf, type Platform } from '../../src/commands/shortcut';
import { commandSpec } from './table';

/** The platform the page runs on decides Ctrl or ⌘, for matching and for what is shown. */
export const PLATFORM: Platform = platformOf(navigator.userAgent);

/** The shortcut shown for a command (its first), e.g. `Ctrl+Shift+E`, or null when it has none. */
export function shortcutLabel(id: CommandId): string | null {
  const first = chordsOf(id)[0];
  return first ? formatChord(first, PLATFORM) : null;
}

/** Every shortcut of a command in the platform's notation. */
export function shortcutLabels(id: CommandId): string[] {
  return chordsOf(id).map((chord) => formatChord(chord, PLATFORM));
}

/**
 * `aria-keyshortcuts` and a tooltip for the control that runs a command, both from the table:
 * `<button {...shortcutProps('briefing.export')}>`. `label` names the control when its text differs.
 */
export function shortcutProps(id: CommandId, label: string = commandSpec(id).title): { 'aria-keyshortcuts'?: string; title?: string } {
  const chords = chordsOf(id);
  const shown = shortcutLabel(id);
  if (chords.length === 0 || shown === null) return {};
  return { 'aria-keyshortcuts': chords.map((chord) => ariaChord(chord, PLATFORM)).join(' '), title: `${label} (${shown})` };
}
