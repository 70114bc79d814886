import { describe, expect, it } from 'vitest';
import { relayAddress } from '../../renderer/editor/plugins/collaboration/relay-provider';

describe('where the co-writing editor connects', () => {
  it('takes the relay host.info names (the desktop app’s loopback port and secret) over the page’s own host', () => {
    const named = { url: 'ws://127.0.0.1:41234/team-relay', token: 'launch-secret' };
    expect(relayAddress(named, { protocol: 'app:', host: 'warrant' }, null)).toEqual(named);
  });

  it('otherwise uses the page’s own host with its session token, as the browser host serves it', () => {
    expect(relayAddress(null, { protocol: 'http:', host: '127.0.0.1:5173' }, 'tab-token')).toEqual({
      url: 'ws://127.0.0.1:5173/team-relay',
      token: 'tab-token',
    });
    expect(relayAddress(null, { protocol: 'https:', host: 'warrant.example' }, null)).toEqual({
      url: 'wss://warrant.example/team-relay',
      token: '',
    });
  });
});
