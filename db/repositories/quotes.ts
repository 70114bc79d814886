import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import { QuoteRegionSchema, type Integrity, type Quote, type QuoteDraft } from '../../src/domain/quote';
import { pageAt } from '../../src/domain/snapshot';
import { codePointLength, sliceCodePoints } from '../../src/text/code-points';
import { CURRENT_CAPTURE_ID } from '../current-capture';
import { cutMatches } from '../../src/text/cut-passage';
import { assertVersion } from '../record-versions';
import type { SearchIndexer } from '../search-indexer';
import type { StoreContext } from '../store-context';
import { taggedWithin, tagsOf } from '../tag-refs';

interface QuoteRow {
  num: number;
  id: string;
  source_id: string;
  snapshot_id: string | null;
  source_title: string;
  source_reliability: Quote['sourceReliability'];
  text: string;
  start_offset: number | null;
  end_offset: number | null;
  page: number | null;
  /** JSON of a {@link Quote}'s region. */
  region: string | null;
  paragraph: string;
  timestamp: string;
  speaker: string;
  date_said: string | null;
  credibility: Quote['credibility'];
  verbatim: number;
  note: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** The snapshot's text at the quote's offsets, for the integrity check. */
  anchored_text: string | null;
}

const COLUMNS = `q.num, q.id, q.source_id, q.snapshot_id, s.title AS source_title, s.reliability AS source_reliability, q.text, q.start_offset, q.end_offset,
  q.page, q.region, q.paragraph, q.timestamp, q.speaker, q.date_said, q.credibility, q.verbatim, q.note, q.created_at, q.updated_at, q.version,
  CASE WHEN q.start_offset IS NULL THEN NULL
       ELSE (SELECT substr(sn.text, q.start_offset + 1, q.end_offset - q.start_offset) FROM snapshots sn WHERE sn.id = q.snapshot_id) END AS anchored_text`;

const LIVE = 'q.deleted_at IS NULL AND s.deleted_at IS NULL';

export interface QuoteListQuery {
  sourceId?: string;
  tagId?: string;
  limit: number;
  offset: number;
}

/**
 * A quote cut from a snapshot is checked against it on every read: the text at its offsets
 * (in code points, like substr() above) must be exactly the quote, or the quote with its
 * layout line breaks normalised (src/text/cut-passage.ts). A mismatch is reported,
 * never "fixed".
 */
function integrityOf(row: QuoteRow, snapshotAltered: boolean): Integrity {
  if (row.start_offset === null) return 'unanchored';
  // Offsets into bytes that were changed after capture prove nothing, even where the text agrees.
  if (snapshotAltered) return 'snapshot-altered';
  return row.anchored_text !== null && cutMatches(row.text, row.anchored_text) ? 'verified' : 'mismatch';
}

function notFound(): WarrantError {
  return new WarrantError('not_found', 'That quote no longer exists (it may have been moved to the trash).');
}

export class QuoteRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly index: SearchIndexer,
    /** Whether a hash check found the capture (by its id) altered since it was stored. */
    private readonly snapshotAltered: (snapshotId: string) => boolean = () => false,
  ) {}

  create(draft: QuoteDraft): Quote {
    const id = randomUUID();
    this.ctx.db.transaction(() => {
      const capture = this.captureFor(draft.sourceId, draft.snapshotId ?? null);
      const page = this.checkAnchor(draft, capture);
      const now = this.ctx.now();
      const { lastInsertRowid } = this.ctx.db
        .prepare(
          `INSERT INTO quotes (id, source_id, snapshot_id, text, start_offset, end_offset, page, region, paragraph, timestamp, speaker, date_said, credibility, verbatim, note, created_at, updated_at)
           VALUES (@id, @source_id, @snapshot_id, @text, @start, @end, @page, @region, @paragraph, @timestamp, @speaker, @date_said, @credibility, @verbatim, @note, @now, @now)`,
        )
        .run({ id, now, snapshot_id: capture, ...this.params(draft, page) });
      this.index.indexQuote(Number(lastInsertRowid), draft);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /** Replaces a quote's fields; with `expectedVersion`, only if nobody changed it since (else `conflict`). */
  update(id: string, draft: QuoteDraft, expectedVersion?: number): Quote {
    this.ctx.db.transaction(() => {
      const existing = this.ctx.db
        .prepare(
          `SELECT q.num, q.source_id, q.snapshot_id, q.version FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ? AND ${LIVE}`,
        )
        .get(id) as { num: number; source_id: string; snapshot_id: string | null; version: number } | undefined;
      if (!existing) throw notFound();
      assertVersion('This quote', expectedVersion, existing.version, () => this.get(id));
      if (existing.source_id !== draft.sourceId)
        throw new WarrantError('invalid_input', 'A quote stays with the source it was cut from.', {
          fields: { sourceId: 'A quote cannot move to another source.' },
        });
      if (draft.snapshotId != null && existing.snapshot_id !== null && draft.snapshotId !== existing.snapshot_id)
        throw new WarrantError('invalid_input', 'A quote stays with the capture it was cut from.', {
          fields: { snapshotId: 'A quote cannot move to another capture.' },
        });
      // A quote written before its source had any capture takes the one it is now anchored in.
      const capture = existing.snapshot_id ?? this.captureFor(draft.sourceId, draft.snapshotId ?? null);
      const page = this.checkAnchor(draft, capture);
      this.ctx.db
        .prepare(
          `UPDATE quotes SET snapshot_id = @snapshot_id, text = @text, start_offset = @start, end_offset = @end, page = @page, region = @region, paragraph = @paragraph, timestamp = @timestamp,
             speaker = @speaker, date_said = @date_said, credibility = @credibility, verbatim = @verbatim, note = @note, updated_at = @now,
             version = version + 1
           WHERE id = @id`,
        )
        .run({ id, now: this.ctx.now(), snapshot_id: capture, ...this.params(draft, page) });
      this.index.indexQuote(existing.num, draft);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  get(id: string): Quote {
    const row = this.ctx.db
      .prepare(`SELECT ${COLUMNS} FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ? AND ${LIVE}`)
      .get(id) as QuoteRow | undefined;
    if (!row) throw notFound();
    return this.toQuotes([row])[0] as Quote;
  }

  list(query: QuoteListQuery): { items: Quote[]; total: number } {
    const clauses = [LIVE];
    const params: unknown[] = [];
    if (query.sourceId) {
      clauses.push('q.source_id = ?');
      params.push(query.sourceId);
    }
    if (query.tagId) {
      // As in search: a quote inherits its source's tags.
      clauses.push(`(${taggedWithin('quote', 'q.id')} OR ${taggedWithin('source', 's.id')})`);
      params.push(query.tagId, query.tagId);
    }
    const where = clauses.join(' AND ');
    // Within a source, quotes follow the text; across the library, newest first.
    const order = query.sourceId ? 'q.start_offset IS NULL, q.start_offset, q.created_at' : 'q.updated_at DESC, q.num DESC';
    const rows = this.ctx.db
      .prepare(`SELECT ${COLUMNS} FROM quotes q JOIN sources s ON s.id = q.source_id WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as QuoteRow[];
    const total =
      clauses.length === 1
        ? this.countLive()
        : (this.ctx.db
            .prepare(`SELECT count(*) FROM quotes q JOIN sources s ON s.id = q.source_id WHERE ${where}`)
            .pluck()
            .get(...params) as number);
    return { items: this.toQuotes(rows), total };
  }

  /**
   * Live quotes in the whole library: the live-quote index's entries, less the live quotes of
   * trashed sources (few, found from the trash). Joining every quote to its source to check it
   * took seconds at a million quotes.
   */
  private countLive(): number {
    return this.ctx.db
      .prepare(
        `SELECT (SELECT count(*) FROM quotes INDEXED BY quotes_by_updated WHERE deleted_at IS NULL)
              - (SELECT count(*) FROM sources s INDEXED BY sources_in_trash CROSS JOIN quotes q ON q.source_id = s.id WHERE s.deleted_at IS NOT NULL AND q.deleted_at IS NULL)`,
      )
      .pluck()
      .get() as number;
  }

  trash(id: string): string {
    const deletedAt = this.ctx.now();
    this.ctx.db.transaction(() => {
      const row = this.ctx.db
        .prepare(`SELECT q.num FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id = ? AND ${LIVE}`)
        .get(id) as { num: number } | undefined;
      if (!row) throw notFound();
      this.index.unindexQuote(row.num);
      this.ctx.db.prepare('UPDATE quotes SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
    })();
    this.ctx.afterWrite();
    return deletedAt;
  }

  /**
   * The capture a new quote belongs to: the one named (which must be this source's), else the
   * source's current capture; null when the source has none. The source must be live.
   */
  private captureFor(sourceId: string, snapshotId: string | null): string | null {
    if (!this.ctx.db.prepare('SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL').get(sourceId))
      throw new WarrantError('not_found', 'The source of this quote no longer exists.');
    if (snapshotId !== null) {
      if (!this.ctx.db.prepare('SELECT 1 FROM snapshots WHERE id = ? AND source_id = ?').get(snapshotId, sourceId))
        throw new WarrantError('not_found', 'That capture of the source no longer exists.', {
          fields: { snapshotId: 'Choose a capture of this source.' },
        });
      return snapshotId;
    }
    return (this.ctx.db.prepare(CURRENT_CAPTURE_ID).pluck().get(sourceId) as string | undefined) ?? null;
  }

  /** Checks the selection against the quote's capture; returns the page (from the capture for PDFs). */
  private checkAnchor(draft: QuoteDraft, snapshotId: string | null): number | null {
    const source = (
      snapshotId === null
        ? { text: null, page_offsets: null }
        : this.ctx.db.prepare('SELECT text, page_offsets FROM snapshots WHERE id = ?').get(snapshotId)
    ) as { text: string | null; page_offsets: string | null };
    if (!draft.span) return draft.page;
    if (source.text === null)
      throw new WarrantError('invalid_input', 'This source has no snapshot to quote from.', {
        fields: { span: 'There is no snapshot to select from.' },
      });
    if (draft.span.end > codePointLength(source.text))
      throw new WarrantError('invalid_input', 'The selection lies outside the snapshot.', {
        fields: { span: 'The selection lies outside the snapshot.' },
      });
    if (!cutMatches(draft.text, sliceCodePoints(source.text, draft.span.start, draft.span.end))) {
      throw new WarrantError('invalid_input', 'The quote does not match the snapshot at the selected place.', {
        fields: { text: 'A quote selected in the snapshot must be exactly the selected text.' },
      });
    }
    const offsets = source.page_offsets ? (JSON.parse(source.page_offsets) as number[]) : null;
    return offsets ? pageAt(offsets, draft.span.start) : draft.page;
  }

  private params(draft: QuoteDraft, page: number | null) {
    return {
      source_id: draft.sourceId,
      text: draft.text,
      start: draft.span?.start ?? null,
      end: draft.span?.end ?? null,
      page,
      region: draft.region ? JSON.stringify(draft.region) : null,
      paragraph: draft.paragraph,
      timestamp: draft.timestamp,
      speaker: draft.speaker,
      date_said: draft.dateSaid,
      credibility: draft.credibility,
      verbatim: draft.verbatim ? 1 : 0,
      note: draft.note,
    };
  }

  private toQuotes(rows: QuoteRow[]): Quote[] {
    const tags = tagsOf(
      this.ctx.db,
      'quote',
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      sourceId: row.source_id,
      snapshotId: row.snapshot_id,
      sourceTitle: row.source_title,
      sourceReliability: row.source_reliability,
      text: row.text,
      span: row.start_offset === null || row.end_offset === null ? null : { start: row.start_offset, end: row.end_offset },
      page: row.page,
      region: row.region === null ? null : QuoteRegionSchema.parse(JSON.parse(row.region)),
      paragraph: row.paragraph,
      timestamp: row.timestamp,
      speaker: row.speaker,
      dateSaid: row.date_said,
      credibility: row.credibility,
      verbatim: row.verbatim === 1,
      note: row.note,
      tags: tags.get(row.id) ?? [],
      integrity: integrityOf(row, row.snapshot_id !== null && this.snapshotAltered(row.snapshot_id)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    }));
  }
}
