import { z } from 'zod';

/** The input of an operation that takes none. */
export const Empty = z.object({}).strict();
/** The version of a record an edit started from (what the form loaded). */
export const EditVersion = z.number({ error: 'Say which version of the record this edit started from.' }).int().min(1);
