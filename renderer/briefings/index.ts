// What the briefings feature offers the app frame: its view (loaded when first opened).
export { BriefingsView } from './BriefingsView';
// The library panel, for the ACH matrix to add evidence from as briefings cite it.
export { LibraryPanel } from './LibraryPanel';
