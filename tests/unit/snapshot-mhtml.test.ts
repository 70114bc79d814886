import { describe, expect, it } from 'vitest';
import { looksLikeMhtml, MhtmlReadError, parseMhtml } from '../../src/snapshot/mhtml';
import { buildMhtml, TINY_PNG } from '../fixtures/web-archives';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ministry statement</title></head>
<body><p>The minister said: “déjà vu” = ${'long line '.repeat(20)}end.</p><img src="chart.png"><img src="https://tracker.example/pixel.gif"></body></html>`;

describe('parseMhtml', () => {
  it('finds the main page (quoted-printable, soft line breaks undone), its address and date, and the base64 image', () => {
    const document = parseMhtml(buildMhtml({ url: 'https://gov.example/statement', date: 'Fri, 4 Dec 2026 10:15:00 +0000', html: PAGE }));
    // A hard line break in quoted-printable is CRLF once decoded.
    expect(new TextDecoder().decode(document.main.bytes)).toBe(PAGE.replace(/\n/g, '\r\n'));
    expect(document.main.mediaType).toBe('text/html');
    expect(document.pageUrl).toBe('https://gov.example/statement');
    expect(document.savedAt).toBe('2026-12-04T10:15:00.000Z');
    expect(document.resources).toHaveLength(1);
    expect(document.resources[0]?.mediaType).toBe('image/png');
    expect(document.resources[0]?.contentLocation).toBe('https://gov.example/chart.png');
    expect(Buffer.from(document.resources[0]?.bytes ?? []).equals(TINY_PNG)).toBe(true);
  });

  it('keeps the charset the HTML part declares', () => {
    const document = parseMhtml(buildMhtml({ url: 'https://a.example/', date: 'x', html: '<p>x</p>', charset: 'shift_jis' }));
    expect(document.main.charset).toBe('shift_jis');
    expect(document.savedAt).toBeNull();
  });

  it('refuses a file cut short, and something that is not MIME at all, with a reason', () => {
    expect(() => parseMhtml(buildMhtml({ url: 'https://a.example/', date: 'x', html: '<p>x</p>', truncate: true }))).toThrow(/not closed/);
    expect(() => parseMhtml(new TextEncoder().encode('<html><p>just a page</p></html>'))).toThrow(MhtmlReadError);
    expect(looksLikeMhtml(buildMhtml({ url: 'https://a.example/', date: 'x', html: '<p>x</p>' }))).toBe(true);
  });

  it('refuses a damaged base64 part instead of storing garbage', () => {
    const bytes = Buffer.from(buildMhtml({ url: 'https://a.example/', date: 'x', html: '<p>x</p>' })).toString('latin1');
    const damaged = bytes.replace(TINY_PNG.toString('base64'), '!!not base64!!');
    expect(() => parseMhtml(Buffer.from(damaged, 'latin1'))).toThrow(/base64 part is damaged/);
  });
});
