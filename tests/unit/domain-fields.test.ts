import { describe, expect, it } from 'vitest';
import { isPartialIsoDate, isWebUrl, optionalPartialDate, optionalWebUrl } from '../../src/domain/fields';

describe('isWebUrl', () => {
  it.each(['http://example.com', 'https://www.nato.int/cps/en/natohq/opinions_148044.htm', 'HTTPS://EXAMPLE.COM/path?q=1#frag'])('accepts %s', (value) => {
    expect(isWebUrl(value)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    ['  javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://example.com/file.txt'],
    ['https://'],
    ['http:///'],
    ['/relative/path'],
    ['example.com'],
    [''],
  ])('refuses %j', (value) => {
    expect(isWebUrl(value)).toBe(false);
  });
});

describe('isPartialIsoDate', () => {
  it.each(['2017', '2017-10', '2017-10-31', '2016-02-29', '2000-02-29', '2017-12-31'])('accepts %s', (value) => {
    expect(isPartialIsoDate(value)).toBe(true);
  });

  it.each([
    '2017-02-29',
    '1900-02-29',
    '2017-13',
    '2017-00',
    '2017-04-31',
    '2017-10-00',
    '2017-10-32',
    '17',
    '2017-1',
    '2017-10-1',
    '2017/10/31',
    '31-10-2017',
    '2017-10-31T00:00:00Z',
    ' 2017',
    'garbage',
    '',
  ])('refuses %j', (value) => {
    expect(isPartialIsoDate(value)).toBe(false);
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
