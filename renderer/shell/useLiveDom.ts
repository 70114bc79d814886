import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps one element up to date by writing to it directly when `subscribe` says its value
 * changed, without a React commit. Every commit while the caret is in the editor makes React
 * read the selection's offsets through the whole document (about 4 ms at 50,000 words), so
 * values that change while the analyst types (save states) paint this way. Pass stable
 * functions (module-level or memoised): a new one re-subscribes.
 */
export function useLiveDom<T, E extends HTMLElement>(
  subscribe: (onChange: () => void) => () => void,
  read: () => T,
  paint: (element: E, value: T) => void,
): RefObject<E | null> {
  const ref = useRef<E | null>(null);
  useEffect(() => {
    const update = (): void => {
      if (ref.current) paint(ref.current, read());
    };
    update();
    return subscribe(update);
  }, [subscribe, read, paint]);
  return ref;
}
