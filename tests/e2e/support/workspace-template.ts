import { copyFileSync } from 'node:fs';

/** Names the empty workspace global setup made (tests/e2e/support/global-setup.ts). */
export const TEMPLATE_ENV = 'WARRANT_E2E_TEMPLATE';

/** Puts a fresh empty workspace at `path`: a copy of the one the real host created in global setup. */
export function copyEmptyWorkspace(path: string): void {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: the e2e global setup did not run.`);
  copyFileSync(template, path);
}
