import type { Transport } from '../../src/contract/client';
import type { WireResult } from '../../src/contract/errors';
import { readWireResult } from '../../src/contract/wire-check';
import type { FileRef } from '../../src/contract/file-ref';
import { MUTATING_OPERATIONS } from '../../src/contract/mutating';
import { dropEarlyReads, takeEarlyRead } from './early-reads';
import { HttpHostLink } from './host-link';

import { TOKEN_HEADER } from './token';
/** The workspace epoch this page was loaded with; the host refuses calls from an older one. */
const EPOCH_HEADER = 'X-Warrant-Epoch';
const RECONNECT_MS = 1000;
/** Chromium keeps at most 64 KiB of keepalive request bodies in flight per page; leave room for others. */
const KEEPALIVE_MAX_CHARS = 16 * 1024;

function unreachable(message: string): WireResult {
  return { ok: false, error: { code: 'workspace_unavailable', message } };
}

/** A refusal of this page's token: the host at this address is a later run that never gave it. */
function isTokenRefusal(response: Response, result: WireResult): boolean {
  return response.status === 401 && !result.ok && result.error.code === 'unauthorized';
}

/**
 * The contract over HTTP to the browser host; the token travels only in a header. The link
 * follows whether the host answers, and takes a new token when the host was restarted.
 */
export function createHttpTransport(token: string, link: HttpHostLink = new HttpHostLink(token)): Transport {
  const listeners = new Set<(event: unknown) => void>();
  const channelListeners = new Set<(open: boolean) => void>();
  let streaming = false;
  let streamOpen = false;
  const setStreamOpen = (open: boolean): void => {
    if (open === streamOpen) return;
    streamOpen = open;
    for (const listener of channelListeners) listener(open);
  };

  async function post(path: string, body: unknown, epoch: string | undefined, probe = false): Promise<WireResult> {
    if (!probe) await link.ready();
    const json = JSON.stringify(body ?? {});
    const request = (keepalive: boolean): Promise<Response> =>
      fetch(path, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TOKEN_HEADER]: link.token,
          ...(epoch === undefined ? {} : { [EPOCH_HEADER]: epoch }),
        },
        body: json,
        credentials: 'omit',
        keepalive,
      });
    let response: Response;
    try {
      // The page's first reads may have been sent before this script ran (renderer/early.ts).
      const early = await takeEarlyRead(path, json);
      // A save sent as the tab closes must outlive the page; browsers allow that (keepalive) only
      // for small bodies and a small total in flight, so a refusal is retried as an ordinary request.
      response = early ?? (json.length <= KEEPALIVE_MAX_CHARS ? await request(true).catch(() => request(false)) : await request(false));
    } catch {
      link.noteUnreachable();
      return unreachable('Warrant’s host is not answering. Is it still running? Your saved work is safe.');
    }
    const result = readWireResult(await response.json().catch(() => null));
    if (!result) return unreachable(`Warrant’s host gave an unreadable answer (HTTP ${response.status}).`);
    if (isTokenRefusal(response, result)) {
      link.noteUnreachable();
      return unreachable('Warrant’s host was restarted and does not know this page yet. Open the address it printed in this tab.');
    }
    link.noteAnswered();
    return result;
  }

  async function readEvents(): Promise<void> {
    const response = await fetch('/api/events', { headers: { [TOKEN_HEADER]: link.token }, credentials: 'omit' });
    if (!response.ok || !response.body) throw new Error(`event stream refused (${response.status})`);
    setStreamOpen(true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.startsWith('data: ')) continue;
        const event: unknown = JSON.parse(frame.slice(6));
        for (const listener of listeners) listener(event);
      }
    }
  }

  function ensureStream(): void {
    if (streaming) return;
    streaming = true;
    const loop = (): void => {
      readEvents()
        .catch(() => undefined)
        .finally(() => {
          setStreamOpen(false);
          setTimeout(loop, RECONNECT_MS);
        });
    };
    loop();
  }

  return {
    link,
    call: (name, input, epoch) => {
      // A write may change what an early answer says: one not taken by now would be stale.
      if ((MUTATING_OPERATIONS as ReadonlySet<string>).has(name)) dropEarlyReads();
      return post(`/api/call/${encodeURIComponent(name)}`, input, epoch, name === 'host.info');
    },
    startJob: (name, input, epoch) => {
      dropEarlyReads();
      return post(`/api/job/${encodeURIComponent(name)}`, input, epoch);
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureStream();
      return () => listeners.delete(listener);
    },
    events: {
      get open() {
        return streamOpen;
      },
      onChange(listener) {
        channelListeners.add(listener);
        return () => channelListeners.delete(listener);
      },
    },
    async uploadFile(bytes, name) {
      try {
        const response = await fetch('/api/uploads', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            'X-Warrant-File-Name': encodeURIComponent(name),
            [TOKEN_HEADER]: link.token,
          },
          body: bytes as Uint8Array<ArrayBuffer>,
          credentials: 'omit',
        });
        return (
          readWireResult(await response.json().catch(() => null)) ??
          unreachable(`Warrant’s host gave an unreadable answer (HTTP ${response.status}).`)
        );
      } catch {
        return unreachable('Warrant’s host is not answering; the file was not sent.');
      }
    },
    async fetchFile(ref: FileRef) {
      const response = await fetch(`/api/files/${encodeURIComponent(ref.fileId)}`, {
        headers: { [TOKEN_HEADER]: link.token },
        credentials: 'omit',
      });
      if (!response.ok) throw new Error('That download has expired. Run it again.');
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
