import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $foldSummary, $summaryHolds } from '../../src/briefing/summary-fold';
import { templateState } from '../../src/briefing/template';
import { BRIEFING_NODES } from '../../src/editor/nodes';

function editorOn(sections: { heading: string; cap: number | null }[]) {
  const editor = createHeadlessEditor({
    nodes: [...BRIEFING_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(templateState({ sections })));
  return editor;
}

function fold(editor: ReturnType<typeof editorOn>, summary: string): boolean {
  let changed = false;
  editor.update(() => (changed = $foldSummary(summary)), { discrete: true });
  return changed;
}

const sectionsText = (editor: ReturnType<typeof editorOn>): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((child) => child.getTextContent()),
  );

describe('folding the old BLUF field into the Summary section', () => {
  const BLUF = 'NATO backs the pressure on North Korea.\n\nIt seeks no military role in the region.';

  it('puts the field’s paragraphs under the Summary heading, once, losing nothing', () => {
    const editor = editorOn([
      { heading: 'Summary', cap: null },
      { heading: 'Analysis', cap: null },
    ]);
    expect(fold(editor, BLUF)).toBe(true);
    const [summary, analysis] = sectionsText(editor);
    expect(summary).toContain('NATO backs the pressure on North Korea.');
    expect(summary).toContain('It seeks no military role in the region.');
    expect(analysis).toBe('Analysis\n\n');
    // Opening the briefing again does not repeat it.
    expect(fold(editor, BLUF)).toBe(false);
    expect(sectionsText(editor)[0]).toBe(summary);
    expect(editor.getEditorState().read(() => $summaryHolds(BLUF))).toBe(true);
  });

  it('keeps what the Summary section already says and adds the field before it', () => {
    const editor = editorOn([{ heading: 'Summary', cap: null }]);
    editor.update(
      () => {
        const section = $getRoot().getFirstChildOrThrow<ElementNode>();
        section.getLastChildOrThrow<ElementNode>().select().insertText('Written in the text.');
      },
      { discrete: true },
    );
    expect(fold(editor, 'From the field.')).toBe(true);
    const [summary] = sectionsText(editor);
    expect(summary).toMatch(/From the field\.[\s\S]*Written in the text\./);
  });

  it('adds a Summary section at the top when the body has none, and does nothing for an empty field', () => {
    const editor = editorOn([{ heading: 'Analysis', cap: null }]);
    expect(fold(editor, '   ')).toBe(false);
    expect(fold(editor, 'The bottom line.')).toBe(true);
    const [first, second] = sectionsText(editor);
    expect(first).toMatch(/^Summary\n\nThe bottom line\./);
    expect(second).toMatch(/^Analysis/);
  });
});
