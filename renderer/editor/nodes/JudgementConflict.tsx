import { CONFIDENCE_LABELS, describeLikelihood, likelihoodTerm, type Judgement, type JudgementDraft } from '../../../src/domain/judgement';
import type { Yardstick } from '../../../src/domain/briefing';

interface JudgementConflictProps {
  yardstick: Yardstick;
  mine: JudgementDraft;
  theirs: Judgement;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

function describe(yardstick: Yardstick, fields: JudgementDraft): string {
  const term = fields.likelihood === null ? null : likelihoodTerm(yardstick, fields.likelihood);
  const likelihood = term ? describeLikelihood(term) : (fields.likelihood ?? 'not set');
  const confidence = fields.confidence ? CONFIDENCE_LABELS[fields.confidence] : 'not set';
  return `“${fields.statement || '(no statement)'}”, likelihood ${likelihood}, confidence ${confidence}, rationale “${fields.rationale || '(none)'}”`;
}

/** Another window saved this judgement first: both versions side by side, and the analyst picks. */
export function JudgementConflict({ yardstick, mine, theirs, onKeepMine, onTakeTheirs }: JudgementConflictProps) {
  return (
    <div className="conflict-box" role="alert" aria-label="Key judgement changed elsewhere">
      <p>
        <strong>Changed elsewhere.</strong> This key judgement was saved in another tab or window while you edited it; your change is not
        saved yet.
      </p>
      <p>Saved elsewhere: {describe(yardstick, theirs)}</p>
      <p>Yours: {describe(yardstick, mine)}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Keep theirs
        </button>
      </div>
    </div>
  );
}
