import { WarrantError } from '../../src/contract/errors';
import type { MatrixCitation, MatrixCitationTarget } from '../../src/domain/matrix-citation';
import type { StoreContext } from '../store-context';

interface CitationRow {
  judgement_id: string;
  matrix_id: string;
  hypothesis_id: string;
  version: number;
  matrix_title: string;
  hypothesis_text: string;
}

const READ = `SELECT c.judgement_id, c.matrix_id, c.hypothesis_id, c.version, m.title AS matrix_title, h.text AS hypothesis_text
  FROM judgement_matrix_citations c JOIN ach_matrices m ON m.id = c.matrix_id JOIN ach_hypotheses h ON h.id = c.hypothesis_id
  WHERE c.judgement_id = ?`;

function toCitation(row: CitationRow): MatrixCitation {
  return {
    matrixId: row.matrix_id,
    hypothesisId: row.hypothesis_id,
    matrixTitle: row.matrix_title,
    hypothesisText: row.hypothesis_text,
    version: row.version,
  };
}

/**
 * Which ACH matrix a key judgement cites, and the hypothesis it supports. Kept apart from the
 * judgement's own fields (with a version of its own), like evidence links, so citing a matrix never
 * makes the judgement form's next save a conflict.
 */
export class MatrixCitationRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The citation of each given judgement that has one. */
  of(judgementIds: readonly string[]): Map<string, MatrixCitation> {
    const read = this.ctx.db.prepare(READ);
    const found = new Map<string, MatrixCitation>();
    for (const id of judgementIds) {
      const row = read.get(id) as CitationRow | undefined;
      if (row) found.set(id, toCitation(row));
    }
    return found;
  }

  /**
   * Makes the judgement cite `target` (null: cite nothing), unless the citation changed since
   * `baseVersion` (0 when the caller saw none). The hypothesis must be one of the matrix's.
   */
  cite(judgementId: string, target: MatrixCitationTarget | null, baseVersion: number | undefined): void {
    this.ctx.db.transaction(() => {
      const live = this.ctx.db
        .prepare(
          'SELECT 1 FROM judgements j JOIN briefings b ON b.id = j.briefing_id WHERE j.id = ? AND j.deleted_at IS NULL AND b.deleted_at IS NULL',
        )
        .get(judgementId);
      if (!live) throw new WarrantError('not_found', 'That judgement no longer exists (it may have been moved to the trash).');
      const stored = this.storedVersion(judgementId);
      if (baseVersion !== undefined && baseVersion !== stored) {
        throw new WarrantError('conflict', 'The matrix this judgement cites was changed in another tab or window; nothing was saved.', {
          version: stored,
          current: this.of([judgementId]).get(judgementId) ?? null,
        });
      }
      if (target === null) {
        this.ctx.db.prepare('DELETE FROM judgement_matrix_citations WHERE judgement_id = ?').run(judgementId);
      } else {
        this.checkTarget(target);
        this.write(judgementId, target, stored + 1);
      }
      this.ctx.db.prepare('UPDATE judgements SET updated_at = ? WHERE id = ?').run(this.ctx.now(), judgementId);
    })();
    this.ctx.afterWrite();
  }

  /** The stored target (for a revision), or null. */
  targetOf(judgementId: string): MatrixCitationTarget | null {
    const row = this.ctx.db
      .prepare('SELECT matrix_id, hypothesis_id FROM judgement_matrix_citations WHERE judgement_id = ?')
      .get(judgementId) as { matrix_id: string; hypothesis_id: string } | undefined;
    return row ? { matrixId: row.matrix_id, hypothesisId: row.hypothesis_id } : null;
  }

  /**
   * Puts back a revision's citation (inside the caller's transaction). A matrix or hypothesis
   * deleted since is skipped, as the citation could not stand; the version still moves on, so a
   * tab that saw the citation before the restore is refused rather than undoing it.
   */
  restore(judgementId: string, target: MatrixCitationTarget | null): void {
    const next = this.storedVersion(judgementId) + 1;
    this.ctx.db.prepare('DELETE FROM judgement_matrix_citations WHERE judgement_id = ?').run(judgementId);
    if (target === null || !this.targetExists(target)) return;
    this.write(judgementId, target, next);
  }

  private storedVersion(judgementId: string): number {
    return (
      (this.ctx.db.prepare('SELECT version FROM judgement_matrix_citations WHERE judgement_id = ?').pluck().get(judgementId) as
        number | undefined) ?? 0
    );
  }

  private targetExists(target: MatrixCitationTarget): boolean {
    return (
      this.ctx.db.prepare('SELECT 1 FROM ach_hypotheses WHERE id = ? AND matrix_id = ?').get(target.hypothesisId, target.matrixId) !==
      undefined
    );
  }

  private checkTarget(target: MatrixCitationTarget): void {
    if (!this.ctx.db.prepare('SELECT 1 FROM ach_matrices WHERE id = ?').get(target.matrixId))
      throw new WarrantError('not_found', 'That matrix no longer exists.');
    if (!this.targetExists(target)) {
      const message = 'Choose one of the matrix’s hypotheses.';
      throw new WarrantError('invalid_input', message, { fields: { 'citation.hypothesisId': message } });
    }
  }

  private write(judgementId: string, target: MatrixCitationTarget, version: number): void {
    this.ctx.db
      .prepare(
        `INSERT INTO judgement_matrix_citations (judgement_id, matrix_id, hypothesis_id, version, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (judgement_id) DO UPDATE SET matrix_id = excluded.matrix_id, hypothesis_id = excluded.hypothesis_id, version = excluded.version`,
      )
      .run(judgementId, target.matrixId, target.hypothesisId, version, this.ctx.now());
  }
}
