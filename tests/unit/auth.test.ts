import { describe, expect, it } from 'vitest';
import { createToken, isAllowedHost, isAllowedOrigin, tokensMatch } from '../../main/web-host/auth';

describe('isAllowedHost', () => {
  it('accepts 127.0.0.1 with our port', () => {
    expect(isAllowedHost('127.0.0.1:4312', 4312)).toBe(true);
  });

  it('refuses other ports, other names (even localhost) and a missing header', () => {
    for (const host of [
      '127.0.0.1:4313',
      '127.0.0.1',
      'localhost:4312',
      'evil.example:4312',
      'evil.example',
      '127.0.0.1:4312.evil.example',
      '',
      undefined,
    ]) {
      expect(isAllowedHost(host, 4312), String(host)).toBe(false);
    }
  });
});

describe('isAllowedOrigin', () => {
  it('accepts no Origin (same-origin GET) and our own origin', () => {
    expect(isAllowedOrigin(undefined, 4312)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4312', 4312)).toBe(true);
  });

  it('refuses every other origin, including the opaque "null"', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:4313', 'https://127.0.0.1:4312', 'http://localhost:4312', 'null', '']) {
      expect(isAllowedOrigin(origin, 4312), origin).toBe(false);
    }
  });
});

describe('tokensMatch', () => {
  const expected = createToken();

  it('matches the exact token', () => {
    expect(tokensMatch(expected, expected)).toBe(true);
  });

  it('refuses a different token of the same length', () => {
    const other = (expected[0] === 'a' ? 'b' : 'a') + expected.slice(1);
    expect(tokensMatch(other, expected)).toBe(false);
  });

  it('refuses tokens of other lengths without throwing', () => {
    expect(tokensMatch(expected.slice(0, -1), expected)).toBe(false);
    expect(tokensMatch(`${expected}x`, expected)).toBe(false);
    expect(tokensMatch('', expected)).toBe(false);
  });

  it('refuses a missing header and a repeated header', () => {
    expect(tokensMatch(undefined, expected)).toBe(false);
    expect(tokensMatch([expected], expected)).toBe(false);
    expect(tokensMatch([expected, expected], expected)).toBe(false);
  });

  it('creates long, distinct, URL-safe tokens', () => {
    const other = createToken();
    expect(other).not.toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
