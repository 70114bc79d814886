// What the tags feature offers the app frame: its view (loaded when first opened).
export { TagsView } from './TagsView';
