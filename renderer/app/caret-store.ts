import type { Caret as CaretMemo } from '../../src/domain/place';

/**
 * Where the caret was in each briefing, kept in this profile's local storage so a reload puts
 * it back (a restart of the browser host is a new origin: the workspace's last place carries the
 * caret of the open briefing across, see last-place.ts). The editor's CaretMemoryPlugin reads and
 * writes it; it lives here, outside the editor's code, because the first page needs it too.
 * Only positions are kept, never text; the newest few briefings are kept.
 */
const KEY = 'warrant.carets';
const KEPT = 50;

type Carets = Record<string, CaretMemo>;

const listeners = new Set<(briefingId: string) => void>();

/** Told whenever a caret is kept (the workspace's last place follows it: renderer/app/last-place.ts). */
export function onCaretSaved(listener: (briefingId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readAll(): Carets {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Carets) : {};
  } catch {
    return {};
  }
}

export function loadCaret(briefingId: string): CaretMemo | null {
  const memo = readAll()[briefingId];
  return memo && Array.isArray(memo.anchor?.path) && Array.isArray(memo.focus?.path) ? memo : null;
}

export function saveCaret(briefingId: string, memo: CaretMemo): void {
  // Insertion order is age: the newest goes last and the oldest fall off the front.
  const kept = Object.entries(readAll())
    .filter(([id]) => id !== briefingId)
    .slice(-(KEPT - 1));
  try {
    window.localStorage.setItem(KEY, JSON.stringify(Object.fromEntries([...kept, [briefingId, memo]])));
  } catch {
    // Storage full or refused: the caret is a convenience, the text is saved elsewhere.
  }
  for (const listener of listeners) listener(briefingId);
}
