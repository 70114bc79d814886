// What the briefings feature offers the app frame: its view (loaded when first opened).
export { BriefingsView } from './BriefingsView';
