import { useState } from 'react';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useReadNow, type ReadNow } from '../data/useContractQuery';
import { useToast } from '../shell/useToast';

/** A deletion waiting for the analyst to confirm it, with the places the item is used. */
export interface PendingDelete<T> {
  item: T;
  usedIn: string[];
}

const quoted = (items: { title: string }[]): string => items.map((item) => `“${item.title}”`).join(', ');
const count = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** "it is derived from “A”", "“B” and “C” are derived from it", "it is cited in 2 briefings", … */
export async function sourceUses(read: ReadNow, source: Source): Promise<string[]> {
  const [detail, used] = await Promise.all([
    read('sources.detail', { id: source.id }),
    read('judgements.usedIn', { kind: 'source', id: source.id }),
  ]);
  const judgements = new Set(used.judgements.map((item) => item.judgementId)).size;
  return [
    ...(detail.derivedFrom.length > 0 ? [`it is derived from ${quoted(detail.derivedFrom)}`] : []),
    ...(detail.reportedBy.length > 0
      ? [`${quoted(detail.reportedBy)} ${detail.reportedBy.length === 1 ? 'is' : 'are'} derived from it`]
      : []),
    ...(used.briefings.length > 0 ? [`it is cited in ${count(used.briefings.length, 'briefing', 'briefings')}`] : []),
    ...(judgements > 0 ? [`${count(judgements, 'key judgement links', 'key judgements link')} it or its quotes`] : []),
  ];
}

/** "it is cited in “Visits to Tokyo”", "1 key judgement links it". */
export async function quoteUses(read: ReadNow, quote: Quote): Promise<string[]> {
  const used = await read('judgements.usedIn', { kind: 'quote', id: quote.id });
  const judgements = new Set(used.judgements.map((item) => item.judgementId)).size;
  return [
    ...(used.briefings.length > 0 ? [`it is cited in ${quoted(used.briefings)}`] : []),
    ...(judgements > 0 ? [`${count(judgements, 'key judgement links', 'key judgements link')} it`] : []),
  ];
}

/**
 * Deleting an item that other records point at asks first and names them; deleting one that
 * nothing uses goes straight to the trash (with Undo), as before.
 */
export function useLinkedDeleteCheck<T>(
  whereUsed: (read: ReadNow, item: T) => Promise<string[]>,
  remove: (item: T) => Promise<void> | void,
): {
  pending: PendingDelete<T> | null;
  request: (item: T) => void;
  confirm: () => void;
  cancel: () => void;
} {
  const read = useReadNow();
  const toast = useToast();
  const [pending, setPending] = useState<PendingDelete<T> | null>(null);
  const request = (item: T): void => {
    whereUsed(read, item).then(
      (usedIn) => {
        if (usedIn.length === 0) void remove(item);
        else setPending({ item, usedIn });
      },
      (failure: unknown) => toast({ message: errorMessage(failure), tone: 'error' }),
    );
  };
  return {
    pending,
    request,
    confirm: () => {
      if (pending) void remove(pending.item);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}
