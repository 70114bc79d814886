// What the library offers other features: its view, and the tag and form pieces the briefing,
// settings and tags views reuse.
export { FormField } from './FormField';
export { LibraryView } from './LibraryView';
export { TagChips } from './TagChips';
export { TagPathForm } from './TagPathForm';
export { useTags } from './useTags';
