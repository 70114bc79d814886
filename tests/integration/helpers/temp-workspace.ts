import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SourceDraft } from '../../../src/domain/source';

/** Temporary folders made by a test file; `cleanup()` (in afterEach) removes them all. */
export class TempDirs {
  private readonly dirs: string[] = [];

  make(): string {
    const dir = mkdtempSync(join(tmpdir(), 'warrant-test-'));
    this.dirs.push(dir);
    return dir;
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A complete, already-validated source draft (what handlers hand to repositories). */
export function draft(overrides: Partial<SourceDraft> = {}): SourceDraft {
  return {
    title: 'NATO Secretary General visits Tokyo',
    kind: 'news_report',
    url: 'https://www.nato.int/cps/en/natohq/news_148000.htm',
    author: '',
    publisher: 'NATO',
    publishedDate: '2017-10-30',
    accessedDate: null,
    language: 'en',
    reliability: null,
    notes: '',
    ...overrides,
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request through node:http, which (unlike fetch) lets a test set any Host or Origin
 * header and send a path exactly as written, without normalising `..` segments.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
