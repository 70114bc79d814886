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

/**
 * Fetches those parts once the first paint is done and the page is idle, so the first "New source"
 * (Alt+N and straight to typing) opens with its title field ready instead of after a fetch.
 */
export function warmLibraryParts(): () => void {
  const warm = (): void => {
    void import('./SourceForm');
    void import('./SourceDetail');
  };
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(warm, { timeout: 3_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(warm, 1_000);
  return () => window.clearTimeout(timer);
}
