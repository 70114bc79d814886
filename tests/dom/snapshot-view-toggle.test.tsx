import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotViewToggle, useSnapshotView } from '../../renderer/library/page-view/SnapshotViewToggle';

function Harness() {
  const [view, setView] = useSnapshotView();
  return (
    <>
      <SnapshotViewToggle view={view} onChange={setView} />
      <p>Showing the {view} view</p>
    </>
  );
}

afterEach(() => window.localStorage.clear());

describe('the Page view / Text view toggle', () => {
  it('starts on the text view, says which view is pressed, and remembers the choice for the next source', () => {
    const first = render(<Harness />);
    expect(screen.getByRole('button', { name: 'Text view' }).getAttribute('aria-pressed')).toBe('true');
    expect(
      Array.from(screen.getByRole('group', { name: 'Show the snapshot as' }).querySelectorAll('button'), (button) => button.textContent),
    ).toEqual(['Page view', 'Text view']);
    fireEvent.click(screen.getByRole('button', { name: 'Page view' }));
    expect(screen.getByRole('button', { name: 'Page view' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('paragraph').textContent).toBe('Showing the page view');
    first.unmount();

    render(<Harness />);
    expect(screen.getByRole('button', { name: 'Page view' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('reads an unknown stored value as the text view', () => {
    window.localStorage.setItem('warrant.snapshotView', 'scroll');
    render(<Harness />);
    expect(screen.getByRole('button', { name: 'Text view' }).getAttribute('aria-pressed')).toBe('true');
  });
});
