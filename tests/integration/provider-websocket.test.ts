import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderWebSocket } from '../../main/team-client/provider-websocket';

// A team server that is down but still accepts TCP (a proxy, a server starting up): the provider's
// socket stays in its handshake. Destroying the provider then must not throw from a later tick.
describe('the team client’s socket', () => {
  let server: Server | null = null;
  const accepted: Socket[] = [];
  afterEach(async () => {
    for (const socket of accepted) socket.destroy();
    accepted.length = 0;
    await new Promise((closed) => (server ? server.close(closed) : closed(undefined)));
    server = null;
  });

  it('lets a provider be destroyed mid-handshake without an uncaught error', async () => {
    server = createServer((socket) => accepted.push(socket));
    await new Promise<void>((listening) => server?.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    const uncaught: unknown[] = [];
    const record = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const provider = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: ProviderWebSocket });
      const deadline = Date.now() + 5_000;
      // Connected at the TCP level, still waiting for the upgrade's answer.
      while (accepted.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(accepted).toHaveLength(1);
      provider.destroy();
      // `ws` reports the aborted handshake on a later tick: give it a few.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });
});
