import { createHash } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import type { SnapshotArchive, SnapshotImage, SnapshotInfo, SnapshotText, SnapshotTextNotice } from '../../src/domain/snapshot';
import { regionOfSpan, type OcrPlace, type OcrWord, type SnapshotOcr } from '../../src/snapshot/ocr';
import { toCodePointOffset } from '../../src/text/code-points';
import type { SnapshotIntegrity } from '../snapshot-integrity';
import type { StoreContext } from '../store-context';
import type { SourceRepository } from './sources';

export interface NewSnapshot {
  fileName: string;
  mediaType: SnapshotInfo['mediaType'];
  bytes: Uint8Array;
  text: string;
  /** UTF-16 offsets where PDF pages start, as extraction produced them. */
  pageOffsets: number[] | null;
  /** The encoding text bytes were read in; null (or left out) for a PDF. */
  encoding?: string | null;
  /** Why the text is blank or unusual; null (or left out) when it was read normally. */
  textNotice?: SnapshotTextNotice | null;
  /** For an image or a scanned PDF read with OCR: what was read and where each word stands in the image or on its page. */
  ocr?: (SnapshotOcr & { words: readonly OcrWord[] }) | null;
  /** The container and its own capture facts, for an MHTML page or a web-archive page. */
  archive?: SnapshotArchive | null;
  /** Images kept with an MHTML page, by the address the page names them by. */
  images?: readonly { location: string; mediaType: SnapshotImage['mediaType']; bytes: Uint8Array }[];
}

/** A row as selected with {@link INFO_COLUMNS}, before the archive facts and the OCR summary are gathered into their fields. */
type InfoRow = Omit<SnapshotInfo, 'hashCheck' | 'archive' | 'ocr'> & {
  archiveFormat: SnapshotArchive['format'] | null;
  archivedUrl: string | null;
  archivedAt: string | null;
  ocr: string | null;
};

function infoFromRow(row: InfoRow): Omit<SnapshotInfo, 'hashCheck'> {
  const { archiveFormat, archivedUrl, archivedAt, ocr, ...rest } = row;
  return {
    ...rest,
    archive: archiveFormat === null ? null : { format: archiveFormat, url: archivedUrl, capturedAt: archivedAt },
    ocr: ocrSummary(ocr),
  };
}

/**
 * The `ocr` column: the summary plus each word as [start, end, x, y, w, h], compact because a
 * page holds thousands; a scanned PDF's words add their page: [start, end, x, y, w, h, page].
 */
interface StoredOcr extends SnapshotOcr {
  words: ([number, number, number, number, number, number] | [number, number, number, number, number, number, number])[];
}

function storedOcr(ocr: NewSnapshot['ocr']): string | null {
  if (!ocr) return null;
  const stored: StoredOcr = {
    languages: ocr.languages,
    confidence: ocr.confidence,
    width: ocr.width,
    height: ocr.height,
    ...(ocr.pages ? { pages: ocr.pages } : {}),
    words: ocr.words.map((w) => {
      const { start, end, region, page } = w;
      return page === undefined
        ? [start, end, region.x, region.y, region.w, region.h]
        : [start, end, region.x, region.y, region.w, region.h, page];
    }),
  };
  return JSON.stringify(stored);
}

function ocrSummary(column: string | null): SnapshotOcr | null {
  if (column === null) return null;
  const { languages, confidence, width, height, pages } = JSON.parse(column) as StoredOcr;
  return pages ? { languages, confidence, width, height, pages } : { languages, confidence, width, height };
}

const INFO_COLUMNS =
  'file_name AS fileName, media_type AS mediaType, size, sha256, captured_at AS capturedAt, encoding, text_notice AS textNotice, ocr, ' +
  'archive_format AS archiveFormat, archived_url AS archivedUrl, archived_at AS archivedAt';

/** Captured files: stored once with their hash, never modified (a trigger refuses updates). */
export class SnapshotRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly sources: SourceRepository,
    private readonly integrity: SnapshotIntegrity,
  ) {}

  attach(sourceId: string, snapshot: NewSnapshot): SnapshotInfo {
    const sha256 = createHash('sha256').update(snapshot.bytes).digest('hex');
    const capturedAt = this.ctx.now();
    this.ctx.db.transaction(() => {
      if (!this.sources.exists(sourceId)) throw new WarrantError('not_found', 'That source no longer exists.');
      if (this.ctx.db.prepare('SELECT 1 FROM snapshots WHERE source_id = ?').get(sourceId)) {
        throw new WarrantError('invalid_input', 'This source already has a snapshot. Remove it first to capture another.');
      }
      const pageOffsets = snapshot.pageOffsets?.map((offset) => toCodePointOffset(snapshot.text, offset)) ?? null;
      this.ctx.db
        .prepare(
          'INSERT INTO snapshots (source_id, file_name, media_type, size, sha256, captured_at, content, text, page_offsets, encoding, text_notice, ocr, archive_format, archived_url, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          sourceId,
          snapshot.fileName,
          snapshot.mediaType,
          snapshot.bytes.byteLength,
          sha256,
          capturedAt,
          Buffer.from(snapshot.bytes),
          snapshot.text,
          pageOffsets ? JSON.stringify(pageOffsets) : null,
          snapshot.encoding ?? null,
          snapshot.textNotice ?? null,
          storedOcr(snapshot.ocr),
          snapshot.archive?.format ?? null,
          snapshot.archive?.url ?? null,
          snapshot.archive?.capturedAt ?? null,
        );
      const addImage = this.ctx.db.prepare('INSERT INTO snapshot_resources (source_id, location, media_type, content) VALUES (?, ?, ?, ?)');
      for (const image of snapshot.images ?? []) addImage.run(sourceId, image.location, image.mediaType, Buffer.from(image.bytes));
      this.sources.reindex(sourceId);
    })();
    this.ctx.afterWrite();
    this.integrity.remember(sourceId, sha256, sha256);
    return this.info(sourceId);
  }

  /** The snapshot's details with its last hash check (none is run here). */
  info(sourceId: string): SnapshotInfo {
    const row = this.ctx.db.prepare(`SELECT ${INFO_COLUMNS} FROM snapshots WHERE source_id = ?`).get(sourceId) as InfoRow | undefined;
    if (!row) throw new WarrantError('not_found', 'This source has no snapshot.');
    return { ...infoFromRow(row), hashCheck: this.integrity.stateOf(sourceId, row.sha256) };
  }

  /** Like {@link info}, re-hashing the stored bytes first unless that was done since the workspace opened. */
  checkedInfo(sourceId: string): SnapshotInfo {
    const info = this.info(sourceId);
    return { ...info, hashCheck: this.integrity.checkIfUnchecked(sourceId, info.sha256) };
  }

  /** Re-hashes the source's snapshot unless done since the workspace opened; nothing when it has none. */
  ensureChecked(sourceId: string): void {
    const recorded = this.ctx.db.prepare('SELECT sha256 FROM snapshots WHERE source_id = ?').pluck().get(sourceId) as string | undefined;
    if (recorded !== undefined) this.integrity.checkIfUnchecked(sourceId, recorded);
  }

  /** Re-hashes the stored bytes now (before an export): null when the source has no snapshot. */
  recheck(sourceId: string): SnapshotInfo | null {
    return this.integrity.check(sourceId) === null ? null : this.info(sourceId);
  }

  text(sourceId: string): SnapshotText {
    const row = this.ctx.db.prepare(`SELECT ${INFO_COLUMNS}, text, page_offsets FROM snapshots WHERE source_id = ?`).get(sourceId) as
      (InfoRow & { text: string; page_offsets: string | null }) | undefined;
    if (!row) throw new WarrantError('not_found', 'This source has no snapshot.');
    const { page_offsets: pages, text, ...rest } = row;
    return {
      ...infoFromRow(rest),
      text,
      hashCheck: this.integrity.stateOf(sourceId, rest.sha256),
      pageOffsets: pages ? (JSON.parse(pages) as number[]) : null,
    };
  }

  /** The images kept with the snapshot (an MHTML page's), in address order; none for other snapshots. */
  images(sourceId: string): SnapshotImage[] {
    const rows = this.ctx.db
      .prepare('SELECT location, media_type AS mediaType, content FROM snapshot_resources WHERE source_id = ? ORDER BY location')
      .all(sourceId) as { location: string; mediaType: SnapshotImage['mediaType']; content: Buffer }[];
    return rows.map((row) => ({ location: row.location, mediaType: row.mediaType, base64: row.content.toString('base64') }));
  }

  /** The captured bytes, exactly as stored. */
  content(sourceId: string): { bytes: Buffer; fileName: string; mediaType: string } {
    const row = this.ctx.db.prepare('SELECT content, file_name, media_type FROM snapshots WHERE source_id = ?').get(sourceId) as
      { content: Buffer; file_name: string; media_type: string } | undefined;
    if (!row) throw new WarrantError('not_found', 'This source has no snapshot.');
    return { bytes: row.content, fileName: row.file_name, mediaType: row.media_type };
  }

  /**
   * The regions of an OCR image (or of a scanned PDF's page) that quotes cut from its text cover,
   * by quote span; a span that touches no recognised word (or a snapshot without OCR) gets none.
   */
  ocrRegions(sourceId: string, spans: readonly { start: number; end: number }[]): (OcrPlace | null)[] {
    const column = this.ctx.db.prepare('SELECT ocr FROM snapshots WHERE source_id = ?').pluck().get(sourceId) as string | null | undefined;
    if (!column) return spans.map(() => null);
    const words: OcrWord[] = (JSON.parse(column) as StoredOcr).words.map(([start, end, x, y, w, h, page]) => ({
      start,
      end,
      region: { x, y, w, h },
      ...(page === undefined ? {} : { page }),
    }));
    return spans.map((span) => regionOfSpan(words, span));
  }

  /** An image snapshot's bytes, to show beside its OCR text; refused for other snapshots. */
  image(sourceId: string): { mediaType: string; bytes: Buffer } {
    const { bytes, mediaType } = this.content(sourceId);
    if (!mediaType.startsWith('image/')) throw new WarrantError('invalid_input', 'This snapshot is not an image.');
    return { mediaType, bytes };
  }

  /**
   * Refuses, with the reason, to read a snapshot again unless it is a PDF or an image of which no
   * text could be read and no quote (live or in the trash) points into its text.
   */
  assertReadableAgain(sourceId: string): void {
    const row = this.ctx.db
      .prepare('SELECT media_type AS mediaType, text_notice AS textNotice FROM snapshots WHERE source_id = ?')
      .get(sourceId) as { mediaType: string; textNotice: string | null } | undefined;
    if (!row) throw new WarrantError('not_found', 'This source has no snapshot.');
    if (row.mediaType !== 'application/pdf' && !row.mediaType.startsWith('image/'))
      throw new WarrantError('invalid_input', 'Only a PDF or an image can be read with OCR.');
    if (row.textNotice !== 'no-text')
      throw new WarrantError(
        'invalid_input',
        'This snapshot already has text; only one of which no text could be read is read again with OCR.',
      );
    const quoted = this.ctx.db
      .prepare('SELECT count(*) FROM quotes WHERE source_id = ? AND start_offset IS NOT NULL')
      .pluck()
      .get(sourceId) as number;
    if (quoted > 0)
      throw new WarrantError(
        'invalid_input',
        'Quotes point into this snapshot’s text, so its reading cannot be replaced. Remove them (and empty them from the trash) first.',
      );
  }

  /**
   * Replaces the reading (text, pages, notice, OCR) of a snapshot of which no text could be read
   * with a new reading of the same bytes. A snapshot is never updated (a trigger forbids it), so
   * the row is deleted and inserted again in one transaction with the same bytes, hash and
   * capture time. Refused as {@link assertReadableAgain} says, and if the bytes are no longer
   * those that were read (`sha256`).
   */
  replaceReading(
    sourceId: string,
    reading: Pick<NewSnapshot, 'text' | 'pageOffsets' | 'textNotice' | 'ocr'> & { sha256: string },
  ): SnapshotInfo {
    this.ctx.db.transaction(() => {
      this.assertReadableAgain(sourceId);
      const row = this.ctx.db.prepare('SELECT * FROM snapshots WHERE source_id = ?').get(sourceId) as Record<string, unknown>;
      if (row.sha256 !== reading.sha256)
        throw new WarrantError('invalid_input', 'The snapshot changed while it was being read; nothing was replaced.');
      const pageOffsets = reading.pageOffsets?.map((offset) => toCodePointOffset(reading.text, offset)) ?? null;
      const replaced = {
        ...row,
        text: reading.text,
        page_offsets: pageOffsets ? JSON.stringify(pageOffsets) : null,
        text_notice: reading.textNotice ?? null,
        ocr: storedOcr(reading.ocr),
      };
      // Every column of the stored row goes back as it was but the reading's, named from the row
      // itself (the table's own column names, never input).
      const columns = Object.keys(replaced);
      this.ctx.db.prepare('DELETE FROM snapshots WHERE source_id = ?').run(sourceId);
      this.ctx.db
        .prepare(`INSERT INTO snapshots (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`)
        .run(replaced);
      this.sources.reindex(sourceId);
    })();
    this.ctx.afterWrite();
    return this.info(sourceId);
  }

  /** Removes a snapshot; quotes cut from it keep their text and show as no longer verified. */
  remove(sourceId: string): void {
    this.ctx.db.transaction(() => {
      const result = this.ctx.db.prepare('DELETE FROM snapshots WHERE source_id = ?').run(sourceId);
      if (result.changes === 0) throw new WarrantError('not_found', 'This source has no snapshot.');
      this.sources.reindex(sourceId);
    })();
    this.integrity.forget(sourceId);
    this.ctx.afterWrite();
  }
}
