import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-warrant-token';

/** A fresh random token for one run of the browser host. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * DNS-rebinding guard: a page on another site can make its own hostname resolve to
 * 127.0.0.1, but it cannot make the browser send our exact Host header.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}`;
}

/** Cross-site requests carry a foreign Origin; same-origin fetches carry ours or none. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  return originHeader === undefined || originHeader === `http://127.0.0.1:${port}`;
}

/** Constant-time comparison so the token cannot be guessed byte by byte from timings. */
export function tokensMatch(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
