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
