// What the judgements feature offers other features: the argument picture, the confidence advice
// beside a judgement's confidence, and where cited ACH matrices rank the judgements' hypotheses.
export { ArgumentMap } from './ArgumentMap';
export { ConfidenceAdvice } from './ConfidenceAdvice';
export { MatrixCitationPanel } from './MatrixCitationPanel';
export { useMatrixStandings } from './useMatrixStandings';
