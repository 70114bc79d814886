import { diffLines } from '../../src/briefing/diff';

/** A line diff of a revision's text against another text: struck through only in the revision, underlined only in the other. */
export function RevisionDiff({
  revisionText,
  otherText,
  label = 'Differences from the current text',
}: {
  revisionText: string;
  otherText: string;
  label?: string;
}) {
  return (
    <div className="revision-diff" aria-label={label} tabIndex={0}>
      {diffLines(revisionText, otherText).map((part, index) =>
        part.op === 'same' ? (
          <p key={index}>{part.lines.join('\n')}</p>
        ) : part.op === 'removed' ? (
          <p key={index}>
            <del>{part.lines.join('\n')}</del>
          </p>
        ) : (
          <p key={index}>
            <ins>{part.lines.join('\n')}</ins>
          </p>
        ),
      )}
    </div>
  );
}
