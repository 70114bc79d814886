import type * as Y from 'yjs';
import { projectBriefing, type ProjectedBody } from '../../src/team/briefing-body';

/** Typing pauses this long before the briefing's row catches up with its shared document. */
const PROJECT_AFTER_IDLE_MS = 400;
/** ...but while people keep typing, the row is never staler than this. */
const PROJECT_AT_LEAST_EVERY_MS = 3_000;

export interface BriefingProjectionOptions {
  /** Stores a projected body in the briefing's row (body, text, word count in one transaction). */
  store: (projected: ProjectedBody) => void;
  /** The row as it is now, so that an unchanged projection writes nothing. */
  storedBody: () => string | null;
  /** A projection that could not be stored (the briefing was trashed, the disk is full). */
  onError: (error: unknown) => void;
  idleMs?: number;
  maxWaitMs?: number;
}

/**
 * Keeps a shared briefing's stored body in step with its Yjs document: every burst of changes,
 * from this page or from the team, ends in one write of the whole projected body, so search,
 * checks, word counts, exports and revisions read the same table as in a solo workspace.
 */
export class BriefingProjection {
  private idleTimer: NodeJS.Timeout | undefined;
  private burstTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly onUpdate = (): void => this.schedule();

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: BriefingProjectionOptions,
  ) {
    doc.on('update', this.onUpdate);
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.flush(), this.options.idleMs ?? PROJECT_AFTER_IDLE_MS);
    this.idleTimer.unref();
    if (this.burstTimer === undefined) {
      this.burstTimer = setTimeout(() => this.flush(), this.options.maxWaitMs ?? PROJECT_AT_LEAST_EVERY_MS);
      this.burstTimer.unref();
    }
  }

  /** Whether changes are waiting to be projected. */
  get pending(): boolean {
    return this.burstTimer !== undefined;
  }

  /** Projects now whatever is waiting (also called on close, so no burst is left unwritten). */
  flush(): void {
    if (this.pending) this.projectNow();
  }

  /** Projects the document now, waiting or not (an unchanged body writes nothing). */
  projectNow(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.burstTimer);
    this.idleTimer = this.burstTimer = undefined;
    try {
      const projected = projectBriefing(this.doc);
      if (projected.body !== this.options.storedBody()) this.options.store(projected);
    } catch (error) {
      this.options.onError(error);
    }
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.doc.off('update', this.onUpdate);
  }
}
