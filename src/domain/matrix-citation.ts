import { z } from 'zod';
import { RecordId } from './fields';

/** What a key judgement names when it cites an ACH matrix: the matrix, and the hypothesis the judgement supports. */
export const MatrixCitationTargetSchema = z.object({ matrixId: RecordId, hypothesisId: RecordId });
export type MatrixCitationTarget = z.infer<typeof MatrixCitationTargetSchema>;

/**
 * A judgement's citation of a matrix as reads give it: the names shown beside the evidence, and the
 * citation's own `version` (a change of citation names the version it started from; 0 is none).
 */
export const MatrixCitationSchema = MatrixCitationTargetSchema.extend({
  matrixTitle: z.string(),
  hypothesisText: z.string(),
  version: z.number().int().min(1),
});
export type MatrixCitation = z.infer<typeof MatrixCitationSchema>;
