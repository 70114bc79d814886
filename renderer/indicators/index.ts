// What the indicators feature offers: the due list (a view) and the sections the judgement's
// evidence panel and the matrix view mount.
import './indicators.css';
export { HypothesisIndicators, JudgementIndicators } from './IndicatorSection';
export { IndicatorsView } from './IndicatorsView';
