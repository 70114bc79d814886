import { describe, expect, it } from 'vitest';
import { chordsOf, COMMAND_IDS, COMMAND_SHORTCUTS, MENU_COMMANDS } from '../../src/commands/command-keys';
import { ROUTE_VIEWS, type CommandContext } from '../../renderer/commands/context';
import { chordApplies, COMMANDS, type CommandSpec } from '../../renderer/commands/table';

/** Every context the table can be asked about: each route view with each combination of flags. */
function allContexts(): CommandContext[] {
  const flags = ['editorFocused', 'typing', 'dialogOpen', 'readOnly', 'desktop'] as const;
  const contexts: CommandContext[] = [];
  for (const view of ROUTE_VIEWS)
    for (let bits = 0; bits < 1 << flags.length; bits++) {
      const context = { view, editorFocused: false, typing: false, dialogOpen: false, readOnly: false, desktop: false };
      flags.forEach((flag, index) => (context[flag] = (bits & (1 << index)) !== 0));
      contexts.push(context);
    }
  return contexts;
}

describe('the command table', () => {
  it('has every command of the shared list exactly once, each with a title', () => {
    const ids = COMMANDS.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...COMMAND_IDS].sort());
    const titles = COMMANDS.map((spec) => spec.title);
    expect(new Set(titles).size, 'two commands with one title cannot be told apart in the palette').toBe(titles.length);
  });

  it('narrows only shortcuts the command has', () => {
    for (const spec of COMMANDS)
      for (const notation of Object.keys(spec.chordWhen ?? {}))
        expect(COMMAND_SHORTCUTS[spec.id] as readonly string[], spec.id).toContain(notation);
  });

  it('never gives one chord to two commands in the same context', () => {
    const contexts = allContexts();
    const bindings = COMMANDS.flatMap((spec) =>
      (COMMAND_SHORTCUTS[spec.id] as readonly string[]).map((notation, index) => ({
        spec,
        notation,
        chord: JSON.stringify(chordsOf(spec.id)[index]),
      })),
    );
    const clashes: string[] = [];
    bindings.forEach((a, index) => {
      for (const b of bindings.slice(index + 1)) {
        if (a.chord !== b.chord) continue;
        const both = contexts.find((context) => chordApplies(a.spec, a.notation, context) && chordApplies(b.spec, b.notation, context));
        if (both) clashes.push(`${a.notation}: ${a.spec.id} and ${b.spec.id} in ${JSON.stringify(both)}`);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('lets a bare key act only outside fields, and nothing but a form’s own keys act behind a dialog', () => {
    const typing: CommandContext = {
      view: 'library',
      editorFocused: false,
      typing: true,
      dialogOpen: false,
      readOnly: false,
      desktop: false,
    };
    const withDialog: CommandContext = { ...typing, typing: false, dialogOpen: true };
    // Escape types nothing, so it is not a bare key in this sense (it leaves focus mode from the text).
    const bare = (spec: CommandSpec, notation: string): boolean => !/Mod|Alt/.test(notation) && notation !== 'Escape';
    for (const spec of COMMANDS)
      for (const notation of COMMAND_SHORTCUTS[spec.id] as readonly string[]) {
        if (bare(spec, notation)) expect(chordApplies(spec, notation, typing), `${spec.id} ${notation}`).toBe(false);
        if (spec.keys === 'page') expect(chordApplies(spec, notation, withDialog), `${spec.id} ${notation}`).toBe(false);
      }
  });

  it('gives Ctrl+K to the editor’s link inside the editor and to the palette everywhere else', () => {
    const at = (editorFocused: boolean): CommandContext => ({
      view: 'briefing',
      editorFocused,
      typing: editorFocused,
      dialogOpen: false,
      readOnly: false,
      desktop: false,
    });
    const spec = (id: string): CommandSpec => COMMANDS.find((candidate) => candidate.id === id) as CommandSpec;
    expect(chordApplies(spec('palette.open'), 'Mod+K', at(false))).toBe(true);
    expect(chordApplies(spec('palette.open'), 'Mod+K', at(true))).toBe(false);
    expect(chordApplies(spec('editor.link'), 'Mod+K', at(true))).toBe(true);
    expect(chordApplies(spec('palette.open'), 'Mod+Shift+P', at(true))).toBe(true);
  });

  it('runs menu commands from the page’s keys, not the editor or a focused control', () => {
    for (const id of Object.keys(MENU_COMMANDS)) expect(COMMANDS.find((spec) => spec.id === id)?.keys, id).toBe('page');
  });
});
