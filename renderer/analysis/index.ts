// What the analysis feature offers the app frame: its view (loaded when first opened).
export { AnalysisView } from './AnalysisView';
