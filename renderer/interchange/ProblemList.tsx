import { entryName } from '../../src/interchange/record';
import type { EntryProblem } from '../../src/interchange/schemas';

/** Entries named by key or line, each with what went wrong; all text is shown as text. */
export function ProblemList({ title, problems, count }: { title: string; problems: readonly EntryProblem[]; count: number }) {
  if (count === 0) return null;
  return (
    <section className="problems" aria-label={title}>
      <h3>
        {title} ({count.toLocaleString()})
      </h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.line}-${index}`}>
            {entryName(problem)}: {problem.message}
          </li>
        ))}
      </ul>
      {count > problems.length && <p className="hint">…and {(count - problems.length).toLocaleString()} more.</p>}
    </section>
  );
}
