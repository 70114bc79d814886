// Free of zod, so the page's transport can check an answer without loading any schema.

/** Every failure that crosses a transport carries one of these codes. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_operation',
  'not_found',
  'cancelled',
  'workspace_unavailable',
  'unauthorized',
  /** The host cannot do this (e.g. native dialogs in the browser host). */
  'unsupported',
  /**
   * A write started from a version of the record that is no longer the stored one (another tab,
   * window or host saved in between). Nothing was written; `details.current` carries the stored
   * record and `details.version` its version, so the UI can show both sides.
   */
  'conflict',
  /** Another process holds this workspace's write lock; reading still works. */
  'workspace_locked',
  /** The call was made against a workspace that has since been restored or switched: reload. */
  'workspace_stale',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
