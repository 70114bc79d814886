import { describe, expect, it } from 'vitest';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { detectSnapshotType, extensionOf, looksLikeHtml, quotedFileName } from '../../src/snapshot/media-type';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index += 1) {
    out[index * 2] = text.charCodeAt(index) & 0xff;
    out[index * 2 + 1] = text.charCodeAt(index) >> 8;
  }
  return out;
};
const utf16be = (text: string): Uint8Array => {
  const le = utf16le(text);
  const out = new Uint8Array(le.length);
  for (let index = 0; index < le.length; index += 2) {
    out[index] = le[index + 1] ?? 0;
    out[index + 1] = le[index] ?? 0;
  }
  return out;
};

const PDF = utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< >>\nendobj\n');
const JPEG = concat(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), utf8('JFIF'), new Uint8Array(64).fill(0x41));
const PNG = concat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), new Uint8Array(32));
const GIF = utf8('GIF89a\u0001\u0000\u0001\u0000');
const ZIP = concat(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), utf8('[Content_Types].xml'));
const ELF = concat(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00), new Uint8Array(56));
const LATIN1 = bytes(...Array.from('Réunion à Genève', (char) => char.charCodeAt(0)));

function refusal(input: Uint8Array, fileName: string): string {
  const result = detectSnapshotType(input, fileName);
  if (result.ok) throw new Error(`expected a refusal, got ${result.mediaType}`);
  return result.message;
}

describe('detectSnapshotType: by extension, checked against the content', () => {
  it.each([
    ['page.html', utf8('<!doctype html><p>Hi</p>'), 'text/html'],
    ['page.HTM', utf8('<p>Hi</p>'), 'text/html'],
    ['page.xhtml', utf8('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'), 'text/html'],
    ['notes.txt', utf8('Plain notes'), 'text/plain'],
    ['notes.text', utf8('Plain notes'), 'text/plain'],
    ['README.md', utf8('# Heading\n\nBody'), 'text/plain'],
    ['speech.pdf', PDF, 'application/pdf'],
    ['SPEECH.PDF', PDF, 'application/pdf'],
    // A .txt that contains markup is still plain text: the extension decides.
    ['markup.txt', utf8('<p>not rendered</p>'), 'text/plain'],
  ] as const)('%s → %s', (name, content, mediaType) => {
    expect(detectSnapshotType(content, name)).toEqual({ ok: true, mediaType });
  });

  it('accepts a PDF header anywhere in the first 1024 bytes, as pdf.js does', () => {
    const at = (offset: number): Uint8Array => concat(new Uint8Array(offset).fill(0x20), PDF);
    expect(detectSnapshotType(at(100), 'a.pdf')).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(detectSnapshotType(at(1019), 'a.pdf')).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(refusal(at(1020), 'a.pdf')).toBe('“a.pdf” is not a PDF (it looks like plain text).');
  });

  it('names what a fake .pdf looks like', () => {
    expect(refusal(JPEG, 'speech.pdf')).toBe('“speech.pdf” is not a PDF (it looks like a JPEG image).');
    expect(refusal(PNG, 'speech.pdf')).toBe('“speech.pdf” is not a PDF (it looks like a PNG image).');
    expect(refusal(ZIP, 'speech.pdf')).toBe('“speech.pdf” is not a PDF (it looks like a ZIP archive, such as a Word or Excel document).');
    expect(refusal(utf8('<!DOCTYPE html><html></html>'), 'page.pdf')).toBe('“page.pdf” is not a PDF (it looks like an HTML page).');
    expect(refusal(utf8('just words'), 'notes.pdf')).toBe('“notes.pdf” is not a PDF (it looks like plain text).');
    expect(refusal(new Uint8Array(300).fill(1), 'blob.pdf')).toBe('“blob.pdf” is not a PDF (it looks like binary data).');
  });

  it.each([
    [PDF, 'a PDF document'],
    [JPEG, 'a JPEG image'],
    [PNG, 'a PNG image'],
    [GIF, 'a GIF image'],
    [ZIP, 'a ZIP archive, such as a Word or Excel document'],
    [ELF, 'a program (an ELF executable)'],
  ])('refuses a .txt or .html that is really %#: %s', (content, looksLike) => {
    expect(refusal(content, 'notes.txt')).toBe(`“notes.txt” is not a text file (it looks like ${looksLike}).`);
    expect(refusal(content, 'page.html')).toBe(`“page.html” is not an HTML page (it looks like ${looksLike}).`);
  });

  it('decodes UTF-8 and BOM-marked UTF-16 text', () => {
    expect(detectSnapshotType(concat(bytes(0xef, 0xbb, 0xbf), utf8('Été')), 'a.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
    expect(detectSnapshotType(concat(bytes(0xff, 0xfe), utf16le('日本語')), 'a.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
    expect(detectSnapshotType(concat(bytes(0xfe, 0xff), utf16be('<p>한국어</p>')), 'a.html')).toEqual({ ok: true, mediaType: 'text/html' });
  });

  it('refuses text that is not UTF-8, rather than guessing', () => {
    expect(refusal(LATIN1, 'latin1.txt')).toBe(
      '“latin1.txt” is not UTF-8 text (it looks like text in an older encoding such as Latin-1 or Windows-1252). Save it as UTF-8 and attach it again.',
    );
    expect(refusal(LATIN1, 'page.html')).toMatch(/^“page\.html” is not UTF-8 text/);
  });

  it('refuses NUL bytes and odd-length or unpaired UTF-16', () => {
    expect(refusal(utf8('abc\u0000def'), 'a.txt')).toBe('“a.txt” is not a text file (it looks like binary data).');
    // UTF-16 without a BOM is full of NULs for ASCII text.
    expect(refusal(utf16le('Hello, this is UTF-16 without a BOM'), 'a.txt')).toBe(
      '“a.txt” is not a text file (it looks like binary data).',
    );
    // One NUL in otherwise fine UTF-8 text is binary data, not a legacy encoding.
    expect(refusal(utf8(`${'plain words '.repeat(500)}\u0000`), 'a.txt')).toBe('“a.txt” is not a text file (it looks like binary data).');
    expect(refusal(concat(bytes(0xff, 0xfe), utf16le('ab'), bytes(0x41)), 'a.txt')).toBe(
      '“a.txt” is not a text file (it looks like damaged UTF-16 text).',
    );
    expect(refusal(concat(bytes(0xff, 0xfe), bytes(0x00, 0xd8, 0x41, 0x00)), 'a.txt')).toBe(
      '“a.txt” is not a text file (it looks like damaged UTF-16 text).',
    );
  });

  it('refuses an empty file', () => {
    expect(refusal(new Uint8Array(0), 'empty.txt')).toBe('“empty.txt” is empty.');
  });

  it('refuses a file over the size limit, naming the limit, and accepts one at the limit', () => {
    const atLimit = new Uint8Array(SNAPSHOT_MAX_BYTES).fill(0x61);
    expect(detectSnapshotType(atLimit, 'big.txt')).toEqual({ ok: true, mediaType: 'text/plain' });
    const over = new Uint8Array(SNAPSHOT_MAX_BYTES + 1);
    over.set(PDF);
    expect(SNAPSHOT_MAX_LABEL).toBe('25 MB');
    expect(refusal(over, 'big.pdf')).toBe('“big.pdf” is 25.1 MB; a snapshot can be at most 25 MB.');
    expect(refusal(new Uint8Array(30 * 1024 * 1024), 'huge.txt')).toBe('“huge.txt” is 30.0 MB; a snapshot can be at most 25 MB.');
  });
});

describe('detectSnapshotType: unknown extension, by content', () => {
  it.each([
    ['download', PDF, 'application/pdf'],
    ['page.php', utf8('  <!DOCTYPE html>\n<html><body>x</body></html>'), 'text/html'],
    ['page.asp', utf8('<p>Para</p>'), 'text/html'],
    ['saved.dat', utf8('<!-- saved from url --><div>x</div>'), 'text/html'],
    ['README', utf8('Just some words < and > symbols'), 'text/plain'],
    ['log.csv', utf8('a,b\n1,2\n'), 'text/plain'],
    ['letter.eml', concat(bytes(0xff, 0xfe), utf16le('Dear colleague')), 'text/plain'],
  ] as const)('%s → %s', (name, content, mediaType) => {
    expect(detectSnapshotType(content, name)).toEqual({ ok: true, mediaType });
  });

  it('keeps PNG, JPEG and WebP images (their text is read with OCR), by their bytes whatever the name says', () => {
    const WEBP = concat(utf8('RIFF'), bytes(0x24, 0, 0, 0), utf8('WEBPVP8 '), new Uint8Array(24));
    expect(detectSnapshotType(PNG, 'shot.png')).toEqual({ ok: true, mediaType: 'image/png' });
    expect(detectSnapshotType(JPEG, 'photo.JPEG')).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(detectSnapshotType(WEBP, 'post.webp')).toEqual({ ok: true, mediaType: 'image/webp' });
    expect(detectSnapshotType(PNG, 'no-extension')).toEqual({ ok: true, mediaType: 'image/png' });
    expect(refusal(JPEG, 'shot.png')).toBe('“shot.png” is not a PNG image (it looks like a JPEG image).');
    expect(refusal(utf8('<p>not a picture</p>'), 'shot.webp')).toBe('“shot.webp” is not a WebP image (it looks like text).');
  });

  it('refuses other formats, naming them', () => {
    expect(refusal(GIF, 'anim.gif')).toBe(
      '“anim.gif” cannot be kept as a snapshot (it looks like a GIF image); a snapshot must be an HTML page, a PDF, a plain-text file or a PNG, JPEG or WebP image.',
    );
    expect(refusal(ZIP, 'report.docx')).toMatch(/\(it looks like a ZIP archive, such as a Word or Excel document\)/);
    expect(refusal(new Uint8Array(64).fill(2), 'data.bin')).toMatch(
      /^“data\.bin” cannot be kept as a snapshot \(it looks like binary data\)/,
    );
    expect(refusal(utf8('SQLite format 3\u0000rest'), 'case.warrant')).toMatch(/a SQLite database/);
  });

  it('does not take text that merely mentions %PDF- for a PDF', () => {
    expect(detectSnapshotType(utf8('Notes about the %PDF-1.7 header'), 'notes.log')).toEqual({ ok: true, mediaType: 'text/plain' });
  });
});

describe('helpers', () => {
  it('quotes only the base name, without control characters', () => {
    expect(quotedFileName('C:\\Users\\a\\speech.pdf')).toBe('“speech.pdf”');
    expect(quotedFileName('/tmp/x/notes.txt')).toBe('“notes.txt”');
    expect(quotedFileName('bad\u0000\u001b[31mname.txt')).toBe('“bad[31mname.txt”');
    expect(quotedFileName('')).toBe('The file');
    expect(quotedFileName(`${'a'.repeat(200)}.pdf`)).toMatch(/^“a{80}…a{26}\.pdf”$/);
  });

  it('finds extensions', () => {
    expect(extensionOf('a.b.HTML')).toBe('html');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('dir.d/README')).toBe('');
  });

  it('sniffs HTML by the WHATWG openings', () => {
    expect(looksLikeHtml('\n\t<!doctype html>')).toBe(true);
    expect(looksLikeHtml('<HTML lang=en>')).toBe(true);
    expect(looksLikeHtml('<b>bold</b>')).toBe(true);
    expect(looksLikeHtml('<br/>')).toBe(false);
    expect(looksLikeHtml('<bogus>')).toBe(false);
    expect(looksLikeHtml('text <p>later</p>')).toBe(false);
  });
});
