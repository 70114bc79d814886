import { z } from 'zod';

/**
 * Where the analyst was in a workspace: the view's address (`#/briefings/<id>`) and, in a
 * briefing, the caret as a path of child indexes (see renderer/editor/plugins/caret-memory).
 * A restart of either host opens there again.
 */
const CaretPointSchema = z
  .object({
    path: z.array(z.number().int().min(0).max(1_000_000)).max(64),
    offset: z.number().int().min(0).max(10_000_000),
    type: z.enum(['text', 'element']),
  })
  .strict();

export const CaretSchema = z.object({ anchor: CaretPointSchema, focus: CaretPointSchema }).strict();
export type Caret = z.infer<typeof CaretSchema>;

export const LastPlaceSchema = z
  .object({
    /** A route's fragment; the renderer parses it as it would a typed address. */
    route: z.string().startsWith('#/').max(1_000),
    /** The caret in the briefing the route opens (null elsewhere). */
    caret: CaretSchema.nullable(),
  })
  .strict();
export type LastPlace = z.infer<typeof LastPlaceSchema>;
