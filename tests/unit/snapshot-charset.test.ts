import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeCapturedText, encodingLabel } from '../../src/snapshot/charset';
import { detectSnapshotType } from '../../src/snapshot/media-type';

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const page = (head: string, body: number[]): Uint8Array =>
  new Uint8Array([...ascii(`<!doctype html><html><head>${head}</head><body><p>`), ...body, ...ascii('</p></body></html>')]);

// 中文 in GBK/GB18030 and 日本語 in Shift_JIS: bytes that are not valid UTF-8.
const CHINESE_GB = [0xd6, 0xd0, 0xce, 0xc4];
const JAPANESE_SJIS = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea];

describe('declaredCharset', () => {
  it.each([
    ['<meta charset="gb18030">', 'gb18030'],
    ["<meta charset='Shift_JIS'>", 'shift_jis'],
    ['<meta charset=euc-kr>', 'euc-kr'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gbk'],
    ['<META HTTP-EQUIV=content-type CONTENT="text/html;charset=x-sjis">', 'shift_jis'],
    ['<meta content="text/html; charset=windows-1251" http-equiv="Content-Type">', 'windows-1251'],
    ['<meta charset="utf-16">', 'utf-8'],
  ])('reads %s as %s', (tag, expected) => {
    expect(declaredCharset(page(tag, []))).toBe(expected);
  });

  it('reads an XML declaration', () => {
    expect(declaredCharset(new Uint8Array(ascii('<?xml version="1.0" encoding="Shift_JIS"?><html></html>')))).toBe('shift_jis');
  });

  it.each([
    ['no declaration', '<title>x</title>'],
    ['a charset in the content of a meta tag that is not Content-Type', '<meta name="description" content="charset=gb18030 explained">'],
    ['a label no decoder knows', '<meta charset="klingon">'],
  ])('finds nothing in %s', (_case, head) => {
    expect(declaredCharset(page(head, []))).toBeNull();
  });

  it('looks only at the head of the file', () => {
    const late = new Uint8Array([...ascii(`<html><!--${'x'.repeat(5000)}-->`), ...ascii('<meta charset="gb18030">')]);
    expect(declaredCharset(late)).toBeNull();
  });
});

describe('decodeCapturedText', () => {
  it('reads a page in the charset it declares and says so', () => {
    expect(decodeCapturedText(page('<meta charset="gb18030">', CHINESE_GB), { html: true })).toMatchObject({
      encoding: 'gb18030',
      decidedBy: 'declared in the page',
    });
    expect(decodeCapturedText(page('<meta charset="gb18030">', CHINESE_GB), { html: true }).text).toContain('<p>中文</p>');
    expect(
      decodeCapturedText(page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', JAPANESE_SJIS), { html: true })
        .text,
    ).toContain('日本語');
  });

  it('reads a page that is plainly UTF-8 as UTF-8 despite an old legacy declaration (a page re-saved as UTF-8)', () => {
    // As readability's qq page: UTF-8 bytes under <meta charset=gb2312>; read as GB2312 it is mojibake.
    const resaved = new Uint8Array([...ascii('<meta charset="gb2312">'), ...new TextEncoder().encode('<p>首页 新闻 体育 娱乐</p>')]);
    expect(decodeCapturedText(resaved, { html: true })).toMatchObject({
      text: '<meta charset="gb2312"><p>首页 新闻 体育 娱乐</p>',
      encoding: 'utf-8',
      decidedBy: 'valid UTF-8',
    });
    // A few non-ASCII characters are not enough to overrule the page.
    const short = new Uint8Array([...ascii('<meta charset="windows-1252">'), ...new TextEncoder().encode('<p>Ã©</p>')]);
    expect(decodeCapturedText(short, { html: true })).toMatchObject({ encoding: 'windows-1252', decidedBy: 'declared in the page' });
  });

  it('lets a byte-order mark win over a declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="shift_jis"><p>東京</p>')]);
    expect(decodeCapturedText(bytes, { html: true })).toMatchObject({
      text: '<meta charset="shift_jis"><p>東京</p>',
      encoding: 'utf-8',
      decidedBy: 'byte-order mark',
    });
  });

  it('does not read declarations in plain text, and refuses bytes that are not UTF-8 there', () => {
    expect(() => decodeCapturedText(page('<meta charset="gb18030">', CHINESE_GB), { html: false })).toThrow(TypeError);
  });

  it('refuses an undeclared legacy page rather than guessing', () => {
    expect(() => decodeCapturedText(page('<title>x</title>', CHINESE_GB), { html: true })).toThrow(TypeError);
  });

  it('names encodings the way analysts read them', () => {
    expect(encodingLabel('shift_jis')).toBe('Shift_JIS');
    expect(encodingLabel('gb18030')).toBe('GB18030');
    expect(encodingLabel('iso-8859-2')).toBe('ISO-8859-2');
  });
});

describe('detectSnapshotType with declared charsets', () => {
  it('accepts a saved GB18030 or Shift_JIS page that declares its charset', () => {
    expect(detectSnapshotType(page('<meta charset="gb18030">', CHINESE_GB), 'xinhua.html')).toEqual({ ok: true, mediaType: 'text/html' });
    expect(detectSnapshotType(page('<meta charset="shift_jis">', JAPANESE_SJIS), 'saved-page')).toEqual({
      ok: true,
      mediaType: 'text/html',
    });
  });

  it('still refuses the same bytes as a .txt file, which cannot declare an encoding', () => {
    expect(detectSnapshotType(page('<meta charset="gb18030">', CHINESE_GB), 'notes.txt')).toMatchObject({ ok: false });
  });
});

describe('decodeCapturedText: byte-order marks and UTF-8', () => {
  const decodeText = (bytes: Uint8Array): string => decodeCapturedText(bytes, { html: false }).text;
  const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/snapshots/${name}`, import.meta.url));
  const encode = (value: string): Uint8Array => new TextEncoder().encode(value);

  it('decodes UTF-8, with or without a BOM (which is stripped)', () => {
    expect(decodeText(encode('日本語 ok'))).toBe('日本語 ok');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('ok')]))).toBe('ok');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('');
  });

  it('decodes UTF-16LE and UTF-16BE by their BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe5, 0x65]))).toBe('A日');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x65, 0xe5]))).toBe('A日');
  });

  it('decodes the UTF-16LE fixture, CRLF and astral characters included', () => {
    expect(decodeText(fixture('utf16le-bom.txt'))).toBe('UTF-16 notes\r\n日本語のテキスト\r\n한국어 텍스트\r\nÉté 🌍\r\n');
  });

  it('throws on bytes that are not valid in the encoding', () => {
    expect(() => decodeText(fixture('latin1.txt'))).toThrow(TypeError);
    expect(() => decodeText(new Uint8Array([0xc3]))).toThrow();
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41]))).toThrow();
  });
});
