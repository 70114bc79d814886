import { describe, expect, it } from 'vitest';
import { isPartialIsoDate, isWebUrl, optionalPartialDate, optionalWebUrl } from '../../src/domain/fields';

describe('isWebUrl', () => {
  it('accepts absolute http and https addresses', () => {
    for (const value of [
      'http://example.com',
      'https://www.nato.int/cps/en/natohq/opinions_148044.htm',
      'HTTPS://EXAMPLE.COM/path?q=1#frag',
    ]) {
      expect(isWebUrl(value), value).toBe(true);
    }
  });

  it('refuses script, file, data and other schemes in any case', () => {
    for (const value of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      '  javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com/file.txt',
    ]) {
      expect(isWebUrl(value), value).toBe(false);
    }
  });

  it('refuses addresses without a host and relative ones', () => {
    for (const value of ['https://', 'http:///', '/relative/path', 'example.com', '']) {
      expect(isWebUrl(value), value).toBe(false);
    }
  });
});

describe('isPartialIsoDate', () => {
  it('accepts a year, a month or a real day', () => {
    for (const value of ['2017', '2017-10', '2017-10-31', '2017-12-31']) expect(isPartialIsoDate(value), value).toBe(true);
  });

  it('knows leap years', () => {
    expect(isPartialIsoDate('2016-02-29')).toBe(true);
    expect(isPartialIsoDate('2000-02-29')).toBe(true);
    expect(isPartialIsoDate('2017-02-29')).toBe(false);
    expect(isPartialIsoDate('1900-02-29')).toBe(false);
  });

  it('refuses impossible months and days', () => {
    for (const value of ['2017-13', '2017-00', '2017-04-31', '2017-10-00', '2017-10-32'])
      expect(isPartialIsoDate(value), value).toBe(false);
  });

  it('refuses other formats and garbage', () => {
    for (const value of ['17', '2017-1', '2017-10-1', '2017/10/31', '31-10-2017', '2017-10-31T00:00:00Z', ' 2017', 'garbage', '']) {
      expect(isPartialIsoDate(value), value).toBe(false);
    }
  });
});

describe('optional field schemas', () => {
  it('turns a blank or missing web address into null and trims a real one', () => {
    expect(optionalWebUrl.parse('   ')).toBeNull();
    expect(optionalWebUrl.parse(undefined)).toBeNull();
    expect(optionalWebUrl.parse(null)).toBeNull();
    expect(optionalWebUrl.parse('  https://example.com/a  ')).toBe('https://example.com/a');
  });

  it('refuses a non-web address and an over-long one with a message for the user', () => {
    const bad = optionalWebUrl.safeParse('javascript:alert(1)');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/http:\/\/ or https:\/\//);
    const long = optionalWebUrl.safeParse(`https://example.com/${'a'.repeat(4000)}`);
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/4,000/);
  });

  it('accepts a blank partial date as null and refuses an impossible one', () => {
    expect(optionalPartialDate.parse('')).toBeNull();
    expect(optionalPartialDate.parse(' 2017-10 ')).toBe('2017-10');
    expect(optionalPartialDate.safeParse('2017-02-29').success).toBe(false);
  });
});
