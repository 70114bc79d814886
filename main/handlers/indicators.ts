import type { INDICATOR_OPERATIONS } from '../../src/contract/operations/indicators';
import type { DomainHandlers, HandlerContext } from './context';

/** Indicators and signposts of key judgements and hypotheses. */
export function indicatorsHandlers({ ws }: HandlerContext): DomainHandlers<typeof INDICATOR_OPERATIONS> {
  return {
    handlers: {
      'indicators.list': ({ of }) => ({ items: ws().indicators.listFor(of) }),
      'indicators.due': ({ status }) => ({ items: ws().indicators.due(status) }),
      'indicators.create': ({ owner, draft }) => ws().indicators.create(owner, draft),
      'indicators.update': ({ id, version, edit }) => ws().indicators.update(id, version, edit),
      'indicators.setSighting': ({ id, version, sighting }) => ws().indicators.setSighting(id, version, sighting),
      'indicators.delete': ({ id }) => {
        ws().indicators.delete(id);
        return { deleted: true as const };
      },
    },
    jobHandlers: {},
  };
}
