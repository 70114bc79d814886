import { TOKEN_HEADER } from './token';

/** One read the page sent before its main script ran, with the host's answer on its way. */
export interface EarlyRead {
  path: string;
  body: string;
  askedAt: number;
  response: Promise<Response | null>;
}

declare global {
  interface Window {
    /** Reads renderer/early.ts sent; the HTTP transport takes each one at most once. */
    warrantEarlyReads?: EarlyRead[];
    /** The main script's boot has asked its first reads itself: an early script that runs later sends none. */
    warrantBootAsked?: boolean;
  }
}

/** An answer older than this is not the page's start any more: the read goes to the host again. */
const EARLY_READ_LIFETIME_MS = 5_000;

/**
 * Sends the reads now, each as the HTTP transport would send it, and keeps the answers for it;
 * nothing when the main script's boot got there first (the early script is `async`, and often
 * runs after it): the host would answer each read twice.
 */
export function sendEarlyReads(token: string, reads: readonly { name: string; input: unknown }[]): void {
  if (window.warrantBootAsked) return;
  window.warrantEarlyReads = reads.map(({ name, input }) => {
    const path = `/api/call/${encodeURIComponent(name)}`;
    const body = JSON.stringify(input);
    const response = fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body,
      credentials: 'omit',
    }).catch(() => null);
    return { path, body, askedAt: performance.now(), response };
  });
}

/**
 * The answer to a read sent early with this very path and body, once; null when there is none
 * (then the transport asks the host itself). The answer is read and checked like any other.
 */
export function takeEarlyRead(path: string, body: string): Promise<Response | null> | null {
  const reads = window.warrantEarlyReads;
  if (!reads) return null;
  const index = reads.findIndex((read) => read.path === path && read.body === body);
  const read = index < 0 ? undefined : reads.splice(index, 1)[0];
  if (!read || performance.now() - read.askedAt > EARLY_READ_LIFETIME_MS) return null;
  return read.response;
}

/** Forgets the reads nobody took (the page opened elsewhere than they guessed). */
export function dropEarlyReads(): void {
  delete window.warrantEarlyReads;
}

/** Called by the boot before its first call: from now on the page asks for itself. */
export function noteBootAsking(): void {
  window.warrantBootAsked = true;
}
