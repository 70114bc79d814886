import { loadOnFirstUse } from '../shell/LoadBoundary';

// A source's page and the source form load when first opened, not with the library's list: they
// bring the snapshot viewers and the zod schemas the forms check with, none of which the first
// paint of the list needs.
export const SourceDetail = loadOnFirstUse(
  () => import('./SourceDetail'),
  (m) => m.SourceDetail,
);
export const SourceForm = loadOnFirstUse(
  () => import('./SourceForm'),
  (m) => m.SourceForm,
);

/** How long after the library first shows its other parts are fetched. */
const WARM_AFTER_MS = 1_500;

/**
 * Fetches those parts a moment after the library first shows, when the page is idle, so the first
 * "New source" (Alt+N and straight to typing) opens with its title field ready instead of after a
 * fetch. Not at once: compiling them (and zod) in the first idle moment held up the analyst's
 * first click by tens of milliseconds; a first action sooner than this loads them itself.
 */
export function warmLibraryParts(): () => void {
  let idle: number | null = null;
  const warm = (): void => {
    void import('./SourceForm');
    void import('./SourceDetail');
  };
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(warm, { timeout: 3_000 });
    else warm();
  }, WARM_AFTER_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== null) window.cancelIdleCallback(idle);
  };
}
