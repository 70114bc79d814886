import { AchRepository } from './repositories/ach';
import { TeamRepository } from './repositories/team';
import { CommentRepository } from './repositories/comments';
import { IndicatorRepository } from './repositories/indicators';
import { AssumptionRepository } from './repositories/assumptions';
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { WarrantError } from '../src/contract/warrant-error';
import { openDatabase, type OpenedDatabase, type OpenOptions } from './open-workspace';
import { writeViaTemporary } from './safe-files';
import { ensureWorkspaceId, readWorkspaceIdFrom } from './workspace-id';
import { BriefingImageRepository } from './repositories/briefing-images';
import { BriefingRevisionRepository } from './repositories/briefing-revisions';
import { BriefingSearchRepository } from './repositories/briefing-search';
import { BriefingRepository } from './repositories/briefings';
import { CitationRepository } from './repositories/citations';
import { DerivationRepository } from './repositories/derivations';
import { InterchangeRepository } from './repositories/interchange';
import { LibraryProjection } from './repositories/library-projection';
import { ProductTypeRepository } from './repositories/product-types';
import { QuoteRepository } from './repositories/quotes';
import { SearchRepository } from './repositories/search';
import { SettingsRepository } from './repositories/settings';
import { LastPlaceRepository } from './repositories/last-place';
import { SnapshotRepository } from './repositories/snapshots';
import { SourceRepository } from './repositories/sources';
import type { Source, SourceDraft } from '../src/domain/source';
import { TagRepository } from './repositories/tags';
import { TrashRepository } from './repositories/trash';
import { BackLinkRepository } from './repositories/back-links';
import { JudgementCapture } from './repositories/judgement-capture';
import { JudgementChangeRepository } from './repositories/judgement-changes';
import { EvidenceRepository } from './repositories/judgement-evidence';
import { JudgementRepository } from './repositories/judgements';
import { MatrixCitationRepository } from './repositories/matrix-citations';
import { SearchIndexer } from './search-indexer';
import { SnapshotIntegrity } from './snapshot-integrity';
import type { StoreContext } from './store-context';

/** After this long without writes the WAL is folded back so the .warrant file alone is complete. */
const IDLE_CHECKPOINT_MS = 2000;
/** The background snapshot check waits this long after open, so start-up comes first. */
const SNAPSHOT_CHECK_DELAY_MS = 1500;

export interface WorkspaceOptions extends OpenOptions {
  now?: () => string;
  /** When the background re-check of snapshot hashes starts after open (default 1.5 s). */
  snapshotCheckDelayMs?: number;
}

export interface CopyProgress {
  onProgress?: (done: number, total: number) => void;
  /** Checked between backup steps; returning true abandons the copy and removes the partial file. */
  isCancelled?: () => boolean;
  /**
   * A copy for someone else (Save a copy): it leaves the team, so it carries no session token of
   * this analyst and no team documents; what was projected from them stays, as a solo workspace.
   * Backups keep the binding, so a restore stays in the team.
   */
  leaveTeam?: boolean;
}

/** An open workspace file and its repositories. */
export class Workspace {
  readonly path: string;
  readonly name: string;
  readonly sources: SourceRepository;
  readonly quotes: QuoteRepository;
  readonly snapshots: SnapshotRepository;
  readonly derivations: DerivationRepository;
  readonly tags: TagRepository;
  readonly search: SearchRepository;
  readonly settings: SettingsRepository;
  readonly lastPlace: LastPlaceRepository;
  readonly trash: TrashRepository;
  readonly ach: AchRepository;
  readonly comments: CommentRepository;
  /** The team this workspace joined, and its copy of the team's documents (issue 19). */
  readonly team: TeamRepository;
  /** Indicators and signposts of key judgements and hypotheses (issue 17). */
  readonly indicators: IndicatorRepository;
  /** Key Assumptions Check registers of briefings (issue 17). */
  readonly assumptions: AssumptionRepository;
  /** Library import and export (BibTeX, RIS, CSL-JSON). */
  readonly interchange: InterchangeRepository;
  /** The library tables as the projection of a team's documents (issue 19). */
  readonly libraryProjection: LibraryProjection;
  readonly productTypes: ProductTypeRepository;
  readonly briefings: BriefingRepository;
  readonly revisions: BriefingRevisionRepository;
  readonly images: BriefingImageRepository;
  readonly briefingSearch: BriefingSearchRepository;
  readonly citations: CitationRepository;
  /** Key judgements of briefings, their evidence links, change log and back-links (issue 6). */
  readonly judgements: JudgementRepository;
  readonly evidence: EvidenceRepository;
  /** Which ACH matrix each key judgement cites (issue 17). */
  readonly matrixCitations: MatrixCitationRepository;
  readonly judgementChanges: JudgementChangeRepository;
  readonly backLinks: BackLinkRepository;
  /** Re-checks of snapshot bytes against their recorded SHA-256 (issue 14). */
  readonly snapshotChecks: SnapshotIntegrity;
  /** The background check started at open: resolves with the number of altered snapshots found. */
  readonly snapshotCheckDone: Promise<number>;
  private readonly db: Database.Database;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Which file was opened: another program may delete, move or replace the path while it is open. */
  private readonly identity: { dev: number; ino: number };
  private writes = 0;

  private constructor(opened: OpenedDatabase, now: () => string, snapshotCheckDelayMs: number) {
    this.db = opened.db;
    this.path = opened.path;
    this.name = opened.name;
    const stat = statSync(opened.path);
    this.identity = { dev: stat.dev, ino: stat.ino };
    const ctx: StoreContext = { db: this.db, afterWrite: () => this.noteWrite(), now };
    const indexer = new SearchIndexer(this.db);
    indexer.ensureCurrent();
    this.sources = new SourceRepository(ctx, indexer);
    this.snapshotChecks = new SnapshotIntegrity(this.db, now);
    this.quotes = new QuoteRepository(ctx, indexer, (snapshotId) => this.snapshotChecks.isAltered(snapshotId));
    this.snapshots = new SnapshotRepository(ctx, this.sources, this.snapshotChecks);
    this.derivations = new DerivationRepository(ctx);
    this.tags = new TagRepository(ctx);
    this.search = new SearchRepository(this.db, indexer);
    this.settings = new SettingsRepository(ctx);
    // Where the analyst was is not content: it folds back into the file like any write, but does
    // not count as a change, so a session that only looked makes no automatic backup (which
    // would push an older, real one out of the kept few).
    this.lastPlace = new LastPlaceRepository({ ...ctx, afterWrite: () => this.scheduleCheckpoint() });
    this.interchange = new InterchangeRepository(ctx, indexer);
    this.libraryProjection = new LibraryProjection(ctx, indexer);
    this.productTypes = new ProductTypeRepository(ctx);
    const analyst = (): string => this.settings.get().analystName;
    // In a team workspace, the judgement change log names the team user, as entries merged from teammates do.
    const changeAuthor = (): string => this.team.binding()?.userName ?? analyst();
    this.evidence = new EvidenceRepository(ctx);
    this.judgementChanges = new JudgementChangeRepository(ctx);
    this.matrixCitations = new MatrixCitationRepository(ctx);
    this.judgements = new JudgementRepository(ctx, this.evidence, this.judgementChanges, changeAuthor, this.matrixCitations);
    this.backLinks = new BackLinkRepository(this.db, () => this.briefings.indexPending());
    const bodyChanged = (briefingId: string): void => this.backLinks.refreshCitations(briefingId);
    this.revisions = new BriefingRevisionRepository(
      ctx,
      new JudgementCapture(ctx, this.judgementChanges, changeAuthor, this.matrixCitations),
      bodyChanged,
    );
    this.briefings = new BriefingRepository(ctx, this.productTypes, this.revisions, {
      bodyChanged,
      yardstickChanged: (briefingId, from, to) => this.judgements.remapYardstick(briefingId, from, to),
    });
    this.images = new BriefingImageRepository(ctx);
    this.briefingSearch = new BriefingSearchRepository(this.db, () => this.briefings.indexPending());
    this.citations = new CitationRepository(this.db);
    this.trash = new TrashRepository(ctx, indexer, this.briefings);
    this.ach = new AchRepository(ctx);
    this.comments = new CommentRepository(ctx, analyst);
    this.team = new TeamRepository(ctx);
    this.indicators = new IndicatorRepository(ctx);
    this.assumptions = new AssumptionRepository(ctx, this.judgementChanges, changeAuthor);
    this.snapshotCheckDone = this.snapshotChecks.checkAllInBackground(snapshotCheckDelayMs);
  }

  static open(path: string, options: WorkspaceOptions = {}): Workspace {
    return Workspace.fromOpened(openDatabase(path, options), options);
  }

  /**
   * The repositories over a file {@link openDatabase} has opened, checked and migrated: the browser
   * host does that before it serves, and builds this once it listens.
   */
  static fromOpened(opened: OpenedDatabase, options: Pick<WorkspaceOptions, 'now' | 'snapshotCheckDelayMs'> = {}): Workspace {
    try {
      return new Workspace(
        opened,
        options.now ?? (() => new Date().toISOString()),
        options.snapshotCheckDelayMs ?? SNAPSHOT_CHECK_DELAY_MS,
      );
    } catch (error) {
      opened.db.close();
      throw error;
    }
  }

  /**
   * Throws when the path no longer leads to the file that was opened (deleted, moved or replaced
   * by another program): writes would then go into a file nobody can find. The open connection
   * still reads the old file, so Save a Copy keeps working.
   */
  assertFileInPlace(): void {
    let stat: { dev: number; ino: number } | null;
    try {
      stat = statSync(this.path);
    } catch {
      stat = null;
    }
    if (stat?.dev === this.identity.dev && stat.ino === this.identity.ino) return;
    throw new WarrantError(
      'workspace_unavailable',
      `The workspace file “${this.path}” was ${stat === null ? 'deleted or moved' : 'replaced'} by another program while it was open, so this change was not saved. Your work so far is still open here: save a copy somewhere else now (Save a Copy…, Ctrl+Shift+S).`,
    );
  }

  /** Names this workspace in its backups' manifests (given one on first use). */
  workspaceId(): string {
    return ensureWorkspaceId(this.db);
  }

  /**
   * A new source with its tags and derived-from links in one transaction: a tag or link that
   * cannot be made (a source gone to the trash, a reporting loop) leaves no source behind.
   */
  createSource(draft: SourceDraft, tagPaths: readonly string[], derivedFrom: readonly string[]): Source {
    const id = this.db.transaction(() => {
      const source = this.sources.create(draft);
      const tagIds = tagPaths.map((path) => this.tags.ensure(path).id);
      if (tagIds.length > 0) this.tags.apply(tagIds, [{ kind: 'source', id: source.id }], false);
      for (const originId of derivedFrom) this.derivations.link(source.id, originId);
      return source.id;
    })();
    return this.sources.get(id);
  }

  /** The id this workspace already has, without giving it one. */
  storedWorkspaceId(): string | null {
    return readWorkspaceIdFrom(this.db);
  }

  /** Folds the WAL into the main file; TRUNCATE also empties the -wal file. */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
    // An import streaming into one open transaction leaves it open between chunks; SQLite refuses
    // a checkpoint then (SQLITE_LOCKED), and the import's commit schedules the next one.
    if (!this.closed && !this.db.inTransaction) this.db.pragma(`wal_checkpoint(${mode})`);
  }

  /**
   * Writes a consistent copy with SQLite's backup API (never a file copy of a live database)
   * into a temporary file beside `destination`, renamed into place only when complete. A
   * destination that is this workspace under another name is refused before anything is written.
   */
  async saveCopy(destination: string, progress: CopyProgress = {}): Promise<void> {
    const cancelled = new WarrantError('cancelled', 'The copy was cancelled.');
    try {
      await writeViaTemporary(
        destination,
        async (temporary) => {
          await this.db.backup(temporary, {
            progress: ({ totalPages, remainingPages }) => {
              if (progress.isCancelled?.()) throw cancelled;
              progress.onProgress?.(totalPages - remainingPages, totalPages);
              return 256;
            },
          });
          if (progress.leaveTeam) this.removeTeamFrom(temporary);
        },
        this.path,
      );
    } catch (error) {
      if (error === cancelled || (error instanceof WarrantError && error.code === 'invalid_input')) throw error;
      const reason = error instanceof Error ? error.message : 'unknown error';
      throw new WarrantError('workspace_unavailable', `Could not write the copy to “${destination}”: ${reason}.`);
    }
  }

  private removeTeamFrom(copyPath: string): void {
    this.db.prepare('ATTACH DATABASE ? AS copy').run(copyPath);
    try {
      this.db.exec('DELETE FROM copy.team_binding; DELETE FROM copy.team_document_updates; DELETE FROM copy.team_documents;');
    } finally {
      this.db.exec('DETACH DATABASE copy');
    }
  }

  close(): void {
    if (this.closed) return;
    this.snapshotChecks.stop();
    clearTimeout(this.idleTimer);
    this.checkpoint('TRUNCATE');
    this.db.close();
    this.closed = true;
  }

  /** Grows with every committed write; automatic backups compare it to skip unchanged workspaces. */
  get writeCount(): number {
    return this.writes;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private noteWrite(): void {
    this.writes += 1;
    this.scheduleCheckpoint();
  }

  private scheduleCheckpoint(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.checkpoint('PASSIVE'), IDLE_CHECKPOINT_MS);
    this.idleTimer.unref();
  }
}
