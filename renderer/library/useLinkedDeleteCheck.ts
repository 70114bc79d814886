import { useState } from 'react';
import type { Source } from '../../src/domain/source';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useToast } from '../shell/useToast';

/** A deletion waiting for the analyst to confirm it, with the places the source is used. */
export interface PendingDelete {
  source: Source;
  usedIn: string[];
}

/** "Derived from “A”, reported on by “B” and “C”": where a source is linked, for the question. */
function describeLinks(derivedFrom: { title: string }[], reportedBy: { title: string }[]): string[] {
  const quoted = (items: { title: string }[]): string => items.map((item) => `“${item.title}”`).join(', ');
  return [...(derivedFrom.length > 0 ? [`it is derived from ${quoted(derivedFrom)}`] : []), ...(reportedBy.length > 0 ? [`${quoted(reportedBy)} ${reportedBy.length === 1 ? 'is' : 'are'} derived from it`] : [])];
}

/** "it is cited in 2 briefings", "3 key judgements link it or its quotes". */
function describeUse(briefings: number, judgements: number): string[] {
  return [
    ...(briefings > 0 ? [`it is cited in ${briefings === 1 ? '1 briefing' : `${briefings} briefings`}`] : []),
    ...(judgements > 0 ? [`${judgements === 1 ? '1 key judgement links' : `${judgements} key judgements link`} it or its quotes`] : []),
  ];
}

/**
 * Deleting a source that other records point at asks first and names them; deleting one that
 * nothing uses goes straight to the trash (with Undo), as before.
 */
export function useLinkedDeleteCheck(remove: (source: Source) => Promise<void>): {
  pending: PendingDelete | null;
  request: (source: Source) => void;
  confirm: () => void;
  cancel: () => void;
} {
  const client = useClient();
  const toast = useToast();
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const request = (source: Source): void => {
    Promise.all([client.call('sources.detail', { id: source.id }), client.call('judgements.usedIn', { kind: 'source', id: source.id })]).then(
      ([detail, used]) => {
        const usedIn = [...describeLinks(detail.derivedFrom, detail.reportedBy), ...describeUse(used.briefings.length, new Set(used.judgements.map((item) => item.judgementId)).size)];
        if (usedIn.length === 0) void remove(source);
        else setPending({ source, usedIn });
      },
      (failure: unknown) => toast({ message: errorMessage(failure), tone: 'error' }),
    );
  };
  return {
    pending,
    request,
    confirm: () => {
      if (pending) void remove(pending.source);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}
