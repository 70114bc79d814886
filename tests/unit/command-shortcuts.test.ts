import { describe, expect, it } from 'vitest';
import { chordsOf, COMMAND_IDS, isRendererMenuCommand, menuAccelerator, menuOwnsChord } from '../../src/commands/command-keys';
import { fuzzyFilter, fuzzyScore } from '../../src/commands/fuzzy';
import { acceleratorOf, ariaChord, formatChord, matchesChord, parseChord, platformOf, type KeyPress } from '../../src/commands/shortcut';

const press = (key: string, code: string, mods: Partial<Omit<KeyPress, 'key' | 'code'>> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcut notation', () => {
  it('reads modifiers and keys, and refuses what it cannot express', () => {
    expect(parseChord('Mod+Shift+P')).toEqual({ mod: true, alt: false, shift: true, key: 'p' });
    expect(parseChord('Alt+ArrowUp')).toEqual({ mod: false, alt: true, shift: false, key: 'ArrowUp' });
    expect(parseChord('?')).toEqual({ mod: false, alt: false, shift: false, key: '?' });
    for (const bad of ['Ctrl+K', 'Mod+Mod+K', 'Mod+', 'Alt+F13', 'Shift+?', 'Mod+Space', '']) expect(() => parseChord(bad), bad).toThrow();
  });

  it('shows chords as each platform writes them', () => {
    expect(formatChord(parseChord('Mod+Shift+P'), 'other')).toBe('Ctrl+Shift+P');
    expect(formatChord(parseChord('Mod+Shift+P'), 'mac')).toBe('⇧⌘P');
    expect(formatChord(parseChord('Alt+1'), 'mac')).toBe('⌥1');
    expect(formatChord(parseChord('Mod+Shift+Enter'), 'mac')).toBe('⇧⌘↩');
    expect(formatChord(parseChord('Alt+ArrowDown'), 'other')).toBe('Alt+↓');
    expect(formatChord(parseChord('?'), 'other')).toBe('?');
  });

  it('writes aria-keyshortcuts and Electron accelerators, with no accelerator for a bare key', () => {
    expect(ariaChord(parseChord('Mod+Shift+E'), 'other')).toBe('Control+Shift+E');
    expect(ariaChord(parseChord('Mod+Shift+E'), 'mac')).toBe('Meta+Shift+E');
    expect(ariaChord(parseChord('Alt+ArrowUp'), 'other')).toBe('Alt+ArrowUp');
    expect(acceleratorOf(parseChord('Mod+Shift+S'))).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf(parseChord('Alt+2'))).toBe('Alt+2');
    expect(acceleratorOf(parseChord('Mod+Enter'))).toBe('CmdOrCtrl+Return');
    expect(acceleratorOf(parseChord('?'))).toBeNull();
    expect(acceleratorOf(parseChord('/'))).toBeNull();
  });

  it('matches Mod to Ctrl, or to ⌘ on a Mac, and never the other one', () => {
    const chord = parseChord('Mod+K');
    expect(matchesChord(press('k', 'KeyK', { ctrlKey: true }), chord, 'other')).toBe(true);
    expect(matchesChord(press('k', 'KeyK', { metaKey: true }), chord, 'other')).toBe(false);
    expect(matchesChord(press('k', 'KeyK', { metaKey: true }), chord, 'mac')).toBe(true);
    expect(matchesChord(press('k', 'KeyK', { ctrlKey: true }), chord, 'mac')).toBe(false);
    expect(matchesChord(press('k', 'KeyK', { ctrlKey: true, shiftKey: true }), chord, 'other')).toBe(false);
    expect(matchesChord(press('k', 'KeyK', { ctrlKey: true, altKey: true }), chord, 'other')).toBe(false);
    expect(matchesChord(press('K', 'KeyK', { ctrlKey: true, shiftKey: true }), parseChord('Mod+Shift+K'), 'other')).toBe(true);
  });

  it('matches by the layout’s letter when it types one, and by the key’s place when it does not', () => {
    // A Mac types "˜" for Option+N; Shift+7 types "&"; a Russian layout types "т" on the N key.
    expect(matchesChord(press('˜', 'KeyN', { altKey: true }), parseChord('Alt+N'), 'mac')).toBe(true);
    expect(matchesChord(press('&', 'Digit7', { ctrlKey: true, shiftKey: true }), parseChord('Mod+Shift+7'), 'other')).toBe(true);
    expect(matchesChord(press('т', 'KeyN', { altKey: true }), parseChord('Alt+N'), 'other')).toBe(true);
    // AZERTY: the key in QWERTY's Q place types "a", so it is A, not Q.
    expect(matchesChord(press('a', 'KeyQ', { ctrlKey: true }), parseChord('Mod+A'), 'other')).toBe(true);
    expect(matchesChord(press('a', 'KeyQ', { ctrlKey: true }), parseChord('Mod+Q'), 'other')).toBe(false);
  });

  it('matches typed characters whatever Shift it took, and named keys exactly', () => {
    expect(matchesChord(press('?', 'Slash', { shiftKey: true }), parseChord('?'), 'other')).toBe(true);
    expect(matchesChord(press('?', 'Minus'), parseChord('?'), 'other')).toBe(true);
    expect(matchesChord(press('/', 'Slash'), parseChord('?'), 'other')).toBe(false);
    expect(matchesChord(press('?', 'Slash', { shiftKey: true, ctrlKey: true }), parseChord('?'), 'other')).toBe(false);
    expect(matchesChord(press('ArrowUp', 'ArrowUp', { altKey: true }), parseChord('Alt+ArrowUp'), 'other')).toBe(true);
    expect(matchesChord(press('ArrowUp', 'ArrowUp', { altKey: true, shiftKey: true }), parseChord('Alt+ArrowUp'), 'other')).toBe(false);
  });

  it('tells a Mac from other platforms by its user agent', () => {
    expect(platformOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36')).toBe('mac');
    expect(platformOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36')).toBe('other');
    expect(platformOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('other');
  });
});

describe('the shared shortcut list', () => {
  it('parses every shortcut, and no command repeats a chord of its own', () => {
    for (const id of COMMAND_IDS) {
      const chords = chordsOf(id).map((chord) => JSON.stringify(chord));
      expect(new Set(chords).size, id).toBe(chords.length);
    }
  });

  it('gives the menu the first chord of a menu command, never a bare key', () => {
    expect(menuAccelerator('palette.open')).toBe('CmdOrCtrl+Shift+P');
    expect(menuAccelerator('go.library')).toBe('Alt+1');
    expect(menuAccelerator('shortcuts.show')).toBeUndefined();
    expect(menuOwnsChord('palette.open', 0)).toBe(true);
    // Ctrl+K stays the page's: the menu shows one accelerator per item.
    expect(menuOwnsChord('palette.open', 1)).toBe(false);
    expect(menuOwnsChord('shortcuts.show', 0)).toBe(false);
    expect(menuOwnsChord('briefing.export', 0)).toBe(false);
  });

  it('lets the page take from the menu only its own commands, by a known id', () => {
    expect(isRendererMenuCommand('workspace.saveCopy')).toBe(true);
    expect(isRendererMenuCommand('go.backups')).toBe(true);
    // Switching workspaces runs in the main process; other commands and other values are not the menu's.
    for (const value of ['workspace.open', 'workspace.new', 'briefing.export', 'toString', '__proto__', 42, null, { id: 'go.library' }])
      expect(isRendererMenuCommand(value), String(value)).toBe(false);
  });
});

describe('fuzzy matching for the palette', () => {
  it('finds letters in order, ignoring case and spaces', () => {
    expect(fuzzyScore('gobr', 'Go to Briefings')).not.toBeNull();
    expect(fuzzyScore('GO BR', 'Go to Briefings')).not.toBeNull();
    expect(fuzzyScore('brgo', 'Go to Briefings')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ranks word starts and runs above scattered letters, and keeps the order of ties', () => {
    const titles = ['Save a copy…', 'Search the library', 'Save a revision…', 'Strikethrough'];
    expect(fuzzyFilter('sea', titles, (title) => title)[0]).toBe('Search the library');
    expect(fuzzyFilter('sarev', titles, (title) => title)).toEqual(['Save a revision…']);
    expect(fuzzyFilter('', titles, (title) => title)).toEqual(titles);
    // The best placement of the letters counts, not the first one found ("to" has a t too).
    expect(fuzzyFilter('gotrs', ['Go to Backups (restore from a backup)', 'Go to Trash'], (title) => title)[0]).toBe('Go to Trash');
  });
});
