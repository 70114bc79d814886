import { strandsTouching } from '../../src/judgement/independence';
import type { JUDGEMENT_OPERATIONS } from '../../src/contract/operations/judgements';
import type { DomainHandlers, HandlerContext } from './context';

/** Wires the key-judgement operations to the open workspace. */
export function judgementsHandlers({ ws }: HandlerContext): DomainHandlers<typeof JUDGEMENT_OPERATIONS> {
  const handlers: DomainHandlers<typeof JUDGEMENT_OPERATIONS>['handlers'] = {
    'judgements.list': ({ briefingId }) => {
      const listed = ws().judgements.list(briefingId);
      const sources = listed.items.flatMap((judgement) =>
        judgement.evidence.map((link) => link.item.sourceId).filter((id): id is string => id !== null),
      );
      return { ...listed, derivations: strandsTouching(sources, ws().evidence.derivations()) };
    },
    'judgements.get': ({ id }) => ws().judgements.get(id),
    'judgements.create': ({ briefingId, draft }) =>
      ws().judgements.create(briefingId, {
        statement: draft.statement ?? '',
        likelihood: draft.likelihood ?? null,
        confidence: draft.confidence ?? null,
        rationale: draft.rationale ?? '',
      }),
    'judgements.update': ({ id, draft, baseVersion, editSession }) => ws().judgements.update(id, draft, baseVersion, editSession ?? null),
    'judgements.reorder': ({ briefingId, ids, baseOrder }) => {
      ws().judgements.reorder(briefingId, ids, baseOrder);
      return { reordered: true as const };
    },
    'judgements.delete': ({ id, baseVersion }) => ({ id, deletedAt: ws().judgements.trash(id, baseVersion) }),
    'judgements.link': ({ judgementId, item, link }) => ws().evidence.link(judgementId, item, link),
    'judgements.updateLink': ({ id, link }) => ws().evidence.update(id, link),
    'judgements.unlink': ({ id }) => {
      ws().evidence.unlink(id);
      return { unlinked: true as const };
    },
    'judgements.changes': ({ judgementId }) => {
      ws().judgements.row(judgementId);
      return { items: ws().judgementChanges.list(judgementId) };
    },
    'judgements.usedIn': (ref) => ws().backLinks.usedIn(ref),
    'judgements.ofRevision': ({ revisionId }) => {
      const items = ws().revisions.judgementsOf(revisionId);
      return { captured: items !== null, items: items ?? [] };
    },
  };
  return { handlers, jobHandlers: {} };
}
