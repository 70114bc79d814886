// What library interchange offers other features: the library's import/export toolbar and the
// progress line export dialogs share.
export { InterchangeToolbar } from './InterchangeToolbar';
export { JobProgress } from './JobProgress';
