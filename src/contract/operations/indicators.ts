import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import {
  INDICATOR_STATUS_FILTERS,
  IndicatorDraftSchema,
  IndicatorOwnerRefSchema,
  IndicatorSchema,
  IndicatorSightingSchema,
} from '../../domain/indicator';
import { command, query } from '../define';
import { EditVersion } from './shared';

const IndicatorList = z.object({ items: z.array(IndicatorSchema) });

/** Indicators and signposts: what would be seen if a key judgement or hypothesis were true or false. */
export const INDICATOR_OPERATIONS = {
  'indicators.list': query(
    'The indicators of one key judgement, or of every hypothesis of one matrix; earliest review first.',
    z
      .object({
        of: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('judgement'), id: RecordId }).strict(),
          z.object({ kind: z.literal('matrix'), id: RecordId }).strict(),
        ]),
      })
      .strict(),
    IndicatorList,
  ),
  'indicators.due': query(
    'Every indicator across briefings and matrices, earliest review first, optionally only the seen or not yet seen.',
    z.object({ status: z.enum(INDICATOR_STATUS_FILTERS).default('all') }).strict(),
    IndicatorList,
  ),
  'indicators.create': command(
    'Add an indicator to a key judgement or a hypothesis.',
    z.object({ owner: IndicatorOwnerRefSchema, draft: IndicatorDraftSchema }).strict(),
    IndicatorSchema,
  ),
  'indicators.update': command(
    'Change what an indicator says, its direction, review date or notes, if it is still at `version`.',
    z.object({ id: RecordId, version: EditVersion, edit: IndicatorDraftSchema }).strict(),
    IndicatorSchema,
  ),
  'indicators.setSighting': command(
    'Mark an indicator seen on a day, with the quote or source it was seen in, or (null) not yet seen; if it is still at `version`.',
    z.object({ id: RecordId, version: EditVersion, sighting: IndicatorSightingSchema }).strict(),
    IndicatorSchema,
  ),
  'indicators.delete': command('Delete an indicator.', z.object({ id: RecordId }).strict(), z.object({ deleted: z.literal(true) })),
} as const;
