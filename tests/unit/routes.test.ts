import { describe, expect, it } from 'vitest';
import { navViewOf, parseRoute, routeHash, type Route } from '../../renderer/app/routes';
import { isLibraryAddress } from '../../src/start/library-address';

describe('hash routes', () => {
  const routes: Route[] = [
    { view: 'library' },
    { view: 'source', sourceId: 's-1', quoteId: null },
    { view: 'source', sourceId: 's-1', quoteId: 'q/2' },
    { view: 'briefings' },
    { view: 'briefing', briefingId: 'b 1', judgementId: null },
    { view: 'briefing', briefingId: 'b1', judgementId: 'j1' },
    { view: 'trash' },
    { view: 'settings', section: null },
    { view: 'settings', section: 'backups' },
    { view: 'tags' },
    { view: 'indicators' },
    { view: 'team' },
  ];

  it('reads back every address it writes', () => {
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(routeHash({ view: 'source', sourceId: 's-1', quoteId: 'q/2' })).toBe('#/sources/s-1/quotes/q%2F2');
  });

  it('opens the library on an empty fragment and Backups on the old #backups address', () => {
    for (const hash of ['', '#', '#/']) expect(parseRoute(hash)).toEqual({ view: 'library' });
    expect(parseRoute('#backups')).toEqual({ view: 'settings', section: 'backups' });
    expect(parseRoute('#/briefings/b1/')).toEqual({ view: 'briefing', briefingId: 'b1', judgementId: null });
  });

  it('calls anything else unknown instead of guessing', () => {
    for (const hash of [
      '#/nowhere',
      '#/sources',
      '#/sources/a/b',
      '#/briefings/b1/quotes/q',
      '#/library/x',
      '#/sources/%E0%A4%A',
      '#token=abc',
      '#/settings/other',
      '#/indicators/x',
    ]) {
      expect(parseRoute(hash)).toEqual({ view: 'unknown', address: hash });
    }
  });

  it('lights the navigation entry a route belongs to', () => {
    expect(navViewOf({ view: 'source', sourceId: 's', quoteId: null })).toBe('library');
    expect(navViewOf({ view: 'briefing', briefingId: 'b', judgementId: null })).toBe('briefings');
    expect(navViewOf({ view: 'unknown', address: '#/x' })).toBeNull();
  });

  it('agrees with the host on which addresses open the library (the host hints it without the router)', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/library',
      '#/library/',
      '#/briefings',
      '#/briefings/b1',
      '#/sources/s1',
      '#/libraryx',
      '#/trash',
      'library',
      '#/library/x',
    ])
      expect(isLibraryAddress(hash), hash).toBe(parseRoute(hash).view === 'library');
  });
});
