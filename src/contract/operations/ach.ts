import { z } from 'zod';
import {
  AchHypothesisText,
  AchItemDraftSchema,
  AchItemEditSchema,
  AchMatrixDraftSchema,
  AchMatrixSchema,
  AchMatrixSummarySchema,
  AchMatrixTitle,
  AchQuestion,
  AchRatingSchema,
} from '../../domain/ach';
import { RecordId } from '../../domain/fields';
import { command, query } from '../define';
import { EditVersion } from './shared';

/** Analysis of Competing Hypotheses: matrices of hypotheses against graded evidence. */
export const ACH_OPERATIONS = {
  'ach.list': query(
    'The matrices, latest change first; with a briefing, only the ones that belong to it.',
    z.object({ briefingId: RecordId.nullable().default(null) }).strict(),
    z.object({ items: z.array(AchMatrixSummarySchema) }),
  ),
  'ach.get': query(
    'A matrix with its hypotheses, evidence items (resolved) and ratings.',
    z.object({ id: RecordId }).strict(),
    AchMatrixSchema,
  ),
  'ach.create': command(
    'Start a matrix, optionally for a briefing and with its first hypotheses.',
    AchMatrixDraftSchema.strict(),
    AchMatrixSchema,
  ),
  'ach.update': command(
    'Retitle a matrix or change its question, if it is still at `version`.',
    z.object({ id: RecordId, version: EditVersion, title: AchMatrixTitle, question: AchQuestion }).strict(),
    AchMatrixSchema,
  ),
  'ach.delete': command(
    'Delete a matrix with its hypotheses, items and ratings.',
    z.object({ id: RecordId }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  'ach.addHypothesis': command(
    'Add a hypothesis at the end of a matrix.',
    z.object({ matrixId: RecordId, text: AchHypothesisText }).strict(),
    AchMatrixSchema,
  ),
  'ach.updateHypothesis': command(
    'Reword a hypothesis, if it is still at `version`.',
    z.object({ id: RecordId, version: EditVersion, text: AchHypothesisText }).strict(),
    AchMatrixSchema,
  ),
  'ach.removeHypothesis': command('Remove a hypothesis and its ratings.', z.object({ id: RecordId }).strict(), AchMatrixSchema),
  'ach.addItem': command(
    'Add an evidence item: a stored quote or source, or an argument, assumption or absence of evidence in words.',
    z.object({ matrixId: RecordId, item: AchItemDraftSchema }).strict(),
    AchMatrixSchema,
  ),
  'ach.updateItem': command(
    'Change an item’s relevance, credibility override (with its reason) or words, if it is still at `version`.',
    z.object({ id: RecordId, version: EditVersion, edit: AchItemEditSchema }).strict(),
    AchMatrixSchema,
  ),
  'ach.removeItem': command('Remove an evidence item and its ratings.', z.object({ id: RecordId }).strict(), AchMatrixSchema),
  'ach.rate': command(
    'Rate one cell (CC, C, N, I, II), if it still holds `expected` (the rating the analyst saw).',
    z.object({ matrixId: RecordId, itemId: RecordId, hypothesisId: RecordId, rating: AchRatingSchema, expected: AchRatingSchema }).strict(),
    z.object({ rating: AchRatingSchema, version: z.number().int() }),
  ),
} as const;
