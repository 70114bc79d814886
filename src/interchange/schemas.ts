import { z } from 'zod';
import { RecordId } from '../domain/fields';
import { KEYWORD_PLACES } from './keywords';

export const INTERCHANGE_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type InterchangeFormat = (typeof INTERCHANGE_FORMATS)[number];
export const EXPORT_FORMATS = ['csl-json', 'bibtex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<InterchangeFormat, string>> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

/** Reports list at most this many entries by name; the counts are always complete. */
export const REPORT_LIST_LIMIT = 1000;

/** An entry that could not be imported, named by key or line, with the reason. */
/** An entry that could not be imported or was changed, named by key (or title, when it has no key) and line. */
export const EntryProblemSchema = z.object({
  key: z.string().nullable(),
  title: z.string().optional(),
  line: z.number().int(),
  message: z.string(),
});
export type EntryProblem = z.infer<typeof EntryProblemSchema>;

export const DuplicateActionSchema = z.enum(['skip', 'merge', 'import']);

export const DuplicateSchema = z.object({
  ordinal: z.number().int().min(0),
  key: z.string().nullable(),
  line: z.number().int(),
  title: z.string(),
  reason: z.enum(['doi', 'url', 'title-year']),
  /** Only a shared web address: imported as its own source unless the user says otherwise. */
  possible: z.boolean(),
  match: z.discriminatedUnion('in', [
    z.object({ in: z.literal('library'), sourceId: RecordId, title: z.string() }),
    z.object({ in: z.literal('file'), ordinal: z.number().int(), title: z.string() }),
  ]),
});
export type Duplicate = z.infer<typeof DuplicateSchema>;

const FileFacts = {
  fileName: z.string(),
  format: z.enum(INTERCHANGE_FORMATS),
  encoding: z.string(),
  /** How the encoding was decided: a byte-order mark, a header, valid UTF-8, byte statistics, or a fallback. */
  encodingBasis: z.string(),
  /** Entries found in the file, readable or not. */
  entries: z.number().int().min(0),
  failed: z.array(EntryProblemSchema),
  failedCount: z.number().int().min(0),
  warnings: z.array(EntryProblemSchema),
  warningCount: z.number().int().min(0),
};

/** What a file holds, before anything is written: new entries, duplicates to decide, failures. */
export const ImportPreviewSchema = z.object({
  importId: z.string(),
  ...FileFacts,
  /** Readable entries that duplicate nothing: they will be added. */
  fresh: z.number().int().min(0),
  /** The first new entries, as the library will list them, so the analyst sees what the file holds before anything is written. */
  firstNew: z.array(z.object({ title: z.string(), author: z.string(), publishedDate: z.string().nullable() })),
  /** Different keywords among the readable entries: tags, unless the commit puts them in the notes. */
  keywords: z.number().int().min(0),
  duplicates: z.array(DuplicateSchema),
  duplicateCount: z.number().int().min(0),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** The outcome of an import, written in one transaction (valid entries land together, or none). */
export const ImportReportSchema = z.object({
  ...FileFacts,
  imported: z.number().int().min(0),
  merged: z.number().int().min(0),
  skipped: z.number().int().min(0),
  /** Every duplicate (sure or possible) with what was done with it, so a report can name them. */
  duplicates: z.array(DuplicateSchema.extend({ action: DuplicateActionSchema })),
  duplicateCount: z.number().int().min(0),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportCommitInputSchema = z
  .object({
    importId: z.string().min(1).max(64),
    /** What to do with duplicates not decided one by one. */
    onDuplicate: DuplicateActionSchema.default('skip'),
    /** Where the entries' keywords go: each source's tags, or a line of its notes. */
    keywords: z.enum(KEYWORD_PLACES).default('tags'),
    decisions: z
      .array(z.object({ ordinal: z.number().int().min(0), action: DuplicateActionSchema }).strict())
      .max(REPORT_LIST_LIMIT)
      .default([]),
  })
  .strict();

export const ExportInputSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    /** A selection; the whole library when absent. */
    sourceIds: z.array(RecordId).min(1).max(100_000).optional(),
  })
  .strict();
