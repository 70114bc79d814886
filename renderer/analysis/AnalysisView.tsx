import './analysis.css';
import { MatrixList } from './MatrixList';
import { MatrixView } from './MatrixView';

/** Structured analysis: the list of ACH matrices, or one matrix. */
export function AnalysisView({ matrixId }: { matrixId: string | null }) {
  return matrixId === null ? <MatrixList /> : <MatrixView key={matrixId} matrixId={matrixId} />;
}
