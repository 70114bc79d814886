// What the team feature offers the app frame: its view (loaded when first opened).
export { TeamView } from './TeamView';
