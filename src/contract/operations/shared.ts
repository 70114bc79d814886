import { z } from 'zod';

/** The input of an operation that takes none. */
export const Empty = z.object({}).strict();
/** The version of a record an edit started from (what the form loaded). */
export const EditVersion = z.number({ error: 'Say which version of the record this edit started from.' }).int().min(1);

/**
 * What an edit form loaded, as a draft (optional): the fields where the draft differs from it are
 * the ones the analyst changed. A base that does not read as a draft (a record stored before a
 * field's rules tightened) is dropped, and the save is the whole draft at its version, as without one.
 */
export function formBase<T extends z.ZodType>(draft: T) {
  return draft.optional().catch(undefined);
}
