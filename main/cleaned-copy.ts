import { writeCleanedCopy } from '../db/clean-copy';
import { WarrantError } from '../src/contract/errors';
import type { WorkspaceSession } from './workspace-session';

/**
 * Remembers the last workspace this host refused for holding SQL Warrant did not create, so
 * the UI can offer a cleaned copy of it without ever naming a path itself.
 */
export class ForeignSchemaRefusals {
  private refused: string | null = null;

  /** Runs an open; a foreign-schema refusal is remembered (and still thrown). */
  opening<T>(path: string, open: () => T): T {
    try {
      const result = open();
      this.refused = null;
      return result;
    } catch (error) {
      if (error instanceof WarrantError && error.details?.foreignSchema) this.refused = path;
      throw error;
    }
  }

  /** Writes a cleaned copy of the refused file beside it and switches the session to it. */
  openCleanedCopy(session: WorkspaceSession): { switched: boolean; name: string } {
    const path = this.refused;
    if (path === null)
      throw new WarrantError(
        'not_found',
        'No workspace was refused for foreign SQL, so there is nothing to clean. Open the workspace again first.',
      );
    const cleaned = writeCleanedCopy(path, session.nativeBinding);
    session.switchTo(cleaned, false);
    this.refused = null;
    return { switched: true, name: session.current.name };
  }
}
