import type { ASSUMPTIONS_OPERATIONS } from '../../src/contract/operations/assumptions';
import type { DomainHandlers, HandlerContext } from './context';

/** Key Assumptions Check. */
export function assumptionsHandlers({ ws }: HandlerContext): DomainHandlers<typeof ASSUMPTIONS_OPERATIONS> {
  return {
    handlers: {
      'assumptions.list': ({ briefingId }) => ({ items: ws().assumptions.list(briefingId) }),
      'assumptions.forJudgement': ({ judgementId }) => ({ items: ws().assumptions.forJudgement(judgementId) }),
      'assumptions.create': ({ briefingId, draft }) => ws().assumptions.create(briefingId, draft),
      'assumptions.update': ({ id, baseVersion, draft }) => ws().assumptions.update(id, baseVersion, draft),
      'assumptions.delete': ({ id, baseVersion }) => {
        ws().assumptions.delete(id, baseVersion);
        return { deleted: true as const };
      },
      'assumptions.link': ({ assumptionId, judgementId }) => ws().assumptions.link(assumptionId, judgementId),
      'assumptions.unlink': ({ assumptionId, judgementId }) => ws().assumptions.unlink(assumptionId, judgementId),
    },
    jobHandlers: {},
  };
}
