import { useState } from 'react';
import { routeHash } from '../app/routes';
import { errorMessage } from '../app/error-message';
import { useContractQuery } from '../data/useContractQuery';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { NewMatrixDialog } from './NewMatrixDialog';
import { When } from '../shell/When';

/** Every matrix of the workspace, latest change first, and the way to start one. */
export function MatrixList() {
  const list = useContractQuery('ach.list', {});
  const [creating, setCreating] = useState(false);
  useCommandHandler('analysis.newMatrix', () => setCreating(true));
  const matrices = list.data?.items ?? [];
  return (
    <section className="view" aria-labelledby="analysis-heading">
      <header className="view-header">
        <h1 id="analysis-heading">Analysis of competing hypotheses</h1>
        <button type="button" className="primary" {...shortcutProps('analysis.newMatrix', 'New matrix')} onClick={() => setCreating(true)}>
          New matrix…
        </button>
      </header>
      <p className="ach-intro">
        Set hypotheses that exclude each other against the evidence, rate each item against each hypothesis, and let the inconsistencies
        rank them: the hypothesis with the least evidence against it leads (Heuer, <i>Psychology of Intelligence Analysis</i>, ch. 8).
      </p>
      {list.error && <p role="alert">{errorMessage(list.error)}</p>}
      {list.isSuccess && matrices.length === 0 && (
        <p className="empty-state">No matrices yet. Start one for the question a briefing answers, with two or more hypotheses.</p>
      )}
      {matrices.length > 0 && (
        <table className="sources-table" aria-label="Matrices">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Question</th>
              <th scope="col">Hypotheses</th>
              <th scope="col">Evidence items</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {matrices.map((matrix) => (
              <tr key={matrix.id}>
                <td>
                  <a href={routeHash({ view: 'matrix', matrixId: matrix.id })}>{matrix.title}</a>
                </td>
                <td>{matrix.question}</td>
                <td>{matrix.hypotheses}</td>
                <td>{matrix.items}</td>
                <td>
                  <When iso={matrix.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewMatrixDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
