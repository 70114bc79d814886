/**
 * What the analyst typed while Warrant's host was stopped, kept in this origin's localStorage
 * (never sent anywhere but to the host, as a normal save, once it is back). One entry per
 * workspace file and briefing, its key naming the stored version the text was written on, so a
 * page opened later knows whether the text continues what is stored or must go through the
 * conflict path.
 */
export interface BodyDraft {
  /** The stored version the text was typed on. */
  baseVersion: number;
  body: string;
  bodyText: string;
  wordCount: number;
}

const PREFIX = 'warrant.draft';

function briefingPrefix(workspace: string, briefingId: string): string {
  return `${PREFIX}|${encodeURIComponent(workspace)}|${briefingId}|`;
}

function isDraft(value: unknown): value is BodyDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.baseVersion === 'number' &&
    typeof draft.body === 'string' &&
    typeof draft.bodyText === 'string' &&
    typeof draft.wordCount === 'number'
  );
}

function keysOf(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Keeps the text (replacing any older draft of the briefing); false when the browser refused to store it. */
export function keepDraft(storage: Storage, workspace: string, briefingId: string, draft: BodyDraft): boolean {
  const prefix = briefingPrefix(workspace, briefingId);
  const key = `${prefix}${draft.baseVersion}`;
  try {
    storage.setItem(key, JSON.stringify(draft));
  } catch {
    return false;
  }
  for (const other of keysOf(storage, prefix)) if (other !== key) storage.removeItem(other);
  return true;
}

/** The kept text of a briefing, if any (an unreadable entry is left alone, never guessed at). */
export function findDraft(storage: Storage, workspace: string, briefingId: string): BodyDraft | null {
  for (const key of keysOf(storage, briefingPrefix(workspace, briefingId))) {
    let value: unknown;
    try {
      value = JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      continue;
    }
    if (isDraft(value) && String(value.baseVersion) === key.slice(key.lastIndexOf('|') + 1)) return value;
  }
  return null;
}

/** The text reached the workspace file (or was kept there as a revision): the local copy goes. */
export function clearDrafts(storage: Storage, workspace: string, briefingId: string): void {
  for (const key of keysOf(storage, briefingPrefix(workspace, briefingId))) storage.removeItem(key);
}
