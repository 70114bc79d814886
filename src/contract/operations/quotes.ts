import { z } from 'zod';
import { RecordId, Timestamp } from '../../domain/fields';
import { QuoteDraftSchema, QuoteSchema } from '../../domain/quote';
import { command, query } from '../define';
import { EditVersion, formBase } from './shared';

/** Quotes from sources. */
export const QUOTES_OPERATIONS = {
  'quotes.list': query(
    'Quotes of one source (in text order) or of the library (newest first), optionally by tag.',
    z
      .object({
        sourceId: RecordId.optional(),
        tagId: RecordId.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(QuoteSchema), total: z.number().int() }),
  ),
  'quotes.get': query('One quote, with its integrity check.', z.object({ id: RecordId }).strict(), QuoteSchema),
  'quotes.create': command(
    'Save a quote, typed or selected in the snapshot.',
    z.object({ draft: QuoteDraftSchema.strict() }).strict(),
    QuoteSchema,
  ),
  'quotes.update': command(
    'Replace the editable fields of a quote, if it is still at `version` (else a conflict carrying the stored quote). With `base` (what the form loaded), only the fields the draft changed from it are written, over a newer version too; a field changed on both sides is a conflict.',
    z.object({ id: RecordId, version: EditVersion, draft: QuoteDraftSchema.strict(), base: formBase(QuoteDraftSchema.strict()) }).strict(),
    QuoteSchema,
  ),
  'quotes.delete': command(
    'Move a quote to the trash.',
    z.object({ id: RecordId }).strict(),
    z.object({ id: RecordId, deletedAt: Timestamp }),
  ),
} as const;
