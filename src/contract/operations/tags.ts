import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import { TagColourSchema, TaggableSchema, TagPathSchema, TagSchema } from '../../domain/tag';
import { command, query } from '../define';
import { EditVersion, Empty } from './shared';

/** Tags and tagging. */
export const TAGS_OPERATIONS = {
  'tags.list': query('Every tag with how often it is used.', Empty, z.object({ items: z.array(TagSchema) })),
  'tags.create': command(
    'Create a tag; slashes make a hierarchy (Actor/NATO).',
    z.object({ path: TagPathSchema, color: TagColourSchema.optional() }).strict(),
    TagSchema,
  ),
  'tags.update': command(
    'Rename (children follow) or recolour a tag, if it is still at `version` (else a conflict carrying the stored tag).',
    z.object({ id: RecordId, version: EditVersion, path: TagPathSchema, color: TagColourSchema.optional() }).strict(),
    TagSchema,
  ),
  'tags.merge': command(
    'Fold one tag into another: its items and children move over.',
    z.object({ sourceId: RecordId, targetId: RecordId }).strict(),
    TagSchema,
  ),
  'tags.usage': query(
    'How many live sources and quotes carry a tag.',
    z.object({ id: RecordId }).strict(),
    z.object({ sources: z.number().int(), quotes: z.number().int() }),
  ),
  'tags.delete': command(
    'Delete a tag (items lose it; child tags stay).',
    z.object({ id: RecordId }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  'tags.apply': command(
    'Add or remove tags on many sources and quotes at once.',
    z
      .object({
        tagIds: z.array(RecordId).min(1).max(50),
        items: z.array(TaggableSchema).min(1).max(1000),
        remove: z.boolean().default(false),
      })
      .strict(),
    z.object({ changed: z.number().int() }),
  ),
} as const;
