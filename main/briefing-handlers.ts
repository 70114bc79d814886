import type { BRIEFING_OPERATIONS } from '../src/contract/briefing-operations';
import type { Handlers } from '../src/contract/handlers';
import type { Workspace } from '../db/workspace';
import type { UploadStore } from './uploads';

type BriefingHandlers = Pick<Handlers, keyof typeof BRIEFING_OPERATIONS>;

/** Wires the briefing operations to the open workspace. */
export function briefingHandlers(ws: () => Workspace, uploads: UploadStore): BriefingHandlers {
  return {
    'productTypes.list': () => ({ items: ws().productTypes.list() }),
    'productTypes.create': (draft) => ws().productTypes.create(draft),
    'briefings.list': (query) => ({ items: ws().briefings.list(query) }),
    'briefings.get': ({ id }) => ws().briefings.get(id),
    'briefings.create': ({ title, typeId }) => {
      const settings = ws().settings.get();
      return ws().briefings.create({ title, typeId, author: settings.analystName, marking: settings.defaultMarking, date: new Date().toISOString().slice(0, 10) });
    },
    'briefings.updateMeta': ({ id, meta }) => ws().briefings.updateMeta(id, meta),
    'briefings.saveBody': (save) => ws().briefings.saveBody(save),
    'briefings.delete': ({ id }) => ({ id, deletedAt: ws().briefings.trash(id) }),
    'briefings.revisions': ({ briefingId }) => ({ items: ws().revisions.list(briefingId) }),
    'briefings.revision': ({ id }) => ws().revisions.get(id),
    'briefings.snapshot': ({ briefingId, name }) => ws().revisions.snapshot(briefingId, name),
    'briefings.restoreRevision': ({ id }) => ws().briefings.get(ws().revisions.restore(id).briefingId),
    'briefings.citations': ({ refs }) => ({ items: ws().citations.resolve(refs) }),
    'briefings.addImage': ({ briefingId, uploadId }) => ws().images.add(briefingId, uploads.take(uploadId).bytes),
    'briefings.image': ({ id }) => {
      const image = ws().images.get(id);
      return { mediaType: image.mediaType, base64: Buffer.from(image.bytes).toString('base64') };
    },
  };
}
