import type { BRIEFING_OPERATIONS } from '../../src/contract/operations/briefings';
import type { DomainHandlers, HandlerContext } from './context';

/** How long typing must pause before the word index catches up with the autosaves. */
const INDEX_AFTER_IDLE_MS = 2_000;

/** Wires the briefing operations to the open workspace. */
export function briefingsHandlers({ ws, uploads }: HandlerContext): DomainHandlers<typeof BRIEFING_OPERATIONS> {
  let indexTimer: NodeJS.Timeout | undefined;
  const indexWhenIdle = (): void => {
    clearTimeout(indexTimer);
    indexTimer = setTimeout(() => {
      // The workspace may have been closed or switched meanwhile: the next search catches up instead.
      try {
        ws().briefings.indexPending();
      } catch {
        /* nothing to index into */
      }
    }, INDEX_AFTER_IDLE_MS);
    indexTimer.unref();
  };
  const handlers: DomainHandlers<typeof BRIEFING_OPERATIONS>['handlers'] = {
    'productTypes.list': () => ({ items: ws().productTypes.list() }),
    'productTypes.create': (draft) => ws().productTypes.create(draft),
    'briefings.list': (query) => ({ items: ws().briefings.list(query) }),
    'briefings.get': ({ id }) => ws().briefings.get(id),
    'briefings.create': ({ title, typeId }) => {
      const settings = ws().settings.get();
      const today = new Date().toISOString().slice(0, 10);
      // A product page needs its reference and cut-off: both start filled in, and stay editable.
      return ws().briefings.create({
        title,
        typeId,
        author: settings.analystName,
        marking: settings.defaultMarking,
        date: today,
        cutoffDate: today,
        proposeReference: true,
      });
    },
    'briefings.updateMeta': ({ id, meta, baseVersion }) => ws().briefings.updateMeta(id, meta, baseVersion),
    'briefings.saveBody': ({ baseVersion, ...save }) => {
      const saved = ws().briefings.saveBody(save, baseVersion);
      indexWhenIdle();
      return saved;
    },
    'briefings.delete': ({ id }) => ({ id, deletedAt: ws().briefings.trash(id) }),
    'briefings.revisions': ({ briefingId }) => ({ items: ws().revisions.list(briefingId) }),
    'briefings.revision': ({ id }) => ws().revisions.get(id),
    'briefings.snapshot': ({ briefingId, name }) => ws().revisions.snapshot(briefingId, name),
    'briefings.keepText': ({ briefingId, name, body, bodyText, wordCount }) =>
      ws().revisions.keepText(briefingId, name, { body, bodyText, wordCount }),
    'briefings.restoreRevision': ({ id, baseVersion }) =>
      ws().briefings.get(ws().revisions.restore(id, baseVersion, (briefingId) => ws().briefings.get(briefingId)).briefingId),
    'briefings.citations': ({ refs }) => ({ items: ws().citations.resolve(refs) }),
    'briefings.addImage': ({ briefingId, uploadId }) => ws().images.add(briefingId, uploads.take(uploadId).bytes),
    'briefings.image': ({ id }) => {
      const image = ws().images.get(id);
      return { mediaType: image.mediaType, base64: Buffer.from(image.bytes).toString('base64') };
    },
  };
  return { handlers, jobHandlers: {} };
}
