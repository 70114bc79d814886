import { z } from 'zod';
import { RecordId, Timestamp } from './fields';

/**
 * Key Assumptions Check: how firmly an assumption holds. `caveated` holds only with a condition
 * the analyst states; `unsupported` is believed without grounds anyone could check.
 */
export const ASSUMPTION_STATUSES = ['solid', 'caveated', 'unsupported'] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];

export const ASSUMPTION_STATUS_LABELS: Readonly<Record<AssumptionStatus, string>> = {
  solid: 'Solid',
  caveated: 'Caveated',
  unsupported: 'Unsupported',
};

export const MAX_ASSUMPTIONS = 200;
export const MAX_WRONG_IF_LINES = 20;

const AssumptionText = z.string().trim().min(1, 'Write the assumption.').max(1000, 'Keep the assumption under 1,000 characters.');
const Rationale = z.string().trim().max(2000, 'Keep the reasons under 2,000 characters.');
const Caveat = z.string().trim().max(1000, 'Keep the caveat under 1,000 characters.');
const WrongIfLine = z.string().trim().max(500, 'Keep each line under 500 characters.');

/** What the analyst writes; a caveated assumption must say its caveat. Blank "wrong if" lines are dropped. */
export const AssumptionDraftSchema = z
  .object({
    text: AssumptionText,
    rationale: Rationale.default(''),
    status: z.enum(ASSUMPTION_STATUSES),
    caveat: Caveat.default(''),
    wrongIf: z
      .array(WrongIfLine)
      .max(MAX_WRONG_IF_LINES, `List at most ${MAX_WRONG_IF_LINES} things that would show it wrong.`)
      .default([])
      .transform((lines) => lines.filter((line) => line !== '')),
  })
  .superRefine((draft, ctx) => {
    if (draft.status === 'caveated' && draft.caveat === '')
      ctx.addIssue({ code: 'custom', path: ['caveat'], message: 'Say what the caveat is.' });
  });
export type AssumptionDraft = z.output<typeof AssumptionDraftSchema>;
export type AssumptionDraftInput = z.input<typeof AssumptionDraftSchema>;

export const AssumptionSchema = z.object({
  id: RecordId,
  briefingId: RecordId,
  text: z.string(),
  rationale: z.string(),
  status: z.enum(ASSUMPTION_STATUSES),
  /** Empty unless the status is caveated. */
  caveat: z.string(),
  /** What would show the assumption wrong, one observation a line. */
  wrongIf: z.array(z.string()),
  /** The live key judgements that rest on it, in the briefing's order. */
  judgementIds: z.array(RecordId),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Assumption = z.infer<typeof AssumptionSchema>;

/** One assumption a judgement rests on, as the judgement's readers need it (checks, confidence). */
export const AssumptionBasisSchema = z.object({
  id: RecordId,
  text: z.string(),
  status: z.enum(ASSUMPTION_STATUSES),
  caveat: z.string(),
});
export type AssumptionBasis = z.infer<typeof AssumptionBasisSchema>;
