import { loadOnFirstUse } from '../shell/LoadBoundary';

// The views past the first one load when first opened. Briefings brings the Lexical editor and
// its plugins, by far the largest part of the renderer; none of it is needed to show the library.
export const BriefingsView = loadOnFirstUse(
  () => import('../briefings'),
  (m) => m.BriefingsView,
);
export const TrashView = loadOnFirstUse(
  () => import('../trash'),
  (m) => m.TrashView,
);
export const SettingsView = loadOnFirstUse(
  () => import('../settings'),
  (m) => m.SettingsView,
);
export const AnalysisView = loadOnFirstUse(
  () => import('../analysis'),
  (m) => m.AnalysisView,
);
export const IndicatorsView = loadOnFirstUse(
  () => import('../indicators'),
  (m) => m.IndicatorsView,
);
export const TeamView = loadOnFirstUse(
  () => import('../team'),
  (m) => m.TeamView,
);
export const TagsView = loadOnFirstUse(
  () => import('../tags'),
  (m) => m.TagsView,
);
