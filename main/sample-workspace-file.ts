import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeSampleJudgements } from '../db/sample-judgements';
import { buildSampleWorkspace } from '../db/sample-workspace';
import { WarrantError } from '../src/contract/errors';

/** The sample's file name: beside the analyst's own workspace, so it is easy to find and remove. */
export const SAMPLE_FILE_NAME = 'Warrant sample.warrant';

/**
 * The path of the sample workspace beside `workspacePath`, built there (judgements included)
 * when the file does not exist yet. An existing file is opened as it is: it may hold the
 * analyst's own changes to the sample, which a rebuild would lose.
 */
export function ensureSampleBeside(workspacePath: string, nativeBinding: string | undefined): string {
  const path = join(dirname(workspacePath), SAMPLE_FILE_NAME);
  if (existsSync(path)) return path;
  try {
    buildSampleWorkspace(path, { writeJudgements: writeSampleJudgements, nativeBinding });
  } catch (error) {
    if (error instanceof WarrantError) throw error;
    // A read-only or full folder: say where, rather than the generic internal error.
    const reason = error instanceof Error ? error.message : String(error);
    throw new WarrantError('workspace_unavailable', `Could not create the sample workspace in “${dirname(path)}”: ${reason}`);
  }
  return path;
}
