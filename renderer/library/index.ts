// What the library offers other features: its view (and its first reads, which the page's start
// asks ahead of it), and the tag and form pieces the briefing, settings and tags views reuse.
export { FormField } from './FormField';
export { LibraryView } from './LibraryView';
export { TagChips } from './TagChips';
export { TagPathForm } from './TagPathForm';
export { useTags } from './useTags';
export { prefetchLibrary } from './useSourceRows';
