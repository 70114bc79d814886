import { useSyncExternalStore } from 'react';
import type { TradecraftProblem } from '../../src/tradecraft';
import type { JudgementStore } from '../editor';
import { ArgumentMap } from '../judgements';
import type { ArgumentTarget } from '../../src/judgement/argument-layout';
import { ModalDialog } from '../shell/ModalDialog';

/**
 * The argument picture of the open briefing: each key judgement with its evidence around it. A
 * judgement opens its block; a quote or source opens it in the library.
 */
export function ArgumentDialog({
  judgements,
  problems,
  onClose,
  onOpenJudgement,
  onOpenItem,
}: {
  judgements: JudgementStore;
  problems: readonly TradecraftProblem[];
  onClose: () => void;
  onOpenJudgement: (judgementId: string) => void;
  onOpenItem: (sourceId: string, quoteId: string | null) => void;
}) {
  useSyncExternalStore(judgements.subscribe, () => judgements.revision());
  const ordered = judgements.inOrder();
  const open = (target: ArgumentTarget): void => {
    onClose();
    if (target.kind === 'judgement') {
      onOpenJudgement(target.judgementId);
      return;
    }
    const link = judgements.get(target.judgementId)?.evidence.find((candidate) => candidate.id === target.linkId);
    const sourceId = target.kind === 'source' ? target.id : link?.item.sourceId;
    if (sourceId) onOpenItem(sourceId, target.kind === 'quote' ? target.id : null);
  };
  return (
    <ModalDialog title="Argument picture" onRequestClose={onClose} className="argument-dialog">
      <p className="muted">
        Supporting evidence is drawn on the left in green, contradicting on the right in red and dashed; judgements on thin ground are
        marked.
      </p>
      <ArgumentMap judgements={ordered} problems={problems} yardstick={judgements.yardstick()} onOpen={open} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
