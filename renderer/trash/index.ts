// What the trash feature offers the app frame: its view (loaded when first opened).
export { TrashView } from './TrashView';
