import { z } from 'zod';
import { ExportInputSchema, ImportCommitInputSchema, ImportPreviewSchema, ImportReportSchema } from '../../interchange/schemas';
import { job, query } from '../define';
import { DeliverySchema } from '../file-ref';

/** Library interchange (BibTeX, RIS, CSL-JSON). */
export const LIBRARY_OPERATIONS = {
  'library.importDiscard': query(
    'Forget a previewed import the user closed without importing.',
    z.object({ importId: z.string().min(1).max(64) }).strict(),
    z.object({ discarded: z.boolean() }),
  ),
} as const;

/** Reading, importing and exporting library files. */
export const LIBRARY_JOBS = {
  'library.importPreview': job(
    'Read an uploaded BibTeX, RIS or CSL-JSON file entry by entry and find duplicates; nothing is written yet.',
    z.object({ uploadId: z.string().min(1).max(64) }).strict(),
    ImportPreviewSchema,
  ),
  'library.importCommit': job(
    'Import a previewed file with the user’s duplicate decisions, in one transaction.',
    ImportCommitInputSchema,
    ImportReportSchema,
    { writes: 'workspace' },
  ),
  'library.export': job('Export the library or a selection as CSL-JSON or BibTeX (a download).', ExportInputSchema, DeliverySchema),
} as const;
