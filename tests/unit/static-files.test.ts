import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStatic, resolveStaticPath } from '../../main/static-files';

describe('resolveStaticPath', () => {
  let base: string;
  let root: string;

  beforeEach(() => {
    // A secret sits beside the renderer folder, and a sibling folder shares its name as a prefix.
    base = mkdtempSync(join(tmpdir(), 'warrant-test-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(join(base, 'renderer-secrets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'package.json'), '{}');
    writeFileSync(join(base, 'renderer-secrets', 'key.txt'), 'secret');
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html for / and files inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('refuses plain traversal, including into a sibling folder sharing the root as a prefix', () => {
    for (const urlPath of ['/../package.json', '/assets/../../package.json', '/../renderer-secrets/key.txt', '//etc/passwd']) {
      expect(resolveStaticPath(root, urlPath), urlPath).toBeNull();
    }
  });

  it('refuses percent-encoded traversal', () => {
    for (const urlPath of [
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    ]) {
      expect(resolveStaticPath(root, urlPath), urlPath).toBeNull();
    }
  });

  it('refuses NUL bytes, raw or encoded, and malformed escapes', () => {
    expect(resolveStaticPath(root, '/index.html\0.js')).toBeNull();
    expect(resolveStaticPath(root, '/index.html%00.js')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });

  it('refuses directories and missing files', () => {
    expect(resolveStaticPath(root, '/assets')).toBeNull();
    expect(resolveStaticPath(root, '/assets/')).toBeNull();
    expect(resolveStaticPath(root, '/missing.js')).toBeNull();
  });

  it('gives known media types and a safe default', () => {
    expect(readStatic(join(root, 'index.html'))).toEqual({ body: Buffer.from('<!doctype html>'), mediaType: 'text/html; charset=utf-8' });
    expect(readStatic(join(root, 'assets', 'app.js')).mediaType).toBe('text/javascript; charset=utf-8');
    expect(readStatic(join(base, 'renderer-secrets', 'key.txt')).mediaType).toBe('application/octet-stream');
  });
});
