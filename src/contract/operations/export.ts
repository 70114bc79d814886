import { z } from 'zod';
import { RecordId } from '../../domain/fields';
import { BriefingExportInputSchema, ExportProblemSchema } from '../../export/model';
import { job, query } from '../define';
import { DeliverySchema } from '../file-ref';

/** Briefing export (issue 7): what to fix first. */
export const EXPORT_OPERATIONS = {
  'briefings.exportProblems': query(
    'What to fix before exporting a briefing: broken citations, word limits and the other checks.',
    z.object({ briefingId: RecordId }).strict(),
    z.object({ problems: z.array(ExportProblemSchema) }),
  ),
} as const;

/** Briefing export (issue 7). */
export const EXPORT_JOBS = {
  'briefings.export': job(
    'Export a briefing as PDF, DOCX, standalone HTML or Markdown (a download, or where the user picks in a native dialog).',
    BriefingExportInputSchema.strict(),
    DeliverySchema,
  ),
} as const;
