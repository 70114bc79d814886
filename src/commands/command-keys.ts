import { acceleratorOf, parseChord, type Chord } from './shortcut';

/**
 * Every command's id and its shortcuts, in one list shared by the renderer's command table (which
 * adds titles, when each applies, and handlers) and the desktop menu (which takes its accelerators
 * from here and sends the id back to the renderer). The first shortcut is the one shown.
 */
export const COMMAND_SHORTCUTS = {
  'palette.open': ['Mod+Shift+P', 'Mod+K'],
  'shortcuts.show': ['?'],
  'go.library': ['Alt+1'],
  'go.briefings': ['Alt+2'],
  'go.trash': ['Alt+3'],
  'go.settings': ['Alt+4'],
  'go.tags': ['Alt+5'],
  'go.analysis': ['Alt+6'],
  'go.indicators': ['Alt+7'],
  'go.team': ['Alt+8'],
  'go.backups': [],
  'library.search': ['/'],
  'library.newSource': ['Alt+N'],
  'library.import': ['Alt+I'],
  'library.export': ['Alt+X'],
  'briefings.new': ['Alt+N'],
  'briefings.newProductType': [],
  'analysis.newMatrix': ['Alt+N'],
  'briefing.export': ['Mod+Shift+E'],
  'briefing.argument': ['Mod+Shift+A'],
  'briefing.saveRevision': [],
  'briefing.comment': ['Mod+Alt+M'],
  'briefing.inspector': ['Mod+Shift+B'],
  'briefing.assumptions': [],
  'briefing.focusMode': ['Mod+Shift+F'],
  'briefing.leaveFocus': ['Escape'],
  'workspace.saveCopy': ['Mod+Shift+S'],
  'workspace.new': ['Mod+Shift+N'],
  'workspace.open': ['Mod+O'],
  'editor.undo': ['Mod+Z'],
  'editor.redo': ['Mod+Y', 'Mod+Shift+Z'],
  'editor.bold': ['Mod+B'],
  'editor.italic': ['Mod+I'],
  'editor.underline': ['Mod+U'],
  'editor.strikethrough': ['Mod+Shift+X'],
  'editor.paragraph': [],
  'editor.heading': [],
  'editor.subheading': [],
  'editor.quote': [],
  'editor.bulletList': ['Mod+Shift+8'],
  'editor.numberedList': ['Mod+Shift+7'],
  'editor.link': ['Mod+K'],
  'editor.cite': ['Mod+Shift+K'],
  'editor.addJudgement': ['Mod+Shift+Enter'],
  'judgement.moveUp': ['Alt+ArrowUp'],
  'judgement.moveDown': ['Alt+ArrowDown'],
  'form.save': ['Mod+Enter', 'Mod+S'],
} as const satisfies Record<string, readonly string[]>;

export type CommandId = keyof typeof COMMAND_SHORTCUTS;

export const COMMAND_IDS = Object.keys(COMMAND_SHORTCUTS) as CommandId[];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && Object.hasOwn(COMMAND_SHORTCUTS, value);
}

/** A command's chords, parsed (the first is the one shown). */
export function chordsOf(id: CommandId): Chord[] {
  return COMMAND_SHORTCUTS[id].map(parseChord);
}

/**
 * The commands in the desktop menu, whose first shortcut is the menu item's accelerator. `host`
 * items run in the main process (switching workspaces must work even when the page could not
 * load); `renderer` items are sent to the page by id and run there like a key press. Where the
 * menu exists, the page leaves those chords to it, so one press runs a command once.
 */
export const MENU_COMMANDS = {
  'workspace.new': 'host',
  'workspace.open': 'host',
  'workspace.saveCopy': 'renderer',
  'go.backups': 'renderer',
  'palette.open': 'renderer',
  'shortcuts.show': 'renderer',
  'go.library': 'renderer',
  'go.briefings': 'renderer',
  'go.trash': 'renderer',
  'go.settings': 'renderer',
  'go.tags': 'renderer',
  'go.analysis': 'renderer',
} as const satisfies Partial<Record<CommandId, 'host' | 'renderer'>>;
export type MenuCommandId = keyof typeof MENU_COMMANDS;
export type RendererMenuCommandId = { [K in MenuCommandId]: (typeof MENU_COMMANDS)[K] extends 'renderer' ? K : never }[MenuCommandId];

/** Whether a value the page received is a menu command meant for it (anything else is ignored). */
export function isRendererMenuCommand(value: unknown): value is RendererMenuCommandId {
  return isCommandId(value) && isMenuCommand(value) && MENU_COMMANDS[value] === 'renderer';
}

export function isMenuCommand(id: CommandId): id is MenuCommandId {
  return Object.hasOwn(MENU_COMMANDS, id);
}

/** A command's menu accelerator, from its first shortcut (none for bare keys like `?`). */
export function menuAccelerator(id: CommandId): string | undefined {
  const first = chordsOf(id)[0];
  return (first && acceleratorOf(first)) ?? undefined;
}

/** Whether the desktop menu's accelerator owns this chord of a command (its first, when it has one). */
export function menuOwnsChord(id: CommandId, chordIndex: number): boolean {
  return isMenuCommand(id) && chordIndex === 0 && menuAccelerator(id) !== undefined;
}
