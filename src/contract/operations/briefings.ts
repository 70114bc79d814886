import { z } from 'zod';
import {
  BodySaveSchema,
  BriefingListQuerySchema,
  BriefingMetaSchema,
  BriefingSchema,
  BriefingSummarySchema,
  CitationRefSchema,
  CitationTargetSchema,
  MAX_BRIEFING_TITLE,
  ProductTypeDraftSchema,
  ProductTypeSchema,
  RevisionSchema,
  RevisionSummarySchema,
} from '../../domain/briefing';
import { RecordId, Timestamp } from '../../domain/fields';
import { command, query } from '../define';

const ById = z.object({ id: RecordId }).strict();

/** The version a write started from; a stale one is refused with `conflict` and nothing is written. */
const BaseVersion = z.number().int().min(0);

/** The briefing part of the contract (spread into `operations`). */
export const BRIEFING_OPERATIONS = {
  'productTypes.list': query(
    'Product types with their word limits and templates.',
    z.object({}).strict(),
    z.object({ items: z.array(ProductTypeSchema) }),
  ),
  'productTypes.create': command(
    'Add a product type with its limit and template sections.',
    ProductTypeDraftSchema.strict(),
    ProductTypeSchema,
  ),

  'briefings.list': query(
    'Briefings, sorted and filtered (the body is not included).',
    BriefingListQuerySchema.strict(),
    z.object({ items: z.array(BriefingSummarySchema) }),
  ),
  'briefings.get': query('One briefing with its stored body.', ById, BriefingSchema),
  'briefings.create': command(
    'Create a briefing from its product type’s template (author and marking from Settings; date and information cut-off today; a reference number proposed from the type and date).',
    z.object({ title: z.string().trim().min(1, 'Give the briefing a title.').max(MAX_BRIEFING_TITLE), typeId: RecordId }).strict(),
    BriefingSchema,
  ),
  'briefings.updateMeta': command(
    'Replace a briefing’s metadata (a status change keeps a revision); `baseVersion` is the `metaVersion` it started from.',
    z.object({ id: RecordId, meta: BriefingMetaSchema.strict(), baseVersion: BaseVersion }).strict(),
    BriefingSchema,
  ),
  'briefings.saveBody': command(
    'Save the editor body, its plain text and word count, in one transaction; `baseVersion` is the body `version` it started from.',
    BodySaveSchema.extend({ baseVersion: BaseVersion }).strict(),
    z.object({ version: z.number().int(), updatedAt: Timestamp }),
  ),
  'briefings.delete': command('Move a briefing to the trash.', ById, z.object({ id: RecordId, deletedAt: Timestamp })),

  'briefings.revisions': query(
    'A briefing’s revisions, newest first.',
    z.object({ briefingId: RecordId }).strict(),
    z.object({ items: z.array(RevisionSummarySchema) }),
  ),
  'briefings.revision': query('One revision with its text.', ById, RevisionSchema),
  'briefings.snapshot': command(
    'Keep the current text as a named revision.',
    z.object({ briefingId: RecordId, name: z.string().trim().min(1, 'Name the revision.').max(200) }).strict(),
    RevisionSummarySchema,
  ),
  'briefings.keepText': command(
    'Keep text that is not the current body (an editor’s text that lost a conflict) as a named revision; the body is not touched.',
    BodySaveSchema.omit({ id: true })
      .extend({ briefingId: RecordId, name: z.string().trim().min(1, 'Name the revision.').max(200) })
      .strict(),
    RevisionSummarySchema,
  ),
  'briefings.restoreRevision': command(
    'Make a revision’s text current again (recorded as a new revision); `baseVersion` is the body `version` it started from.',
    z.object({ id: RecordId, baseVersion: BaseVersion }).strict(),
    BriefingSchema,
  ),

  'briefings.citations': query(
    'The quotes and sources citations point at, with their state.',
    z.object({ refs: z.array(CitationRefSchema).max(5000) }).strict(),
    z.object({ items: z.array(CitationTargetSchema) }),
  ),
  'briefings.addImage': command(
    'Store an uploaded image inside the workspace for a briefing.',
    z.object({ briefingId: RecordId, uploadId: z.string().min(1).max(64) }).strict(),
    z.object({ imageId: RecordId, mediaType: z.string() }),
  ),
  'briefings.image': query('An image’s bytes (base64) and type.', ById, z.object({ mediaType: z.string(), base64: z.string() })),
} as const;
