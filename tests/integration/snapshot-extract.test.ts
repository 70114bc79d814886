import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPastedText, extractSnapshot } from '../../main/snapshot/extract';
import { extractPdfText, PdfReadError } from '../../main/snapshot/pdf-text';
import { WarrantError } from '../../src/contract/errors';
import { SNAPSHOT_MAX_BYTES } from '../../src/snapshot/limits';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/snapshots/${name}`, import.meta.url));
const fixturePath = (name: string): string => new URL(`../fixtures/snapshots/${name}`, import.meta.url).pathname;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The text of each page of two-pages.pdf, as printed by make-fixtures.mjs. */
const PAGE_ONE = 'Page one of the fixture.\nThe quick brown fox jumps over the lazy dog.\nCafé, naïve, déjà vu.';
const PAGE_TWO = 'Page two of the fixture.\nPack my box with five dozen liquor jugs.';

async function refusal(run: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WarrantError);
    expect((error as WarrantError).code).toBe('invalid_input');
    return (error as WarrantError).message;
  }
  throw new Error('expected a refusal');
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('extractSnapshot: PDF', () => {
  it('extracts the text of each page, the page offsets, the title, size and SHA-256', async () => {
    const bytes = fixture('two-pages.pdf');
    const snapshot = await extractSnapshot(bytes, 'two-pages.pdf');
    expect(snapshot).toEqual({
      mediaType: 'application/pdf',
      text: `${PAGE_ONE}\n\n${PAGE_TWO}`,
      pageOffsets: [0, PAGE_ONE.length + 2],
      sha256: sha256(bytes),
      size: bytes.length,
      title: 'Two-page fixture',
      encoding: null,
      textNotice: null,
      ocr: null,
      archive: null,
      images: [],
    });
    const [first = 0, second = 0] = snapshot.pageOffsets ?? [];
    expect(snapshot.text.slice(first, second).trim()).toBe(PAGE_ONE);
    expect(snapshot.text.slice(second)).toBe(PAGE_TWO);
  });

  it.runIf(hasPdftotext())('agrees with pdftotext, page by page', async () => {
    const { text, pageOffsets } = await extractPdfText(fixture('two-pages.pdf'));
    const words = (value: string): string[] => value.split(/\s+/).filter(Boolean);
    for (const [index, start] of pageOffsets.entries()) {
      const page = text.slice(start, pageOffsets[index + 1] ?? text.length);
      const page1 = String(index + 1);
      const poppler = execFileSync('pdftotext', ['-f', page1, '-l', page1, '-enc', 'UTF-8', fixturePath('two-pages.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(words(page)).toEqual(words(poppler.normalize('NFC')));
    }
  });

  it('leaves the caller’s bytes intact (pdf.js gets a copy) and accepts a Buffer', async () => {
    const bytes = fixture('two-pages.pdf');
    const before = Buffer.from(bytes);
    await extractSnapshot(bytes, 'two-pages.pdf');
    expect(bytes.byteLength).toBe(before.byteLength);
    expect(Buffer.compare(bytes, before)).toBe(0);
    const plain = new Uint8Array(before);
    await extractPdfText(plain);
    expect(plain.byteLength).toBe(before.byteLength);
    expect(Buffer.compare(plain, before)).toBe(0);
  });

  it('reads text in a non-embedded standard font (standard font data from the package)', async () => {
    const snapshot = await extractSnapshot(fixture('standard-font.pdf'), 'standard-font.pdf');
    expect(snapshot.text).toBe('Standard font line one.\nStandard font line two.');
    expect(snapshot.pageOffsets).toEqual([0]);
    expect(snapshot.title).toBe('');
  });

  it('reads CJK text in a font with a predefined CMap (CMaps from the package)', async () => {
    expect((await extractSnapshot(fixture('cjk-cmap.pdf'), 'cjk.pdf')).text).toBe('日本語のテキスト');
  });

  it('caps the number of pages read', async () => {
    const capped = await extractPdfText(fixture('two-pages.pdf'), { maxPages: 1 });
    expect(capped).toEqual({
      text: PAGE_ONE,
      pageTexts: [PAGE_ONE],
      pageOffsets: [0],
      pageCount: 2,
      title: 'Two-page fixture',
      xfaForm: false,
    });
  });

  it('stops a PDF that takes too long', async () => {
    await expect(extractPdfText(fixture('two-pages.pdf'), { timeoutMs: 1 })).rejects.toThrow(
      new PdfReadError('reading it took longer than 1 second'),
    );
  });

  it('leaves the host’s globals alone (pdf.js and its polyfills load in a worker thread)', async () => {
    const push = Array.prototype.push;
    const stringify = JSON.stringify;
    await extractPdfText(fixture('two-pages.pdf'));
    expect(Array.prototype.push).toBe(push);
    expect(JSON.stringify).toBe(stringify);
    for (const name of ['pdfjsLib', 'pdfjsWorker', 'self', 'DOMMatrix']) expect(name in globalThis).toBe(false);
  });

  it('refuses a truncated PDF', async () => {
    expect(await refusal(() => extractSnapshot(fixture('truncated.pdf'), 'truncated.pdf'))).toBe(
      '“truncated.pdf” could not be read as a PDF (it is damaged, incomplete or not a PDF).',
    );
  });

  it('refuses a PDF header followed by garbage', async () => {
    const garbage = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 7919) % 251)),
    ]);
    expect(await refusal(() => extractSnapshot(garbage, 'garbage.pdf'))).toMatch(/^“garbage\.pdf” could not be read as a PDF \(.+\)\.$/);
  });

  it('refuses a password-protected PDF', async () => {
    expect(await refusal(() => extractSnapshot(fixture('password.pdf'), 'secret.pdf'))).toBe(
      '“secret.pdf” could not be read as a PDF (it is protected by a password).',
    );
  });

  it('refuses a JPEG named .pdf without handing it to pdf.js', async () => {
    expect(await refusal(() => extractSnapshot(fixture('photo-named.pdf'), 'speech.pdf'))).toBe(
      '“speech.pdf” is not a PDF (it looks like a JPEG image).',
    );
  });
});

describe('extractSnapshot: HTML and text', () => {
  it('extracts readable text and the title from HTML', async () => {
    const bytes = fixture('hostile.html');
    const snapshot = await extractSnapshot(bytes, 'hostile.html');
    expect(snapshot.mediaType).toBe('text/html');
    expect(snapshot.title).toBe('Hostile & friendly — 日本');
    expect(snapshot.pageOffsets).toBeNull();
    expect(snapshot.size).toBe(bytes.length);
    expect(snapshot.sha256).toBe(sha256(bytes));
    expect(snapshot.text.startsWith('Statement on the <script> incident\n\nInline script removed;')).toBe(true);
    expect(snapshot.text).not.toMatch(/HEAD-SCRIPT|SVG-|IFRAME|HIDDEN|alert\(['"]/);
  });

  it('refuses HTML nested absurdly deep', async () => {
    const deep = new TextEncoder().encode(`<!doctype html>${'<div>'.repeat(100_000)}x`);
    expect(await refusal(() => extractSnapshot(deep, 'deep.html'))).toBe(
      '“deep.html” could not be read as an HTML page (it nests more than 2,000 elements inside one another).',
    );
  });

  it('decodes UTF-16LE with a BOM; line ends become \\n', async () => {
    const bytes = fixture('utf16le-bom.txt');
    expect(await extractSnapshot(bytes, 'utf16le-bom.txt')).toEqual({
      mediaType: 'text/plain',
      text: 'UTF-16 notes\n日本語のテキスト\n한국어 텍스트\nÉté 🌍\n',
      pageOffsets: null,
      sha256: sha256(bytes),
      size: 84,
      title: '',
      encoding: 'utf-16le',
      textNotice: null,
      ocr: null,
      archive: null,
      images: [],
    });
  });

  it('reads a saved Shift_JIS page in the charset it declares, and records it', async () => {
    const ascii = (text: string): number[] => Array.from(new TextEncoder().encode(text));
    // 東京 and 会議 in Shift_JIS: not valid UTF-8, so before the declaration was read this page was refused.
    const bytes = new Uint8Array([
      ...ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>'),
      ...[0x93, 0x8c, 0x8b, 0x9e],
      ...ascii('</title></head><body><p>'),
      ...[0x89, 0xef, 0x8b, 0x63],
      ...ascii('</p></body></html>'),
    ]);
    const snapshot = await extractSnapshot(bytes, 'saved.html');
    expect(snapshot).toMatchObject({ mediaType: 'text/html', title: '東京', text: '会議', encoding: 'shift_jis', sha256: sha256(bytes) });
  });

  it('refuses Latin-1 text instead of producing mojibake', async () => {
    expect(await refusal(() => extractSnapshot(fixture('latin1.txt'), 'latin1.txt'))).toBe(
      '“latin1.txt” is not UTF-8 text (it looks like text in an older encoding such as Latin-1 or Windows-1252). Save it as UTF-8 and attach it again.',
    );
  });

  it('refuses a PDF saved as .txt and an HTML file that is an image', async () => {
    expect(await refusal(() => extractSnapshot(fixture('two-pages.pdf'), 'notes.txt'))).toBe(
      '“notes.txt” is not a text file (it looks like a PDF document).',
    );
    expect(await refusal(() => extractSnapshot(fixture('photo-named.pdf'), 'page.html'))).toBe(
      '“page.html” is not an HTML page (it looks like a JPEG image).',
    );
  });

  it('refuses empty and oversized files', async () => {
    expect(await refusal(() => extractSnapshot(new Uint8Array(0), 'empty.html'))).toBe('“empty.html” is empty.');
    const tooBig = new Uint8Array(SNAPSHOT_MAX_BYTES + 1).fill(0x61);
    expect(await refusal(() => extractSnapshot(tooBig, 'big.txt'))).toBe('“big.txt” is 25.1 MB; a snapshot can be at most 25 MB.');
  });

  it('sniffs a file with an unknown extension', async () => {
    const html = await extractSnapshot(new TextEncoder().encode('<!doctype html><title>T</title><p>Body</p>'), 'saved.php');
    expect(html).toMatchObject({ mediaType: 'text/html', title: 'T', text: 'Body' });
    const pdf = await extractSnapshot(fixture('two-pages.pdf'), 'download');
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', pageOffsets: [0, PAGE_ONE.length + 2] });
  });
});

describe('extractPastedText', () => {
  it('stores the UTF-8 of the pasted text and extracts it as plain text', () => {
    const pasted = 'Pasted\r\nfrom a page: 日本語 and Cafe\u0301';
    const result = extractPastedText(pasted);
    expect(Buffer.from(result.bytes).toString('utf8')).toBe(pasted);
    expect(result).toMatchObject({
      mediaType: 'text/plain',
      text: 'Pasted\nfrom a page: 日本語 and Café',
      pageOffsets: null,
      size: result.bytes.length,
      sha256: sha256(result.bytes),
      title: '',
    });
  });

  it('refuses empty and oversized pastes', async () => {
    expect(await refusal(() => extractPastedText(' \n\t '))).toBe('The pasted text is empty.');
    expect(await refusal(() => extractPastedText('é'.repeat(SNAPSHOT_MAX_BYTES / 2 + 1)))).toBe(
      'The pasted text is 25.1 MB; a snapshot can be at most 25 MB.',
    );
  });
});
