import { z } from 'zod';
import { AssumptionBasisSchema, AssumptionDraftSchema, AssumptionSchema } from '../../domain/assumption';
import { RecordId } from '../../domain/fields';
import { command, query } from '../define';
import { EditVersion } from './shared';

const LinkInput = z.object({ assumptionId: RecordId, judgementId: RecordId }).strict();

/** Key Assumptions Check: each briefing's register of assumptions and the judgements resting on them. */
export const ASSUMPTIONS_OPERATIONS = {
  'assumptions.list': query(
    'A briefing’s key assumptions in order, each with its status, caveat and the judgements that rest on it.',
    z.object({ briefingId: RecordId }).strict(),
    z.object({ items: z.array(AssumptionSchema) }),
  ),
  'assumptions.forJudgement': query(
    'The assumptions a key judgement rests on, with their statuses and caveats.',
    z.object({ judgementId: RecordId }).strict(),
    z.object({ items: z.array(AssumptionBasisSchema) }),
  ),
  'assumptions.create': command(
    'Add an assumption to a briefing’s register (at the end).',
    z.object({ briefingId: RecordId, draft: AssumptionDraftSchema }).strict(),
    AssumptionSchema,
  ),
  'assumptions.update': command(
    'Replace an assumption’s words, reasons, status, caveat and what would show it wrong, if it is still at `baseVersion`.',
    z.object({ id: RecordId, baseVersion: EditVersion, draft: AssumptionDraftSchema }).strict(),
    AssumptionSchema,
  ),
  'assumptions.delete': command(
    'Delete an assumption and its links to judgements, unless it changed since `baseVersion`.',
    z.object({ id: RecordId, baseVersion: EditVersion }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  'assumptions.link': command('Record that a key judgement of the same briefing rests on the assumption.', LinkInput, AssumptionSchema),
  'assumptions.unlink': command('Record that a key judgement no longer rests on the assumption.', LinkInput, AssumptionSchema),
} as const;
