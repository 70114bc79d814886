import type { CitationRef, CitationTarget } from '../../../../src/domain/briefing';

/** What one citation marker shows: its number in document order and what it points at. */
export interface CitationDisplay {
  number: number;
  target: CitationTarget | null;
  /** The caret sits next to this marker: its details show, as on hover. */
  active: boolean;
}

export const refKey = (ref: CitationRef): string => `${ref.kind}:${ref.id}`;

/** What a marker's element shows in the text: painted onto Lexical's own element, not by React. */
export interface CitationMarker {
  nodeKey: string;
  text: string;
  label: string;
  broken: boolean;
}

/**
 * Numbers and resolved targets of the citations in the open document, outside React state so
 * that a change re-renders only the markers whose display changed (not the whole editor).
 */
export class CitationStore {
  private order: { nodeKey: string; ref: CitationRef }[] = [];
  private numbers = new Map<string, number>();
  private targets = new Map<string, CitationTarget>();
  private displays = new Map<string, CitationDisplay>();
  private active: string | null = null;
  /** Bumped when numbers or targets change (not the caret), so markers are repainted only then. */
  private markersVersion = 0;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The citations in document order (called when citations are added, moved or removed). */
  setOrder(order: { nodeKey: string; ref: CitationRef }[]): void {
    this.order = order;
    this.numbers = new Map(order.map((item, index) => [item.nodeKey, index + 1]));
    this.markersVersion += 1;
    this.emit();
  }

  setActive(nodeKey: string | null): void {
    if (nodeKey === this.active) return;
    this.active = nodeKey;
    this.emit();
  }

  setTargets(targets: CitationTarget[]): void {
    this.targets = new Map(targets.map((target) => [refKey(target), target]));
    this.markersVersion += 1;
    this.emit();
  }

  /** The citation whose details show because the caret is next to it. */
  activeKey(): string | null {
    return this.active;
  }

  version(): number {
    return this.markersVersion;
  }

  /** Every marker's number and name, in document order. */
  markers(): CitationMarker[] {
    return this.order.map(({ nodeKey, ref }, index) => {
      const target = this.targets.get(refKey(ref));
      const broken = target !== undefined && target.state !== 'live';
      const number = index + 1;
      return { nodeKey, text: `[${number}${broken ? '?' : ''}]`, label: `${broken ? 'Broken citation' : 'Citation'} ${number}`, broken };
    });
  }

  /** The target the citation with this key points at, as the order last reported it. */
  refOf(nodeKey: string): CitationRef | null {
    return this.order.find((item) => item.nodeKey === nodeKey)?.ref ?? null;
  }

  refs(): CitationRef[] {
    const seen = new Map<string, CitationRef>();
    for (const { ref } of this.order) seen.set(refKey(ref), ref);
    return [...seen.values()];
  }

  /** Stable per marker until its number or target changes (useSyncExternalStore needs that). */
  display(nodeKey: string, ref: CitationRef): CitationDisplay {
    const next: CitationDisplay = {
      number: this.numbers.get(nodeKey) ?? 0,
      target: this.targets.get(refKey(ref)) ?? null,
      active: this.active === nodeKey,
    };
    const prev = this.displays.get(nodeKey);
    if (prev && prev.number === next.number && prev.target === next.target && prev.active === next.active) return prev;
    this.displays.set(nodeKey, next);
    return next;
  }

  /** Citations whose target is in the trash or gone, for the Problems panel. */
  problems(): { nodeKey: string; number: number; target: CitationTarget }[] {
    const found: { nodeKey: string; number: number; target: CitationTarget }[] = [];
    this.order.forEach((item, index) => {
      const target = this.targets.get(refKey(item.ref));
      if (target && target.state !== 'live') found.push({ nodeKey: item.nodeKey, number: index + 1, target });
    });
    return found;
  }

  /** The problems as a string, so an unchanged list compares equal between renders. */
  problemsSnapshot(): string {
    return JSON.stringify(
      this.problems().map((p) => ({ nodeKey: p.nodeKey, number: p.number, kind: p.target.kind, state: p.target.state })),
    );
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
