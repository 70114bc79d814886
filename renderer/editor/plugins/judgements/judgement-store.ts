import type { Yardstick } from '../../../../src/domain/briefing';
import type { Judgement } from '../../../../src/domain/judgement';

/**
 * The open briefing's judgement records, outside React state: each block re-renders only when
 * its own record changes, and the evidence panel follows the selected judgement.
 */
export class JudgementStore {
  /** This opening of the briefing, as the change log's editing session: reopening starts another. */
  readonly editSession: string = crypto.randomUUID();
  private records = new Map<string, Judgement>();
  private yardstickValue: Yardstick = 'icd203';
  private selected: string | null = null;
  private numbers = new Map<string, number>();
  private loads = 0;
  /** Counts record writes; `putAt` says at which count each record was last written. */
  private writes = 0;
  private readonly putAt = new Map<string, number>();
  private changes = 0;
  /** A judgement whose statement should take focus when its block mounts (just added). */
  private focusRequest: string | null = null;
  /** Blocks (by node key) pasted beside their original, waiting for a record of their own. */
  private copying = new Set<string>();
  /** Blocks whose record could not be read (by judgement id): what their placeholder says. */
  private problems = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Where the record writes stand now: a list asked for at this mark knows nothing put later. */
  mark(): number {
    return this.writes;
  }

  /**
   * Takes a listed answer as the records. A record put after `askedAt` (a save's answer, a new
   * judgement) may be newer than the list, which the host may have read before that write: it is
   * kept unless the list holds the same or a later version of it.
   */
  setAll(yardstick: Yardstick, items: readonly Judgement[], askedAt = this.writes): void {
    const next = new Map(items.map((item) => [item.id, item]));
    for (const [id, record] of this.records) {
      if ((this.putAt.get(id) ?? 0) <= askedAt) continue;
      const listed = next.get(id);
      if (!listed || listed.version < record.version) next.set(id, record);
    }
    // Blocks remount on news only: an answer that repeats what is shown must not take the caret
    // out of a statement being typed.
    const news =
      yardstick !== this.yardstickValue ||
      next.size !== this.records.size ||
      [...next].some(([id, record]) => this.records.get(id)?.version !== record.version);
    if (news) this.loads += 1;
    this.yardstickValue = yardstick;
    this.records = next;
    this.emit();
  }

  /** The records' ids, in the order they were listed. */
  ids(): string[] {
    return [...this.records.keys()];
  }

  all(): Judgement[] {
    return [...this.records.values()];
  }

  put(judgement: Judgement): void {
    this.writes += 1;
    this.putAt.set(judgement.id, this.writes);
    this.records = new Map(this.records).set(judgement.id, judgement);
    this.emit();
  }

  remove(id: string): void {
    if (!this.records.has(id)) return;
    const next = new Map(this.records);
    next.delete(id);
    this.records = next;
    if (this.selected === id) this.selected = null;
    this.emit();
  }

  /** The blocks' order in the document: judgements are numbered by it. */
  setOrder(ids: readonly string[]): void {
    const next = new Map(ids.map((id, index) => [id, index + 1]));
    if (next.size === this.numbers.size && ids.every((id) => this.numbers.get(id) === next.get(id))) return;
    this.numbers = next;
    this.emit();
  }

  numberOf(id: string): number {
    return this.numbers.get(id) ?? 0;
  }

  /**
   * Grows with every full load (opening, restoring a revision, a yardstick change): blocks key
   * their fields by it, so what they show comes from the records again.
   */
  generation(): number {
    return this.loads;
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  get(id: string): Judgement | null {
    return this.records.get(id) ?? null;
  }

  yardstick(): Yardstick {
    return this.yardstickValue;
  }

  /** Holds pasted blocks read-only until their copy exists, so no edit lands on the original. */
  markCopying(nodeKeys: Iterable<string>, copying: boolean): void {
    const next = new Set(this.copying);
    for (const key of nodeKeys) {
      if (copying) next.add(key);
      else next.delete(key);
    }
    this.copying = next;
    this.emit();
  }

  isCopying(nodeKey: string): boolean {
    return this.copying.has(nodeKey);
  }

  /** Says why a block's record is not shown yet (null once it is read). */
  setProblem(id: string, message: string | null): void {
    if ((this.problems.get(id) ?? null) === message) return;
    this.problems = new Map(this.problems);
    if (message === null) this.problems.delete(id);
    else this.problems.set(id, message);
    this.emit();
  }

  problemOf(id: string): string | null {
    return this.problems.get(id) ?? null;
  }

  requestFocus(id: string): void {
    this.focusRequest = id;
  }

  /** True once for the judgement whose focus was requested. */
  takeFocusRequest(id: string): boolean {
    if (this.focusRequest !== id) return false;
    this.focusRequest = null;
    return true;
  }

  select(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.emit();
  }

  selectedId(): string | null {
    return this.selected;
  }

  /** The selected record (stable until it or the selection changes). */
  selectedRecord(): Judgement | null {
    return this.selected === null ? null : (this.records.get(this.selected) ?? null);
  }

  /** Every record, in the document's order (records not placed yet come last). */
  inOrder(): Judgement[] {
    const order = (id: string): number => this.numbers.get(id) ?? Number.MAX_SAFE_INTEGER;
    return [...this.records.values()].sort((a, b) => order(a.id) - order(b.id));
  }

  /** Grows with every change: a cheap snapshot for readers that derive from all records. */
  revision(): number {
    return this.changes;
  }

  private emit(): void {
    this.changes += 1;
    for (const listener of this.listeners) listener();
  }
}
