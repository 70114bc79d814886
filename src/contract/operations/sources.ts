import { z } from 'zod';
import { RecordId, Timestamp } from '../../domain/fields';
import { SnapshotInfoSchema } from '../../domain/snapshot';
import { SourceDraftSchema, SourceLinkSchema, SourceListQuerySchema, SourcePageSchema, SourceSchema } from '../../domain/source';
import { TagPathSchema } from '../../domain/tag';
import { command, query } from '../define';
import { EditVersion, formBase } from './shared';

/** Sources and the derived-from links between them. */
export const SOURCES_OPERATIONS = {
  'sources.list': query('One page of sources, sorted.', SourceListQuerySchema.strict(), SourcePageSchema),
  'sources.get': query('One source by id.', z.object({ id: RecordId }).strict(), SourceSchema),
  'sources.create': command(
    'Create a source (it starts ungraded unless a grade is given), with its tags (made if new) and derived-from links, all or nothing.',
    z
      .object({
        draft: SourceDraftSchema.strict(),
        tagPaths: z.array(TagPathSchema).max(50, 'Give at most 50 tags at once.').default([]),
        derivedFrom: z.array(RecordId).max(20, 'Link at most 20 sources at once.').default([]),
      })
      .strict(),
    SourceSchema,
  ),
  'sources.update': command(
    'Replace the editable fields of a source, if it is still at `version` (else a conflict carrying the stored source). With `base` (what the form loaded), only the fields the draft changed from it are written, over a newer version too; a field changed on both sides is a conflict.',
    z
      .object({ id: RecordId, version: EditVersion, draft: SourceDraftSchema.strict(), base: formBase(SourceDraftSchema.strict()) })
      .strict(),
    SourceSchema,
  ),
  'sources.delete': command(
    'Move a source to the trash.',
    z.object({ id: RecordId }).strict(),
    z.object({ id: RecordId, deletedAt: Timestamp }),
  ),

  'sources.detail': query(
    'A source with its snapshot details, derived-from links both ways and quote count.',
    z.object({ id: RecordId }).strict(),
    z.object({
      source: SourceSchema,
      snapshot: SnapshotInfoSchema.nullable(),
      derivedFrom: z.array(SourceLinkSchema),
      reportedBy: z.array(SourceLinkSchema),
      quoteCount: z.number().int(),
    }),
  ),
  'sources.link': command(
    'Mark a source as reporting on / derived from another.',
    z.object({ sourceId: RecordId, originId: RecordId }).strict(),
    z.object({ linked: z.literal(true) }),
  ),
  'sources.unlink': command(
    'Remove a derived-from link.',
    z.object({ sourceId: RecordId, originId: RecordId }).strict(),
    z.object({ unlinked: z.literal(true) }),
  ),
} as const;
