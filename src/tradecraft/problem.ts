import { z } from 'zod';

/** Every tradecraft check's code: stable, so the UI, tests and saved settings can rely on them. */
export const TRADECRAFT_CODES = [
  'no-support',
  'single-source',
  'weak-support',
  'unaddressed-contradiction',
  'likelihood-mismatch',
  'other-yardstick',
  'negated-likelihood',
  'vague-hedge',
  'likelihood-without-term',
  'likelihood-with-confidence',
  'over-word-limit',
  'section-over-cap',
  'broken-citation',
  'matrix-disagrees',
  'confidence-above-evidence',
  'unsupported-assumption',
  'confident-on-caveated-assumption',
] as const;
export type TradecraftCode = (typeof TRADECRAFT_CODES)[number];

/** `error`: the product should not go out like this; `warning`: a reviewer would query it. */
export const TRADECRAFT_SEVERITIES = ['error', 'warning'] as const;
export type TradecraftSeverity = (typeof TRADECRAFT_SEVERITIES)[number];

const Span = z.object({ start: z.number().int(), end: z.number().int() });

/**
 * Where a problem is, so the UI can jump to it: a judgement (and which of its fields, with the
 * offending words' UTF-16 offsets into that field), a section of the body (null id: body text
 * outside any section), the whole document, or one citation (by the key the caller gave it).
 */
export const TradecraftLocationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('judgement'),
    judgementId: z.string(),
    field: z.enum(['statement', 'rationale', 'evidence']),
    span: Span.optional(),
    evidenceLinkId: z.string().optional(),
  }),
  z.object({ kind: z.literal('section'), sectionId: z.string().nullable() }),
  z.object({ kind: z.literal('document') }),
  z.object({ kind: z.literal('citation'), key: z.string() }),
]);
export type TradecraftLocation = z.infer<typeof TradecraftLocationSchema>;

export const TradecraftProblemSchema = z.object({
  code: z.enum(TRADECRAFT_CODES),
  severity: z.enum(TRADECRAFT_SEVERITIES),
  message: z.string(),
  location: TradecraftLocationSchema,
});
export type TradecraftProblem = z.infer<typeof TradecraftProblemSchema>;

/** Problem codes that say a judgement stands on thin ground (what the argument picture flags). */
export const THIN_GROUND_CODES: ReadonlySet<TradecraftCode> = new Set([
  'no-support',
  'single-source',
  'weak-support',
  'unaddressed-contradiction',
]);

/** "“likely”" with typographic quotes, for messages. */
export function quoted(text: string): string {
  return `“${text}”`;
}
