import type { ACH_OPERATIONS } from '../../src/contract/operations/ach';
import type { DomainHandlers, HandlerContext } from './context';

/** Analysis of Competing Hypotheses. */
export function achHandlers({ ws }: HandlerContext): DomainHandlers<typeof ACH_OPERATIONS> {
  return {
    handlers: {
      'ach.list': ({ briefingId }) => ({ items: ws().ach.list(briefingId) }),
      'ach.get': ({ id }) => ws().ach.get(id),
      'ach.create': ({ title, question, briefingId, hypotheses }) => ws().ach.create(title, question, briefingId, hypotheses),
      'ach.update': ({ id, version, title, question }) => ws().ach.update(id, version, title, question),
      'ach.delete': ({ id }) => {
        ws().ach.delete(id);
        return { deleted: true as const };
      },
      'ach.addHypothesis': ({ matrixId, text }) => ws().ach.addHypothesis(matrixId, text),
      'ach.updateHypothesis': ({ id, version, text }) => ws().ach.updateHypothesis(id, version, text),
      'ach.removeHypothesis': ({ id }) => ws().ach.removeHypothesis(id),
      'ach.addItem': ({ matrixId, item }) => ws().ach.addItem(matrixId, item),
      'ach.updateItem': ({ id, version, edit }) => ws().ach.updateItem(id, version, edit),
      'ach.removeItem': ({ id }) => ws().ach.removeItem(id),
      'ach.rate': ({ matrixId, itemId, hypothesisId, rating, expected }) => ws().ach.rate(matrixId, itemId, hypothesisId, rating, expected),
    },
    jobHandlers: {},
  };
}
