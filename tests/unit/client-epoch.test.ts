import { describe, expect, it } from 'vitest';
import { createClient, type Transport } from '../../src/contract/client';
import type { WireResult } from '../../src/contract/errors';

const INFO = (epoch: string): WireResult => ({
  ok: true,
  value: {
    appVersion: 't',
    capabilities: { nativeDialogs: false },
    workspace: { name: 'a.warrant', path: '/a.warrant', epoch, readOnly: false },
  },
});

/** A host in one object: answers host.info with its epoch and refuses other calls from an older one. */
function host(): { transport: Transport; sent: (string | undefined)[]; restore: () => void } {
  let epoch = 'e1';
  const sent: (string | undefined)[] = [];
  const call = (name: string, _input: unknown, carried?: string): Promise<WireResult> => {
    sent.push(carried);
    if (name === 'host.info') return Promise.resolve(INFO(epoch));
    if (carried !== undefined && carried !== epoch)
      return Promise.resolve({ ok: false, error: { code: 'workspace_stale', message: 'The workspace was restored.' } });
    if (name === 'backups.restore') epoch = `${epoch}+`;
    return Promise.resolve({ ok: true, value: { restored: 'b', keptAs: 'k' } });
  };
  const transport: Transport = {
    call,
    startJob: (name, input, carried) => call(name, input, carried),
    subscribe: () => () => undefined,
    fetchFile: () => Promise.resolve(new Uint8Array()),
    uploadFile: () => Promise.resolve({ ok: true, value: { uploadId: 'u' } }),
  };
  return { transport, sent, restore: () => (epoch = `${epoch}!`) };
}

describe('the client and the workspace epoch', () => {
  it('sends the epoch host.info gave it with every later call, and flags the page stale once', async () => {
    const { transport, sent, restore } = host();
    const client = createClient(transport);
    const stale: string[] = [];
    client.onStale((message) => stale.push(message));
    await client.call('host.info', {});
    await client.call('settings.update', { analystName: 'A' });
    expect(sent).toEqual([undefined, 'e1']);

    restore();
    await expect(client.call('settings.update', { analystName: 'B' })).rejects.toMatchObject({ payload: { code: 'workspace_stale' } });
    await expect(client.startJob('backups.create', {})).rejects.toMatchObject({ payload: { code: 'workspace_stale' } });
    expect(client.stale).toBe('The workspace was restored.');
    expect(stale).toEqual(['The workspace was restored.']);
    expect(client.saveState.status).toBe('failed');
  });

  it('adopts the new epoch after restoring from this page, so its own next calls are not refused', async () => {
    const { transport, sent } = host();
    const client = createClient(transport);
    await client.call('host.info', {});
    await client.call('backups.restore', { fileName: 'case-20261204T100000000Z.warrant' });
    await client.call('settings.update', { analystName: 'C' });
    expect(sent.at(-1)).toBe('e1+');
    expect(client.stale).toBeNull();
  });
});
