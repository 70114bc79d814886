import { COMMAND_SHORTCUTS, type CommandId } from '../../src/commands/command-keys';
import { ANALYSIS, BRIEFINGS, LIBRARY, type Route } from '../app/routes';
import type { CommandContext } from './context';

export const COMMAND_GROUPS = ['General', 'Go to', 'Library', 'Briefings', 'Analysis', 'Editor', 'Workspace'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

type Predicate = (context: CommandContext) => boolean;

/**
 * Who handles a command's keys: `page` is the one keydown dispatcher; `editor` is Lexical, inside
 * the briefing editor (listed here for the help sheet and the palette); `focused` is the focused
 * control itself (a form, a judgement block), so it is only shown in the help sheet.
 */
export type KeyHandler = 'page' | 'editor' | 'focused';

export interface CommandSpec {
  id: CommandId;
  title: string;
  group: CommandGroup;
  keys: KeyHandler;
  /** When the command applies at all: listed in the palette, runnable from the menu. */
  when: Predicate;
  /** A narrower condition for one of its shortcuts (written as in the shortcut list). */
  chordWhen?: Readonly<Record<string, Predicate>>;
  /** Where its handler lives when no view that offers it is open: go there, then run it. */
  home?: Route;
}

const inLibrary: Predicate = (c) => c.view === 'library' || c.view === 'source';
const inBriefings: Predicate = (c) => c.view === 'briefings' || c.view === 'briefing';
const inAnalysis: Predicate = (c) => c.view === 'analysis' || c.view === 'matrix';
const noDialog: Predicate = (c) => !c.dialogOpen;
const canWrite: Predicate = (c) => !c.dialogOpen && !c.readOnly;
const notTyping: Predicate = (c) => !c.typing;
const editing: Predicate = (c) => c.editorFocused && !c.readOnly && !c.dialogOpen;
const inBriefing: Predicate = (c) => c.view === 'briefing' && !c.dialogOpen;
const goTo = (id: CommandId, title: string): CommandSpec => ({ id, title, group: 'Go to', keys: 'page', when: noDialog });
const format = (id: CommandId, title: string): CommandSpec => ({ id, title, group: 'Editor', keys: 'editor', when: editing });

/**
 * Every command in Warrant, once: the keyboard, the palette, the help sheet, `aria-keyshortcuts`,
 * tooltips and the desktop menu all read it. Shortcuts come from `src/commands/command-keys.ts`
 * (shared with the menu); handlers are bound by the view that owns the state (`useCommandHandler`).
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    id: 'palette.open',
    title: 'Command palette',
    group: 'General',
    keys: 'page',
    when: noDialog,
    // Inside the editor Ctrl+K inserts a link, as in every word processor; Ctrl+Shift+P still works there.
    chordWhen: { 'Mod+K': (c) => !c.editorFocused },
  },
  { id: 'shortcuts.show', title: 'Keyboard shortcuts', group: 'General', keys: 'page', when: noDialog, chordWhen: { '?': notTyping } },
  goTo('go.library', 'Go to Library'),
  goTo('go.briefings', 'Go to Briefings'),
  goTo('go.trash', 'Go to Trash'),
  goTo('go.settings', 'Go to Settings'),
  goTo('go.tags', 'Go to Tags'),
  goTo('go.analysis', 'Go to Analysis (competing hypotheses)'),
  goTo('go.indicators', 'Go to Indicators'),
  goTo('go.team', 'Go to Team (join a team, share the library)'),
  goTo('go.backups', 'Go to Backups (restore from a backup)'),
  {
    id: 'library.search',
    title: 'Search the library',
    group: 'Library',
    keys: 'page',
    when: noDialog,
    chordWhen: { '/': notTyping },
    home: LIBRARY,
  },
  {
    id: 'library.newSource',
    title: 'New source',
    group: 'Library',
    keys: 'page',
    when: canWrite,
    chordWhen: { 'Alt+N': inLibrary },
    home: LIBRARY,
  },
  { id: 'library.import', title: 'Import a library…', group: 'Library', keys: 'page', when: canWrite, home: LIBRARY },
  { id: 'library.export', title: 'Export the library…', group: 'Library', keys: 'page', when: noDialog, home: LIBRARY },
  {
    id: 'briefings.new',
    title: 'New briefing',
    group: 'Briefings',
    keys: 'page',
    when: canWrite,
    chordWhen: { 'Alt+N': inBriefings },
    home: BRIEFINGS,
  },
  { id: 'briefings.newProductType', title: 'New product type', group: 'Briefings', keys: 'page', when: canWrite, home: BRIEFINGS },
  {
    id: 'analysis.newMatrix',
    title: 'New ACH matrix…',
    group: 'Analysis',
    keys: 'page',
    when: canWrite,
    chordWhen: { 'Alt+N': inAnalysis },
    home: ANALYSIS,
  },
  { id: 'briefing.export', title: 'Export the briefing…', group: 'Briefings', keys: 'page', when: inBriefing },
  { id: 'briefing.argument', title: 'Argument picture', group: 'Briefings', keys: 'page', when: inBriefing },
  { id: 'briefing.inspector', title: 'Show or hide the inspector', group: 'Briefings', keys: 'page', when: inBriefing },
  { id: 'briefing.assumptions', title: 'Key assumptions of the briefing', group: 'Briefings', keys: 'page', when: inBriefing },
  { id: 'briefing.focusMode', title: 'Focus mode (only the text)', group: 'Briefings', keys: 'page', when: inBriefing },
  // Bound only while focus mode is on; Escape types nothing, so it may act from inside the text.
  { id: 'briefing.leaveFocus', title: 'Leave focus mode', group: 'Briefings', keys: 'page', when: inBriefing },
  { id: 'briefing.saveRevision', title: 'Save a revision…', group: 'Briefings', keys: 'page', when: (c) => inBriefing(c) && !c.readOnly },
  {
    id: 'briefing.comment',
    title: 'Comment on the selected words',
    group: 'Briefings',
    keys: 'page',
    when: (c) => inBriefing(c) && !c.readOnly,
  },
  format('editor.undo', 'Undo'),
  format('editor.redo', 'Redo'),
  format('editor.bold', 'Bold'),
  format('editor.italic', 'Italic'),
  format('editor.underline', 'Underline'),
  format('editor.strikethrough', 'Strikethrough'),
  format('editor.paragraph', 'Paragraph'),
  format('editor.heading', 'Heading'),
  format('editor.subheading', 'Subheading'),
  format('editor.quote', 'Block quote'),
  format('editor.bulletList', 'Bulleted list'),
  format('editor.numberedList', 'Numbered list'),
  format('editor.link', 'Link'),
  format('editor.cite', 'Cite from the library'),
  format('editor.addJudgement', 'Add key judgement'),
  {
    id: 'judgement.moveUp',
    title: 'Move a key judgement up',
    group: 'Editor',
    keys: 'focused',
    when: (c) => c.editorFocused && !c.readOnly,
  },
  {
    id: 'judgement.moveDown',
    title: 'Move a key judgement down',
    group: 'Editor',
    keys: 'focused',
    when: (c) => c.editorFocused && !c.readOnly,
  },
  { id: 'form.save', title: 'Save the source form', group: 'Library', keys: 'focused', when: (c) => c.dialogOpen && !c.readOnly },
  { id: 'workspace.saveCopy', title: 'Save a copy…', group: 'Workspace', keys: 'page', when: noDialog },
  { id: 'workspace.new', title: 'New workspace…', group: 'Workspace', keys: 'page', when: (c) => c.desktop && !c.dialogOpen },
  { id: 'workspace.open', title: 'Open workspace…', group: 'Workspace', keys: 'page', when: (c) => c.desktop && !c.dialogOpen },
];

const BY_ID = new Map(COMMANDS.map((spec) => [spec.id, spec]));

export function commandSpec(id: CommandId): CommandSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`No command “${id}” in the table.`);
  return spec;
}

/** Whether one of a command's shortcuts (by its notation) applies in a context. */
export function chordApplies(spec: CommandSpec, notation: string, context: CommandContext): boolean {
  return spec.when(context) && (spec.chordWhen?.[notation]?.(context) ?? true);
}

/** A command's shortcuts as written in the shared list. */
export function notationsOf(id: CommandId): readonly string[] {
  return COMMAND_SHORTCUTS[id];
}
