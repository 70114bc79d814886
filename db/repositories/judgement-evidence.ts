import { randomUUID } from 'node:crypto';
import { WarrantError } from '../../src/contract/errors';
import {
  emptyCounts,
  type EvidenceItem,
  type EvidenceLink,
  type EvidenceLinkDraft,
  type EvidenceRef,
  type Stance,
  type StanceCount,
} from '../../src/domain/judgement';
import { countIndependent } from '../../src/judgement/independence';
import type { StoreContext } from '../store-context';
import { readEvidenceTarget } from './evidence-target';

interface LinkRow {
  id: string;
  judgement_id: string;
  target_kind: EvidenceRef['kind'];
  target_id: string;
  stance: Stance;
  note: string;
  created_at: string;
}

/**
 * Evidence links of judgements: which quote or whole source bears on a judgement, how (stance),
 * and why (note). Items are resolved on every read, so a trashed or purged item shows as such.
 */
export class EvidenceRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The links of each given judgement, oldest first, with their items resolved. */
  linksOf(judgementIds: readonly string[]): Map<string, EvidenceLink[]> {
    const byJudgement = new Map<string, EvidenceLink[]>(judgementIds.map((id) => [id, []]));
    const rows = this.ctx.db.prepare('SELECT * FROM evidence_links WHERE judgement_id = ? ORDER BY num');
    for (const id of judgementIds)
      byJudgement.set(
        id,
        (rows.all(id) as LinkRow[]).map((row) => this.toLink(row)),
      );
    return byJudgement;
  }

  /** Counts per stance over live items; sources joined by derived-from links count once. */
  counts(links: readonly EvidenceLink[], derivations: readonly (readonly [string, string])[]): Record<Stance, StanceCount> {
    const counts = emptyCounts();
    const sources: Record<Stance, string[]> = { supports: [], contradicts: [], context: [] };
    for (const link of links) {
      if (link.item.state !== 'live') continue;
      if (link.item.kind === 'quote') counts[link.stance].quotes += 1;
      else counts[link.stance].sources += 1;
      if (link.item.sourceId) sources[link.stance].push(link.item.sourceId);
    }
    for (const stance of Object.keys(counts) as Stance[])
      counts[stance].independentSources = countIndependent(sources[stance], derivations);
    return counts;
  }

  /** Derived-from links between live sources (what makes two sources one strand of reporting). */
  derivations(): [string, string][] {
    return (
      this.ctx.db
        .prepare(
          `SELECT d.source_id, d.origin_id FROM source_derivations d JOIN sources a ON a.id = d.source_id JOIN sources b ON b.id = d.origin_id
           WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL`,
        )
        .all() as { source_id: string; origin_id: string }[]
    ).map((row) => [row.source_id, row.origin_id]);
  }

  get(id: string): EvidenceLink {
    const row = this.ctx.db.prepare('SELECT * FROM evidence_links WHERE id = ?').get(id) as LinkRow | undefined;
    if (!row || !this.judgementLive(row.judgement_id)) throw new WarrantError('not_found', 'That evidence link no longer exists.');
    return this.toLink(row);
  }

  /** Links a live quote or source to a live judgement; linking the same item twice is refused. */
  link(judgementId: string, target: EvidenceRef, draft: EvidenceLinkDraft): EvidenceLink {
    const id = randomUUID();
    this.ctx.db.transaction(() => {
      if (!this.judgementLive(judgementId))
        throw new WarrantError('not_found', 'That judgement no longer exists (it may have been moved to the trash).');
      const item = this.resolve(target);
      if (item.state !== 'live')
        throw new WarrantError('not_found', `That ${target.kind} no longer exists (it may have been moved to the trash).`);
      const taken = this.ctx.db
        .prepare('SELECT 1 FROM evidence_links WHERE judgement_id = ? AND target_kind = ? AND target_id = ?')
        .get(judgementId, target.kind, target.id);
      if (taken)
        throw new WarrantError(
          'invalid_input',
          `This ${target.kind} is already linked to the judgement: change its stance or note instead.`,
          { fields: { item: 'Already linked.' } },
        );
      this.ctx.db
        .prepare(
          'INSERT INTO evidence_links (id, judgement_id, target_kind, target_id, stance, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, judgementId, target.kind, target.id, draft.stance, draft.note, this.ctx.now());
      this.touch(judgementId);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  update(id: string, draft: EvidenceLinkDraft): EvidenceLink {
    this.ctx.db.transaction(() => {
      const link = this.get(id);
      this.ctx.db.prepare('UPDATE evidence_links SET stance = ?, note = ? WHERE id = ?').run(draft.stance, draft.note, id);
      this.touch(link.judgementId);
    })();
    this.ctx.afterWrite();
    return this.get(id);
  }

  /** Removes a link; returns the judgement it belonged to. */
  unlink(id: string): string {
    const judgementId = this.ctx.db.transaction(() => {
      const link = this.get(id);
      this.ctx.db.prepare('DELETE FROM evidence_links WHERE id = ?').run(id);
      this.touch(link.judgementId);
      return link.judgementId;
    })();
    this.ctx.afterWrite();
    return judgementId;
  }

  /** The item a link points at, as the evidence panel shows it. */
  resolve(target: EvidenceRef): EvidenceItem {
    const row = readEvidenceTarget(this.ctx.db, target.kind, target.id);
    if (!row)
      return {
        kind: target.kind,
        id: target.id,
        state: 'missing',
        text: '',
        sourceId: null,
        sourceTitle: '',
        reliability: null,
        credibility: null,
      };
    return {
      kind: target.kind,
      id: target.id,
      state: row.deleted ? 'trashed' : 'live',
      text: row.text,
      sourceId: row.source_id,
      sourceTitle: row.title,
      reliability: row.reliability,
      credibility: row.credibility,
    };
  }

  private toLink(row: LinkRow): EvidenceLink {
    return {
      id: row.id,
      judgementId: row.judgement_id,
      stance: row.stance,
      note: row.note,
      item: this.resolve({ kind: row.target_kind, id: row.target_id }),
      createdAt: row.created_at,
    };
  }

  private judgementLive(id: string): boolean {
    return (
      this.ctx.db
        .prepare(
          'SELECT 1 FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.id = ? AND j.deleted_at IS NULL AND b.deleted_at IS NULL',
        )
        .get(id) !== undefined
    );
  }

  private touch(judgementId: string): void {
    this.ctx.db.prepare('UPDATE judgements SET updated_at = ? WHERE id = ?').run(this.ctx.now(), judgementId);
  }
}
