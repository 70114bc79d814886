import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PopoverCard } from '../../renderer/editor/popover/PopoverCard';

/** An anchor whose rectangle the test sets (happy-dom lays nothing out). */
function anchorAt(rect: { top: number; bottom: number; left: number }): HTMLElement {
  const anchor = document.createElement('button');
  anchor.getBoundingClientRect = () => ({
    ...rect,
    right: rect.left + 20,
    width: 20,
    height: rect.bottom - rect.top,
    x: rect.left,
    y: rect.top,
    toJSON: () => rect,
  });
  document.body.append(anchor);
  return anchor;
}

describe('a card shown beside something in the text', () => {
  it('renders in the layer at the body level, below its anchor, and follows it when the text scrolls', () => {
    const rect = { top: 100, bottom: 120, left: 50 };
    const anchor = anchorAt(rect);
    const editor = document.createElement('div');
    document.body.append(editor);
    render(
      <PopoverCard anchor={anchor} role="tooltip" id="tip" className="citation-tip">
        Card text
      </PopoverCard>,
      { container: editor },
    );
    const card = screen.getByRole('tooltip');
    expect(editor.contains(card)).toBe(false);
    expect(card.parentElement?.id).toBe('popover-layer');
    expect([card.style.top, card.style.left]).toEqual(['124px', '50px']);

    rect.top = 40;
    rect.bottom = 60;
    act(() => void editor.dispatchEvent(new Event('scroll')));
    expect(card.style.top).toBe('64px');
    anchor.remove();
    editor.remove();
  });
});
