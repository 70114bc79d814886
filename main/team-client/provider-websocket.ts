import WebSocket from 'ws';

/**
 * `ws` as Hocuspocus's provider should get it. Destroying a provider whose socket is still
 * connecting (the team server is down and it is retrying) closes that socket and drops the
 * provider's listeners at once; `ws` reports the aborted handshake as an 'error' event a tick
 * later, and an 'error' with no listener is an uncaught exception that takes the whole host down.
 * Every failure also arrives as 'close', which the provider handles, so this one listener only
 * keeps that late report from being fatal.
 */
export class ProviderWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    this.on('error', () => undefined);
  }
}
