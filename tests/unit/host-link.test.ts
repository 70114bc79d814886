import { describe, expect, it } from 'vitest';
import { createClient, type HostState, type Transport } from '../../src/contract/client';
import type { WireResult } from '../../src/contract/errors';
import { HttpHostLink } from '../../renderer/transport/host-link';

/** One run of the browser host, as the page's transport sees it: its token, epoch and workspace file. */
interface Run {
  token: string;
  epoch: string;
  path: string;
}

const info = (run: Run): WireResult => ({
  ok: true,
  value: {
    appVersion: 't',
    capabilities: { nativeDialogs: false },
    workspace: { name: 'w', path: run.path, epoch: run.epoch, readOnly: false },
    lastPlace: null,
  },
});

/**
 * A transport over the real HttpHostLink whose host can stop and come back as a new run: calls
 * wait at the link's gate as the HTTP transport's do, and a wrong token is "lost" as it is there.
 */
function restartableHost(first: Run) {
  const link = new HttpHostLink(first.token);
  let run: Run | null = first;
  const sent: { name: string; token: string; epoch?: string }[] = [];
  let release: (() => void) | null = null;
  const call = async (name: string, _input: unknown, epoch?: string): Promise<WireResult> => {
    if (name !== 'host.info') await link.ready();
    sent.push({ name, token: link.token, epoch });
    if (name === 'host.info' && release === null) await new Promise<void>((resolve) => (release = resolve));
    if (!run || run.token !== link.token) {
      link.noteUnreachable();
      return { ok: false, error: { code: 'workspace_unavailable', message: 'down' } };
    }
    link.noteAnswered();
    if (name === 'host.info') return info(run);
    if (epoch !== run.epoch) return { ok: false, error: { code: 'workspace_stale', message: 'stale' } };
    return { ok: true, value: { analystName: 'A' } };
  };
  const transport: Transport = {
    link,
    call,
    startJob: call,
    subscribe: () => () => undefined,
    fetchFile: () => Promise.resolve(new Uint8Array()),
    uploadFile: () => Promise.resolve({ ok: true, value: { uploadId: 'u' } }),
  };
  return {
    transport,
    sent,
    stop: () => (run = null),
    start: (next: Run) => (run = next),
    /** host.info answers at once from now on (the first one is held to show the gate). */
    answerInfo: () => {
      const open = release;
      release = () => undefined;
      open?.();
    },
    holdInfo: () => (release = null),
    releaseInfo: () => release?.(),
  };
}

describe('the page and a restarted browser host', () => {
  it('goes lost when the host stops, and on the new address adopts its epoch before any other call goes out', async () => {
    const host = restartableHost({ token: 't1', epoch: 'e1', path: '/w.warrant' });
    host.answerInfo();
    const client = createClient(host.transport);
    const states: HostState[] = [];
    client.onHostState((state) => states.push(state));
    await client.call('host.info', {});

    host.stop();
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ payload: { code: 'workspace_unavailable' } });
    expect(client.hostState).toBe('lost');

    host.start({ token: 't2', epoch: 'e2', path: '/w.warrant' });
    host.holdInfo();
    const reconnected = client.reconnect('t2');
    // An autosave retry made while the new host is being checked waits for the check.
    const retry = client.call('settings.get', {});
    await Promise.resolve();
    expect(host.sent.at(-1)).toMatchObject({ name: 'host.info', token: 't2' });
    host.releaseInfo();
    expect(await reconnected).toBe(true);
    await expect(retry).resolves.toEqual({ analystName: 'A' });
    expect(host.sent.at(-1)).toEqual({ name: 'settings.get', token: 't2', epoch: 'e2' });
    expect(client.hostState).toBe('connected');
    expect(client.stale).toBeNull();
    expect(states).toEqual(['lost', 'connected']);
  });

  it('refuses a new address whose host opened another workspace: the page is stale, and keeps its old token', async () => {
    const host = restartableHost({ token: 't1', epoch: 'e1', path: '/w.warrant' });
    host.answerInfo();
    const client = createClient(host.transport);
    await client.call('host.info', {});
    host.start({ token: 't2', epoch: 'e2', path: '/other.warrant' });
    expect(await client.reconnect('t2')).toBe(false);
    expect(client.stale).toContain('/other.warrant');
    expect(host.transport.link?.state).toBe('connected');
    expect((host.transport.link as HttpHostLink).token).toBe('t1');
  });
});
