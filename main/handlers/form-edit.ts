import { mergeFormEdit } from '../../src/domain/form-edit-merge';

interface FormEdit<D> {
  /** The version the form loaded; absent in a team workspace, where a write is never a conflict. */
  version: number | undefined;
  draft: D;
  /** What the form loaded, as a draft: which fields the analyst changed is the difference. */
  base: D | undefined;
}

/**
 * The draft and expected version to hand the repository for a whole-form save. Without a base,
 * or with the stored record still at the form's version, the form's draft as it is. Otherwise
 * only the fields the analyst changed go over the stored record, at its current version, so
 * another tab's or a teammate's change to another field survives; a field both changed (solo)
 * is sent at the form's old version, which the repository refuses as the usual conflict.
 */
export function formEditWrite<R extends { version: number }, D extends object>(
  stored: R,
  storedDraft: (record: R) => D,
  { version, draft, base }: FormEdit<D>,
): [D, number | undefined] {
  if (base === undefined || version === stored.version) return [draft, version];
  const { merged, clashes } = mergeFormEdit(storedDraft(stored), base, draft);
  if (version !== undefined && clashes.length > 0) return [draft, version];
  return [merged, stored.version];
}
