import { createHash, randomUUID } from 'node:crypto';
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
  'id, source_id AS sourceId, file_name AS fileName, media_type AS mediaType, size, sha256, captured_at AS capturedAt, encoding, text_notice AS textNotice, ocr, ' +
  'archive_format AS archiveFormat, archived_url AS archivedUrl, archived_at AS archivedAt, ' +
  '(SELECT count(*) FROM quotes q WHERE q.snapshot_id = snapshots.id) AS quoteCount';

/** Newest first: the first row is the source's current capture. */
const NEWEST_FIRST = 'ORDER BY captured_at DESC, num DESC';

function noCapture(): WarrantError {
  return new WarrantError('not_found', 'This source has no snapshot.');
}

/**
 * Captured files: stored once with their hash, never modified (a trigger refuses updates). A
 * source keeps any number of captures; reads that name no capture mean the current (latest) one.
 */
export class SnapshotRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly sources: SourceRepository,
    private readonly integrity: SnapshotIntegrity,
  ) {}

  /** Adds a capture to the source; it becomes the current one (and the one search indexes). */
  attach(sourceId: string, snapshot: NewSnapshot): SnapshotInfo {
    const sha256 = createHash('sha256').update(snapshot.bytes).digest('hex');
    const capturedAt = this.ctx.now();
    const id = randomUUID();
    this.ctx.db.transaction(() => {
      if (!this.sources.exists(sourceId)) throw new WarrantError('not_found', 'That source no longer exists.');
      const pageOffsets = snapshot.pageOffsets?.map((offset) => toCodePointOffset(snapshot.text, offset)) ?? null;
      this.ctx.db
        .prepare(
          'INSERT INTO snapshots (id, source_id, file_name, media_type, size, sha256, captured_at, content, text, page_offsets, encoding, text_notice, ocr, archive_format, archived_url, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
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
      const addImage = this.ctx.db.prepare(
        'INSERT INTO snapshot_resources (snapshot_id, location, media_type, content) VALUES (?, ?, ?, ?)',
      );
      for (const image of snapshot.images ?? []) addImage.run(id, image.location, image.mediaType, Buffer.from(image.bytes));
      this.sources.reindex(sourceId);
    })();
    this.ctx.afterWrite();
    this.integrity.remember(id, sha256, sha256);
    return this.info(sourceId, id);
  }

  /** Every capture of the source, newest (current) first, each with its last hash check. */
  list(sourceId: string): SnapshotInfo[] {
    const rows = this.ctx.db
      .prepare(`SELECT ${INFO_COLUMNS} FROM snapshots WHERE source_id = ? ${NEWEST_FIRST}`)
      .all(sourceId) as InfoRow[];
    return rows.map((row) => ({ ...infoFromRow(row), hashCheck: this.integrity.stateOf(row.id, row.sha256) }));
  }

  /** How many captures the source has. */
  count(sourceId: string): number {
    return this.ctx.db.prepare('SELECT count(*) FROM snapshots WHERE source_id = ?').pluck().get(sourceId) as number;
  }

  /** The id of the named capture of the source, or of its current one; not_found when there is none. */
  captureId(sourceId: string, snapshotId?: string): string {
    const id = (
      snapshotId === undefined
        ? this.ctx.db.prepare(`SELECT id FROM snapshots WHERE source_id = ? ${NEWEST_FIRST} LIMIT 1`).pluck().get(sourceId)
        : this.ctx.db.prepare('SELECT id FROM snapshots WHERE source_id = ? AND id = ?').pluck().get(sourceId, snapshotId)
    ) as string | undefined;
    if (id === undefined) {
      if (snapshotId === undefined) throw noCapture();
      throw new WarrantError('not_found', 'That capture no longer exists (it may have been removed).');
    }
    return id;
  }

  /** A capture's details with its last hash check (none is run here). */
  info(sourceId: string, snapshotId?: string): SnapshotInfo {
    const id = this.captureId(sourceId, snapshotId);
    const row = this.ctx.db.prepare(`SELECT ${INFO_COLUMNS} FROM snapshots WHERE id = ?`).get(id) as InfoRow;
    return { ...infoFromRow(row), hashCheck: this.integrity.stateOf(id, row.sha256) };
  }

  /** Like {@link info}, re-hashing the stored bytes first unless that was done since the workspace opened. */
  checkedInfo(sourceId: string, snapshotId?: string): SnapshotInfo {
    const info = this.info(sourceId, snapshotId);
    return { ...info, hashCheck: this.integrity.checkIfUnchecked(info.id, info.sha256) };
  }

  /** Re-hashes each of the source's captures unless done since the workspace opened; nothing when it has none. */
  ensureChecked(sourceId: string): void {
    const rows = this.ctx.db.prepare('SELECT id, sha256 FROM snapshots WHERE source_id = ?').all(sourceId) as {
      id: string;
      sha256: string;
    }[];
    for (const row of rows) this.integrity.checkIfUnchecked(row.id, row.sha256);
  }

  /** Re-hashes a capture's stored bytes now (before an export): null when the source has no snapshot. */
  recheck(sourceId: string, snapshotId?: string): SnapshotInfo | null {
    let id: string;
    try {
      id = this.captureId(sourceId, snapshotId);
    } catch {
      return null;
    }
    return this.integrity.check(id) === null ? null : this.info(sourceId, id);
  }

  text(sourceId: string, snapshotId?: string): SnapshotText {
    const id = this.captureId(sourceId, snapshotId);
    const row = this.ctx.db.prepare(`SELECT ${INFO_COLUMNS}, text, page_offsets FROM snapshots WHERE id = ?`).get(id) as InfoRow & {
      text: string;
      page_offsets: string | null;
    };
    const { page_offsets: pages, text, ...rest } = row;
    return {
      ...infoFromRow(rest),
      text,
      hashCheck: this.integrity.stateOf(id, rest.sha256),
      pageOffsets: pages ? (JSON.parse(pages) as number[]) : null,
    };
  }

  /** The images kept with the capture (an MHTML page's), in address order; none for other captures or a source with none. */
  images(sourceId: string, snapshotId?: string): SnapshotImage[] {
    if (snapshotId === undefined && !this.ctx.db.prepare('SELECT 1 FROM snapshots WHERE source_id = ?').get(sourceId)) return [];
    const id = this.captureId(sourceId, snapshotId);
    const rows = this.ctx.db
      .prepare('SELECT location, media_type AS mediaType, content FROM snapshot_resources WHERE snapshot_id = ? ORDER BY location')
      .all(id) as { location: string; mediaType: SnapshotImage['mediaType']; content: Buffer }[];
    return rows.map((row) => ({ location: row.location, mediaType: row.mediaType, base64: row.content.toString('base64') }));
  }

  /** The captured bytes, exactly as stored. */
  content(sourceId: string, snapshotId?: string): { bytes: Buffer; fileName: string; mediaType: string } {
    const id = this.captureId(sourceId, snapshotId);
    const row = this.ctx.db.prepare('SELECT content, file_name, media_type FROM snapshots WHERE id = ?').get(id) as {
      content: Buffer;
      file_name: string;
      media_type: string;
    };
    return { bytes: row.content, fileName: row.file_name, mediaType: row.media_type };
  }

  /**
   * The regions of an OCR image (or of a scanned PDF's page) that quotes cut from its text cover,
   * by quote span; a span that touches no recognised word (or a capture without OCR, or none) gets none.
   */
  ocrRegions(snapshotId: string | null, spans: readonly { start: number; end: number }[]): (OcrPlace | null)[] {
    const words = snapshotId === null ? [] : this.ocrWordsOf(snapshotId);
    return spans.map((span) => (words.length === 0 ? null : regionOfSpan(words, span)));
  }

  /** The words OCR read from an image capture (the current one by default), with their places in the text and the image; none for other captures. */
  ocrWords(sourceId: string, snapshotId?: string): OcrWord[] {
    return this.ocrWordsOf(this.captureId(sourceId, snapshotId));
  }

  private ocrWordsOf(snapshotId: string): OcrWord[] {
    const column = this.ctx.db.prepare('SELECT ocr FROM snapshots WHERE id = ?').pluck().get(snapshotId) as string | null | undefined;
    if (!column) return [];
    return (JSON.parse(column) as StoredOcr).words.map(([start, end, x, y, w, h, page]) => ({
      start,
      end,
      region: { x, y, w, h },
      ...(page === undefined ? {} : { page }),
    }));
  }

  /** An image capture's bytes, to show beside its OCR text; refused for other captures. */
  image(sourceId: string, snapshotId?: string): { mediaType: string; bytes: Buffer } {
    const { bytes, mediaType } = this.content(sourceId, snapshotId);
    if (!mediaType.startsWith('image/')) throw new WarrantError('invalid_input', 'This snapshot is not an image.');
    return { mediaType, bytes };
  }

  /**
   * Refuses, with the reason, to read a snapshot again unless it is a PDF or an image of which no
   * text could be read and no quote (live or in the trash) points into its text.
   */
  assertReadableAgain(sourceId: string): void {
    const id = this.captureId(sourceId);
    const row = this.ctx.db.prepare('SELECT media_type AS mediaType, text_notice AS textNotice FROM snapshots WHERE id = ?').get(id) as
      { mediaType: string; textNotice: string | null } | undefined;
    if (!row) throw new WarrantError('not_found', 'This source has no snapshot.');
    if (row.mediaType !== 'application/pdf' && !row.mediaType.startsWith('image/'))
      throw new WarrantError('invalid_input', 'Only a PDF or an image can be read with OCR.');
    if (row.textNotice !== 'no-text')
      throw new WarrantError(
        'invalid_input',
        'This snapshot already has text; only one of which no text could be read is read again with OCR.',
      );
    const quoted = this.ctx.db
      .prepare('SELECT count(*) FROM quotes WHERE snapshot_id = ? AND start_offset IS NOT NULL')
      .pluck()
      .get(id) as number;
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
    const id = this.captureId(sourceId);
    this.ctx.db.transaction(() => {
      this.assertReadableAgain(sourceId);
      // Quotes typed by hand point at the capture too; the row is back before the commit checks them.
      this.ctx.db.pragma('defer_foreign_keys = ON');
      const row = this.ctx.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as Record<string, unknown>;
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
      this.ctx.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
      this.ctx.db
        .prepare(`INSERT INTO snapshots (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`)
        .run(replaced);
      this.sources.reindex(sourceId);
    })();
    this.ctx.afterWrite();
    return this.info(sourceId, id);
  }

  /**
   * Removes one capture (the current one unless named). Refused while quotes (live or in the
   * trash) point into it: a quote never points at nothing. The previous capture, if any, becomes
   * current and search indexes its text.
   */
  remove(sourceId: string, snapshotId?: string): void {
    let id = '';
    this.ctx.db.transaction(() => {
      id = this.captureId(sourceId, snapshotId);
      const quoted = this.ctx.db.prepare('SELECT count(*) FROM quotes WHERE snapshot_id = ?').pluck().get(id) as number;
      if (quoted > 0) {
        const count = quoted === 1 ? '1 quote was' : `${quoted.toLocaleString('en')} quotes were`;
        throw new WarrantError(
          'invalid_input',
          `${count} cut from this capture (counting any in the trash), so it cannot be removed. Delete those quotes for good first, or keep the capture.`,
        );
      }
      this.ctx.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
      this.sources.reindex(sourceId);
    })();
    this.integrity.forget(id);
    this.ctx.afterWrite();
  }
}
