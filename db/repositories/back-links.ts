import type Database from 'better-sqlite3';
import type { BackLinks, CitingBriefing, LinkingJudgement } from '../../src/domain/back-links';
import type { EvidenceRef } from '../../src/domain/judgement';

/**
 * Where quotes and sources are used: briefings citing them (from an index of citations rebuilt
 * from each saved body, brought up to date before it is read) and judgements linking them. A
 * source also reaches what uses its quotes.
 */
export class BackLinkRepository {
  /** `catchUp` rebuilds the citation index of briefings saved since it was last read. */
  constructor(
    private readonly db: Database.Database,
    private readonly catchUp: () => void,
  ) {}

  /** Rebuilds one briefing's citation index from its stored body (inside the caller's transaction). */
  refreshCitations(briefingId: string): void {
    this.db.prepare('DELETE FROM briefing_citations WHERE briefing_id = ?').run(briefingId);
    // json_tree walks the stored Lexical state; a body that does not parse cites nothing.
    this.db
      .prepare(
        `INSERT OR IGNORE INTO briefing_citations (briefing_id, target_kind, target_id)
         SELECT b.id, json_extract(t.value, '$.targetKind'), json_extract(t.value, '$.targetId')
         FROM briefings b, json_tree(CASE WHEN json_valid(b.body) THEN b.body ELSE '{}' END) t
         WHERE b.id = ? AND t.type = 'object' AND json_extract(t.value, '$.type') = 'citation'
           AND json_extract(t.value, '$.targetKind') IN ('quote', 'source') AND typeof(json_extract(t.value, '$.targetId')) = 'text'`,
      )
      .run(briefingId);
  }

  usedIn(ref: EvidenceRef): BackLinks {
    this.catchUp();
    const targets: { kind: EvidenceRef['kind']; id: string; viaQuoteId: string | null }[] = [
      { kind: ref.kind, id: ref.id, viaQuoteId: null },
    ];
    if (ref.kind === 'source') {
      const quotes = this.db
        .prepare('SELECT id FROM quotes WHERE source_id = ? AND deleted_at IS NULL ORDER BY num')
        .pluck()
        .all(ref.id) as string[];
      for (const id of quotes) targets.push({ kind: 'quote', id, viaQuoteId: id });
    }
    const citing = this.db.prepare(
      `SELECT b.id AS briefingId, b.title, b.status FROM briefing_citations c JOIN briefings b ON b.id = c.briefing_id
       WHERE c.target_kind = ? AND c.target_id = ? AND b.deleted_at IS NULL ORDER BY b.title COLLATE NOCASE, b.num`,
    );
    const linking = this.db.prepare(
      `SELECT j.id AS judgementId, b.id AS briefingId, b.title AS briefingTitle, j.statement, l.stance
       FROM evidence_links l JOIN judgements j ON j.id = l.judgement_id JOIN briefings b ON b.id = j.briefing_id
       WHERE l.target_kind = ? AND l.target_id = ? AND j.deleted_at IS NULL AND b.deleted_at IS NULL ORDER BY b.title COLLATE NOCASE, j.position, j.num`,
    );
    const briefings: CitingBriefing[] = [];
    const judgements: LinkingJudgement[] = [];
    const seen = new Set<string>();
    for (const target of targets) {
      for (const row of citing.all(target.kind, target.id) as Omit<CitingBriefing, 'viaQuoteId'>[]) {
        if (seen.has(row.briefingId)) continue;
        seen.add(row.briefingId);
        briefings.push({ ...row, viaQuoteId: target.viaQuoteId });
      }
      for (const row of linking.all(target.kind, target.id) as Omit<LinkingJudgement, 'viaQuoteId'>[])
        judgements.push({ ...row, viaQuoteId: target.viaQuoteId });
    }
    return { briefings, judgements };
  }
}
