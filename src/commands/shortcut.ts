/**
 * One notation for every key chord in Warrant: `Mod+Shift+P`, `Alt+1`, `?`. `Mod` is Ctrl, or ⌘
 * on macOS, so one table serves both platforms. Pure code: the renderer matches key events with
 * it, shows chords in the platform's notation, and the desktop menu turns chords into accelerators.
 */
export type Platform = 'mac' | 'other';

export interface Chord {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** A lower-case letter, a digit, a punctuation character, or a named key (`Enter`, `ArrowUp`). */
  key: string;
}

/** What a key event carries that matching needs (a DOM `KeyboardEvent` is one). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const NAMED_KEYS = ['Enter', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const;
const LETTER = /^[a-z]$/;
const DIGIT = /^[0-9]$/;
const PUNCTUATION = /^[?/\\.,;'[\]=-]$/;

/** Reads `Mod+Shift+P`; a chord that the notation cannot express is a programming error. */
export function parseChord(text: string): Chord {
  const parts = text.split('+');
  const last = parts.pop();
  // `Mod++` cannot be written; `+` is not used as a key.
  if (last === undefined || last === '') throw new Error(`No key in the shortcut “${text}”.`);
  const chord: Chord = { mod: false, alt: false, shift: false, key: '' };
  for (const part of parts) {
    if (part === 'Mod' && !chord.mod) chord.mod = true;
    else if (part === 'Alt' && !chord.alt) chord.alt = true;
    else if (part === 'Shift' && !chord.shift) chord.shift = true;
    else throw new Error(`“${part}” is not a modifier (Mod, Alt, Shift, each once) in “${text}”.`);
  }
  const key = last.length === 1 ? last.toLowerCase() : last;
  const named = (NAMED_KEYS as readonly string[]).includes(key);
  if (!named && !LETTER.test(key) && !DIGIT.test(key) && !PUNCTUATION.test(key))
    throw new Error(`“${last}” is not a key the shortcut notation knows in “${text}”.`);
  // Typed characters such as `?` already imply their Shift, which differs between layouts.
  if (PUNCTUATION.test(key) && chord.shift) throw new Error(`Write “${last}” without Shift in “${text}”.`);
  return { ...chord, key };
}

/** The character a letter or digit key gives with no modifiers, from its physical position. */
function keyFromCode(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  return null;
}

/**
 * Whether a key press is this chord. Letters and digits are matched by the character the layout
 * gives when it gives a Latin letter or a digit (so AZERTY's A is A), and by the key's position
 * otherwise (Alt+N on a Mac types "˜", Shift+7 types "&", a Cyrillic layout types "т").
 */
export function matchesChord(press: KeyPress, chord: Chord, platform: Platform): boolean {
  const modDown = platform === 'mac' ? press.metaKey : press.ctrlKey;
  const otherDown = platform === 'mac' ? press.ctrlKey : press.metaKey;
  if (modDown !== chord.mod || otherDown || press.altKey !== chord.alt) return false;
  if (PUNCTUATION.test(chord.key)) return press.key === chord.key;
  if (press.shiftKey !== chord.shift) return false;
  if (LETTER.test(chord.key) || DIGIT.test(chord.key)) {
    const typed = press.key.length === 1 ? press.key.toLowerCase() : '';
    if (LETTER.test(typed) || DIGIT.test(typed)) return typed === chord.key;
    return keyFromCode(press.code) === chord.key;
  }
  return press.key === chord.key;
}

const MAC_KEYS: Readonly<Record<string, string>> = {
  Enter: '↩',
  Escape: '⎋',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
};
const OTHER_KEYS: Readonly<Record<string, string>> = { Escape: 'Esc', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

function keyLabel(key: string, platform: Platform): string {
  const named = (platform === 'mac' ? MAC_KEYS : OTHER_KEYS)[key];
  return named ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** The chord as people on the platform write it: `Ctrl+Shift+P`, or `⇧⌘P` on a Mac. */
export function formatChord(chord: Chord, platform: Platform): string {
  if (platform === 'mac') return `${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${keyLabel(chord.key, platform)}`;
  const parts = [chord.mod ? 'Ctrl' : null, chord.alt ? 'Alt' : null, chord.shift ? 'Shift' : null, keyLabel(chord.key, platform)];
  return parts.filter((part) => part !== null).join('+');
}

/** The chord in `aria-keyshortcuts` syntax (modifier names and `KeyboardEvent.key` values). */
export function ariaChord(chord: Chord, platform: Platform): string {
  const parts = [
    chord.mod ? (platform === 'mac' ? 'Meta' : 'Control') : null,
    chord.alt ? 'Alt' : null,
    chord.shift ? 'Shift' : null,
    chord.key.length === 1 ? chord.key.toUpperCase() : chord.key,
  ];
  return parts.filter((part) => part !== null).join('+');
}

/**
 * The chord as an Electron menu accelerator, or null for a chord a menu must not own: a bare key
 * such as `?` would fire from the menu while the analyst types it into a field.
 */
export function acceleratorOf(chord: Chord): string | null {
  if (!chord.mod && !chord.alt) return null;
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key.replace('Arrow', '');
  return [chord.mod ? 'CmdOrCtrl' : null, chord.alt ? 'Alt' : null, chord.shift ? 'Shift' : null, key === 'Enter' ? 'Return' : key]
    .filter((part) => part !== null)
    .join('+');
}

/** The platform a user agent string names (the renderer passes `navigator.userAgent`). */
export function platformOf(userAgent: string): Platform {
  return /Macintosh|Mac OS X|iPhone|iPad/.test(userAgent) ? 'mac' : 'other';
}
