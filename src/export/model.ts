import type { AchTable } from '../analysis/ach-table';
import type { Indicator } from '../domain/indicator';
import type { Assumption } from '../domain/assumption';
import { z } from 'zod';
import { archiveCaptureLine, formatCaptureTime, type SnapshotArchive } from '../domain/snapshot';
import { RecordId } from '../domain/fields';
import type { BriefingStatus, Yardstick } from '../domain/briefing';
import type { Judgement } from '../domain/judgement';
import type { SourceKind } from '../domain/source';

export const EXPORT_FORMATS = ['pdf', 'docx', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  html: 'Web page (HTML)',
  md: 'Markdown',
};
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { pdf: 'pdf', docx: 'docx', html: 'html', md: 'md' };
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  md: 'text/markdown',
};

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const PAPER_LABELS: Readonly<Record<PaperSize, string>> = { a4: 'A4', letter: 'US Letter' };

/** What the user asks for when exporting one briefing. */
export const BriefingExportInputSchema = z.object({
  briefingId: RecordId,
  format: z.enum(EXPORT_FORMATS),
  paper: z.enum(PAPER_SIZES).default('a4'),
});
export type BriefingExportInput = z.output<typeof BriefingExportInputSchema>;

/**
 * One thing the analyst may want to fix before exporting. Plain data so any check (broken
 * citations, word limits here; the tradecraft checks later) can add to the same list.
 */
export const ExportProblemSchema = z.object({ code: z.string().min(1).max(64), message: z.string() });
export type ExportProblem = z.infer<typeof ExportProblemSchema>;

/** The title-block facts of the exported briefing. */
export interface ExportBriefing {
  readonly id: string;
  readonly title: string;
  /** The product type's name (also the PDF's Subject). */
  readonly typeName: string;
  readonly status: BriefingStatus;
  readonly author: string;
  readonly date: string | null;
  /** Handling marking printed at the top and bottom of every page; may be empty. */
  readonly marking: string;
  readonly summary: string;
  readonly yardstick: Yardstick;
  /** Tag paths (the PDF's Keywords). */
  readonly tags: readonly string[];
  readonly wordCount: number;
  readonly wordLimit: number | null;
  /** The product's reference number; may be empty. */
  readonly reference: string;
  /** The last date of information taken into account, or null when not given. */
  readonly cutoffDate: string | null;
  /** Who may receive the product, printed under the title; may be empty. */
  readonly dissemination: string;
}

/** One capture of a source (a source may be captured several times), as a note and the annex name it. */
export interface ExportCapture {
  readonly capturedAt: string;
  /** In words: "HTML page", "PDF", "WARC web archive"… */
  readonly format: string;
  /** Recorded at capture. */
  readonly sha256: string;
  /** As re-checked for this export. */
  readonly foundSha256: string | null;
}

/** A cited or linked source as the sourcing annex lists it. */
export interface ExportSource {
  readonly id: string;
  readonly title: string;
  readonly kind: SourceKind;
  readonly author: string;
  readonly publisher: string;
  readonly url: string | null;
  /** The work's identifiers, as an import read them (absent or null: none). */
  readonly doi?: string | null;
  readonly isbn?: string | null;
  readonly publishedDate: string | null;
  readonly accessedDate: string | null;
  /** A–F, or null when ungraded. */
  readonly reliability: string | null;
  /** The offline snapshot's SHA-256 (hex) recorded at capture, or null when the source has none. */
  readonly snapshotSha256: string | null;
  /** The SHA-256 of the snapshot's bytes as re-checked for this export (null: no snapshot). */
  readonly snapshotFoundSha256: string | null;
  /** For an MHTML or web-archive snapshot: the archive's own capture address and time (absent or null otherwise). */
  readonly snapshotArchive?: SnapshotArchive | null;
  /** How many captures the source has (absent: one or none). */
  readonly captureCount?: number;
  /** The captures cited quotes were cut from, newest first (absent or empty: none cited). */
  readonly citedCaptures?: readonly ExportCapture[];
  /** The live sources this one is derived from (a report on a speech names the speech). */
  readonly derivedFrom: readonly { readonly id: string; readonly title: string }[];
}

/** The work's identifiers as the sourcing annex writes them, "doi:10.1080/… · ISBN 978…"; empty when it has none. */
export function annexIdentifiers(source: Pick<ExportSource, 'doi' | 'isbn'>): string {
  return [source.doi ? `doi:${source.doi}` : '', source.isbn ? `ISBN ${source.isbn}` : ''].filter((part) => part !== '').join(' · ');
}

/** Where to find the work, for an annex with one column for it: its address, then its identifiers, or "—". */
export function annexLocation(source: Pick<ExportSource, 'url' | 'doi' | 'isbn'>): string {
  return [source.url ?? '', annexIdentifiers(source)].filter((part) => part !== '').join(' · ') || '—';
}

/** True when the snapshot's bytes changed after capture: the recorded hash no longer attests them. */
export function snapshotAltered(source: Pick<ExportSource, 'snapshotSha256' | 'snapshotFoundSha256'>): boolean {
  return source.snapshotSha256 !== null && source.snapshotFoundSha256 !== null && source.snapshotFoundSha256 !== source.snapshotSha256;
}

/** The archive's capture facts as the annex lists them under the hash, or null for other snapshots. */
export function annexCaptureText(source: Pick<ExportSource, 'snapshotArchive'>): string | null {
  return source.snapshotArchive ? archiveCaptureLine(source.snapshotArchive) : null;
}

/** A capture's hash as the annex states it: the recorded hash, or the mismatch the re-check found. */
export function captureHashText(capture: Pick<ExportCapture, 'sha256' | 'foundSha256'>): string {
  if (capture.foundSha256 !== null && capture.foundSha256 !== capture.sha256)
    return `hash mismatch: recorded ${capture.sha256}, found ${capture.foundSha256}`;
  return capture.sha256;
}

/** "capture of 2026-12-04 20:41:07 UTC (HTML page, SHA-256 3fa4c1d2e5f6…)": which capture a quote's note points to. */
export function quoteCaptureText(capture: ExportCapture): string {
  const altered = capture.foundSha256 !== null && capture.foundSha256 !== capture.sha256 ? ', hash mismatch' : '';
  return `capture of ${formatCaptureTime(capture.capturedAt)} (${capture.format}, SHA-256 ${capture.sha256.slice(0, 12)}…${altered})`;
}

/**
 * For a source captured several times, one line per capture cited quotes came from: "Cited
 * capture of <time> (<format>): <hash>". None for a source with one capture (its hash says it all).
 */
export function annexCitedCaptureLines(source: Pick<ExportSource, 'captureCount' | 'citedCaptures'>): string[] {
  if ((source.captureCount ?? 1) < 2) return [];
  return (source.citedCaptures ?? []).map(
    (capture) => `Cited capture of ${formatCaptureTime(capture.capturedAt)} (${capture.format}): ${captureHashText(capture)}`,
  );
}

/** The annex's snapshot cell as one line of text (Markdown, Word): the hash, then the capture facts, then the cited captures. */
export function annexSnapshotDetail(
  source: Pick<ExportSource, 'snapshotSha256' | 'snapshotFoundSha256' | 'snapshotArchive' | 'captureCount' | 'citedCaptures'>,
): string {
  const capture = annexCaptureText(source);
  return [annexSnapshotText(source), ...(capture === null ? [] : [capture]), ...annexCitedCaptureLines(source)].join('; ');
}

/** What the sourcing annex says about a snapshot, in every format. */
export function annexSnapshotText(source: Pick<ExportSource, 'snapshotSha256' | 'snapshotFoundSha256'>): string {
  if (source.snapshotSha256 === null) return 'No snapshot';
  if (snapshotAltered(source)) return `hash mismatch: recorded ${source.snapshotSha256}, found ${source.snapshotFoundSha256 ?? ''}`;
  return source.snapshotSha256;
}

/** A cited quote, for its numbered note. */
export interface ExportQuote {
  readonly id: string;
  readonly sourceId: string;
  readonly text: string;
  readonly speaker: string;
  readonly dateSaid: string | null;
  /** 1–6, or null when ungraded. */
  readonly credibility: string | null;
  /** "p. 4", "para 12", "00:14:03": where in the source, or empty. */
  readonly location: string;
  /** The capture the quote was cut from (absent or null: none). */
  readonly capture?: ExportCapture | null;
}

/** An image of the body, inlined into the export (never fetched). */
export interface ExportImage {
  readonly id: string;
  readonly mediaType: string;
  readonly base64: string;
}

/**
 * Everything an export needs, gathered once from the workspace: renderers are pure functions of
 * it. Only live records are included; a citation whose quote or source is not here is broken and
 * prints as "[missing source]".
 */
export interface ExportCommentThread {
  /** The mark id in the body the thread is anchored to. */
  readonly anchor: string;
  readonly comments: readonly { readonly author: string; readonly body: string; readonly createdAt: string }[];
}

export interface ExportModel {
  readonly briefing: ExportBriefing;
  /** The Lexical editor state as stored (JSON text). */
  readonly body: string;
  readonly judgements: readonly Judgement[];
  /** Every cited or linked live source, in the order the sourcing annex lists them. */
  readonly sources: readonly ExportSource[];
  readonly quotes: readonly ExportQuote[];
  readonly images: readonly ExportImage[];
  /** The briefing's ACH matrices as the annex lays them out (none when it has none). */
  readonly matrices?: readonly AchTable[];
  /** Open review comment threads (DOCX writes them as Word comments; the other formats leave them out). */
  readonly comments?: readonly ExportCommentThread[];
  /** The indicators of its key judgements, then of its matrices' hypotheses (Annex E; none when it has none). */
  readonly indicators?: readonly Indicator[];
  /** The briefing's Key Assumptions Check register, for Annex D (none when it has none). */
  readonly assumptions?: readonly Assumption[];
  /**
   * What a reader must know about a judgement's ground, printed where the judgement stands: from
   * the tradecraft checks' verdicts (single source, low grades, no support), by judgement id.
   */
  readonly caveats: Readonly<Record<string, readonly string[]>>;
  /** For each judgement citing an ACH matrix, by id: the one line on where the matrix ranks its hypothesis. */
  readonly analysisLines?: Readonly<Record<string, string>>;
  readonly problems: readonly ExportProblem[];
  /** ISO timestamp of the export. */
  readonly generatedAt: string;
}
