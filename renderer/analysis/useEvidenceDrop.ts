import { useCallback, useState, type DragEvent } from 'react';
import { CitationRefSchema, type CitationRef } from '../../src/domain/briefing';
import { errorMessage } from '../app/error-message';
import { useCommand } from '../data/mutations';
import { CITATION_MIME } from '../editor';
import { useToast } from '../shell/useToast';

/** What was dropped, if it is a quote or source dragged from the library panel; anything else is ignored. */
function droppedRef(event: DragEvent): CitationRef | null {
  try {
    const parsed = CitationRefSchema.safeParse(JSON.parse(event.dataTransfer.getData(CITATION_MIME)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Adding a quote or source to a matrix, by its Add button or by dropping it on the grid as a
 * citation is dropped in a briefing. The item's credibility comes from its Admiralty grades (the
 * repository derives it), so nothing is asked here.
 */
export function useEvidenceDrop(matrixId: string): {
  add: (ref: CitationRef) => void;
  dropTarget: { onDragOver: (event: DragEvent) => void; onDragLeave: () => void; onDrop: (event: DragEvent) => void };
  over: boolean;
} {
  const command = useCommand();
  const toast = useToast();
  const [over, setOver] = useState(false);
  const add = useCallback(
    (ref: CitationRef): void => {
      command('ach.addItem', { matrixId, item: { kind: ref.kind, targetId: ref.id } }).catch((error: unknown) =>
        toast({ message: errorMessage(error), tone: 'error' }),
      );
    },
    [command, matrixId, toast],
  );
  const dropTarget = {
    onDragOver: (event: DragEvent): void => {
      if (!event.dataTransfer.types.includes(CITATION_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: (): void => setOver(false),
    onDrop: (event: DragEvent): void => {
      setOver(false);
      const ref = droppedRef(event);
      if (!ref) return;
      event.preventDefault();
      add(ref);
    },
  };
  return { add, dropTarget, over };
}
