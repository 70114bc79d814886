import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WireResult } from '../../src/contract/errors';
import { runBrowserHost, type RunningBrowserHost } from '../../main/web-host/browser-host';
import { rawRequest, TempDirs } from './helpers/temp-workspace';

const INDEX_HTML = '<!doctype html><title>Warrant</title>';
const temp = new TempDirs();
let host: RunningBrowserHost;
let base: string;
let rendererDir: string;

beforeEach(async () => {
  // The renderer folder sits beside a package.json that traversal must never reach.
  const dir = temp.make();
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'package.json'), '{"name":"secret"}');
  host = await runBrowserHost({ workspacePath: join(dir, 'case.warrant'), rendererDir, port: 0, create: true });
  base = `http://127.0.0.1:${host.port}`;
});

afterEach(async () => {
  await host.close();
  temp.cleanup();
});

function sourceCount(): number {
  return host.session.current.sources.list({ sort: 'title', direction: 'asc', limit: 500, offset: 0 }).total;
}

async function call(
  op: string,
  body: unknown,
  headers: Record<string, string> = { 'X-Warrant-Token': host.token },
): Promise<{ status: number; json: WireResult }> {
  const response = await fetch(`${base}/api/call/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as WireResult };
}

const VALID = { draft: { title: 'Joint statement, Seoul', url: 'https://www.nato.int/x', reliability: 'B' } };

describe('browser host: who may call', () => {
  it('answers the token holder and prints an address carrying the token in the fragment', async () => {
    expect(host.url).toBe(`${base}/#token=${host.token}`);
    const { status, json } = await call('sources.create', VALID);
    expect(status).toBe(200);
    expect(json.ok).toBe(true);
    expect(sourceCount()).toBe(1);
  });

  it('refuses a call without the token with 401 and writes nothing', async () => {
    const { status, json } = await call('sources.create', VALID, {});
    expect(status).toBe(401);
    expect(json).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(sourceCount()).toBe(0);
  });

  it('refuses a wrong token, or the token in another header, with 401 and writes nothing', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    expect((await call('sources.create', VALID, { 'X-Warrant-Token': wrong })).status).toBe(401);
    expect((await call('sources.create', VALID, { 'X-Warrant-Token': `${host.token}x` })).status).toBe(401);
    expect((await call('sources.create', VALID, { Authorization: `Bearer ${host.token}` })).status).toBe(401);
    expect(sourceCount()).toBe(0);
  });

  it('refuses the event stream and downloads without the token', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/api/files/anything`)).status).toBe(401);
  });

  it('refuses a foreign Host header with 403, for the page and for the API', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `localhost:${host.port}`]) {
      const page = await rawRequest(host.port, { path: '/', headers: { Host: hostHeader } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('Warrant');
      const api = await rawRequest(host.port, {
        method: 'POST',
        path: '/api/call/sources.create',
        headers: { Host: hostHeader, 'X-Warrant-Token': host.token, 'Content-Type': 'application/json' },
        body: JSON.stringify(VALID),
      });
      expect(api.status).toBe(403);
    }
    expect(sourceCount()).toBe(0);
  });

  it('refuses a foreign Origin with 403 even with the token, and writes nothing', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${host.port}`]) {
      const { status, json } = await call('sources.create', VALID, { 'X-Warrant-Token': host.token, Origin: origin });
      expect(status).toBe(403);
      expect(json).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(sourceCount()).toBe(0);
    expect((await call('sources.create', VALID, { 'X-Warrant-Token': host.token, Origin: base })).status).toBe(200);
  });
});

describe('browser host: what may be called', () => {
  it('answers an unknown operation with unknown_operation', async () => {
    const { status, json } = await call('sources.obliterate', {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect((await fetch(`${base}/api/nothing`, { method: 'POST', headers: { 'X-Warrant-Token': host.token } })).status).toBe(404);
  });

  it('refuses invalid payloads with invalid_input naming the field, writing nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['an empty title', { draft: { title: '' } }, 'draft.title'],
      ['a javascript: url', { draft: { title: 't', url: 'javascript:alert(1)' } }, 'draft.url'],
      ['a file: url', { draft: { title: 't', url: 'file:///etc/passwd' } }, 'draft.url'],
      ['reliability G', { draft: { title: 't', reliability: 'G' } }, 'draft.reliability'],
      ['an unknown key in the draft', { draft: { title: 't', deletedAt: '2020-01-01' } }, 'draft'],
      ['an unknown top-level key', { draft: { title: 't' }, id: 'mine' }, '(input)'],
      ['a number for the title', { draft: { title: 7 } }, 'draft.title'],
      ['a string for the draft', { draft: 'title' }, 'draft'],
    ];
    for (const [label, payload, field] of cases) {
      const { status, json } = await call('sources.create', payload);
      expect(status, label).toBe(200);
      expect(json.ok ? undefined : json.error.code, label).toBe('invalid_input');
      expect(json.ok ? [] : Object.keys(json.error.details?.fields ?? {}), label).toContain(field);
    }
    expect(sourceCount()).toBe(0);
  });

  it('refuses a body that is not JSON with 400 invalid_input', async () => {
    const { status, json } = await call('sources.create', '{"draft": {"title": "unfinished"');
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(sourceCount()).toBe(0);
  });

  it('refuses a body over 32 MiB with 413 and writes nothing', async () => {
    const body = Buffer.concat([
      Buffer.from('{"draft":{"title":"huge","notes":"'),
      Buffer.alloc(33 * 1024 * 1024, 0x61),
      Buffer.from('"}}'),
    ]);
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/call/sources.create',
      headers: { Host: `127.0.0.1:${host.port}`, 'X-Warrant-Token': host.token, 'Content-Type': 'application/json' },
      body,
    }).catch((error: unknown) => {
      throw new Error(`The host dropped the connection instead of answering 413 (${String(error)}).`);
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(sourceCount()).toBe(0);
  });

  it('lists a source after a valid create', async () => {
    const created = await call('sources.create', VALID);
    expect(created.json).toMatchObject({ ok: true, value: { title: 'Joint statement, Seoul', reliability: 'B', kind: 'other' } });
    const listed = await call('sources.list', { sort: 'title', direction: 'asc' });
    expect(listed.json).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ title: 'Joint statement, Seoul', url: 'https://www.nato.int/x' }] },
    });
  });
});

describe('browser host: static files', () => {
  it('serves index.html at / with the security headers', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('writes the hint that a fresh start opens on the library while the last place is the library, and not otherwise', async () => {
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><head><title>Warrant</title><script src="x.js"></script></head>');
    const hinted = async (): Promise<boolean> =>
      (await (await fetch(`${base}/`)).text()).includes('<meta name="warrant-opens" content="library">');
    // A new workspace has no last place: it opens on the library, and says so before any call loaded the host.
    expect(await hinted()).toBe(true);
    const remember = (route: string) => call('workspace.rememberPlace', { route, caret: null });
    expect((await remember('#/briefings/b-1')).json.ok).toBe(true);
    expect(await hinted()).toBe(false);
    expect((await remember('#/library')).json.ok).toBe(true);
    expect(await hinted()).toBe(true);
    // The hint goes before the page's scripts, so the first of them can read it; the rest is the file as built.
    const page = await (await fetch(`${base}/index.html`)).text();
    expect(page.indexOf('warrant-opens')).toBeLessThan(page.indexOf('<script'));
    expect(page.replace(/<meta name="warrant-opens"[^>]*>\s*/, '')).toBe(
      '<!doctype html><head><title>Warrant</title><script src="x.js"></script></head>',
    );
  });

  it('lets the browser keep the build’s hashed assets, and never the page, the API or a path that leaves assets/', async () => {
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'index-Ab12.js'), 'export {};');
    const cacheOf = async (path: string): Promise<string | null> =>
      ((await rawRequest(host.port, { path })).headers['cache-control'] as string | undefined) ?? null;
    expect(await cacheOf('/assets/index-Ab12.js')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/assets/../index.html', '/assets/%2e%2e/index.html'])
      expect(await cacheOf(path), path).toBe('no-store');
    const api = await fetch(`${base}/api/call/host.info`, { method: 'POST', headers: { 'X-Warrant-Token': host.token }, body: '{}' });
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('does not serve files from outside the renderer folder, however the path is spelled', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/renderer/../../package.json',
    ]) {
      const response = await rawRequest(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('secret');
    }
  });

  it('answers 404 for a missing file and 405 for a POST to a page', async () => {
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    const post = await fetch(`${base}/index.html`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('browser host: what it cannot do', () => {
  it('reports no native dialogs and refuses workspace switching with a typed error', async () => {
    const info = await call('host.info', {});
    expect(info.json).toMatchObject({ ok: true, value: { capabilities: { nativeDialogs: false }, workspace: { name: 'case.warrant' } } });
    for (const op of ['workspace.create', 'workspace.open']) {
      const { json } = await call(op, {});
      expect(json).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    }
    expect((await call('workspace.openRecent', { index: 0 })).json).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect((await call('workspace.recent', {})).json).toEqual({ ok: true, value: { items: [] } });
  });
});
