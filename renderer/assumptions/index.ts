export { AssumptionsPanel } from './AssumptionsPanel';
export { JudgementAssumptions } from './JudgementAssumptions';
