/** Anchors of threads begun by someone who may not change the text (a team reviewer): no mark carries them yet. */
export const QUOTED_ONLY_PREFIX = 'q';

/**
 * What the editor knows about review comments and the Comments panel needs (and back): which
 * threads' anchors are still in the text, the thread under the caret, and which threads are
 * resolved (their words are shown quieter). One per open briefing.
 */
export interface CommentMarksSnapshot {
  /** Anchor ids with at least one mark in the text. */
  readonly present: ReadonlySet<string>;
  /** The anchor the caret is in (the innermost one), if any. */
  readonly active: string | null;
  /** Counts the editors that have attached to this store: the panel can act on the text once one has. */
  readonly editors: number;
}

export class CommentMarksStore {
  private readonly marks = new Map<string, readonly string[]>();
  private snapshot: CommentMarksSnapshot = { present: new Set(), active: null, editors: 0 };
  private resolvedAnchors: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<() => void>();
  private readonly resolvedListeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CommentMarksSnapshot => this.snapshot;

  /** A mark node was made or changed (`ids`) or removed (null). */
  setMark(nodeKey: string, ids: readonly string[] | null): void {
    if (ids === null) this.marks.delete(nodeKey);
    else this.marks.set(nodeKey, ids);
    const present = new Set([...this.marks.values()].flat());
    const same = present.size === this.snapshot.present.size && [...present].every((id) => this.snapshot.present.has(id));
    if (!same) this.publish({ ...this.snapshot, present });
  }

  /** An editor now shows the text (it may mount after the panel, e.g. once a shared briefing's binding is known). */
  attachEditor(): void {
    this.publish({ ...this.snapshot, editors: this.snapshot.editors + 1 });
  }

  /** The editor went away (another briefing, a reload of the text): its node keys mean nothing now. */
  clear(): void {
    this.marks.clear();
    this.publish({ present: new Set(), active: null, editors: this.snapshot.editors });
  }

  /** Every mark node key with its anchors. */
  entries(): [string, readonly string[]][] {
    return [...this.marks];
  }

  setActive(anchor: string | null): void {
    if (anchor !== this.snapshot.active) this.publish({ ...this.snapshot, active: anchor });
  }

  get resolved(): ReadonlySet<string> {
    return this.resolvedAnchors;
  }

  /** The panel says which threads are resolved; the editor restyles their words. */
  setResolved(anchors: ReadonlySet<string>): void {
    this.resolvedAnchors = anchors;
    for (const listener of this.resolvedListeners) listener();
  }

  onResolvedChange(listener: () => void): () => void {
    this.resolvedListeners.add(listener);
    return () => this.resolvedListeners.delete(listener);
  }

  private publish(next: CommentMarksSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
