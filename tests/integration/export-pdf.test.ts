import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPrinter } from '../../main/export/playwright-printer';
import { SAMPLE_MARKING, SAMPLE_TITLE } from '../fixtures/export/sample-briefing';
import { ExportFixture, pdfInfo, pdfText, squash } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const REFERENCE = new URL('../fixtures/export/page1-a4.pgm', import.meta.url);
/** Set to regenerate the stored page-1 image on purpose: UPDATE_EXPORT_REFERENCE=1 npx vitest run tests/integration/export-pdf.test.ts */
const UPDATE = process.env.UPDATE_EXPORT_REFERENCE === '1';

/** A binary PGM (P5) as width, height and grey bytes. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = bytes
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

describe('PDF export (Chromium page.pdf, read back with poppler)', () => {
  const temp = new TempDirs();
  const printer = new PlaywrightPrinter();
  let fixture: ExportFixture;
  let pdf: string;
  let pages: number;

  beforeAll(async () => {
    fixture = new ExportFixture(temp);
    pdf = (await fixture.export('pdf', printer)).path;
    pages = Number(pdfInfo(pdf).Pages);
  }, 120_000);

  afterAll(async () => {
    fixture.close();
    await printer.close();
    temp.cleanup();
  });

  it('holds the title, every judgement with likelihood and confidence as separate items, every note and both annexes', () => {
    const text = squash(pdfText(pdf));
    expect(text).toContain(SAMPLE_TITLE);
    expect(text).toContain('BRIEFING');
    expect(text).toContain('Date 2017-11-02 Author A. Analyst Status Final');
    expect(text).toContain('KJ1. NATO will deepen cooperation with Japan and South Korea in the next two years.');
    expect(text).toContain('Likelihood likely (55–80%) Confidence Moderate');
    expect(text).toContain('KJ2. North Korea will halt missile tests in 2018.');
    expect(text).toContain('Likelihood unlikely (20–45%) Confidence Low');
    expect(text).toContain('Supports S3 · A1 · “Japan and NATO will deepen practical cooperation on cyber defence.”');
    expect(text).toContain('Contradicts S2 · C3 · “We must keep up the pressure on Pyongyang.”');
    for (const quote of fixture.sample.quotes) expect(text).toContain(`“${quote.text}”`);
    expect(text).toMatch(
      /1\. “North Korea is a global threat and needs a global response\.” Jens Stoltenberg, 2017-10-31\. Speech at Keio University, Tokyo, NATO\. Grade B2\. Source S1\./,
    );
    expect(text).toMatch(/4\. \[missing source\]/);
    expect(text).toContain('otherwise4[missing source]');
    expect(text).toContain('Annex A: Sourcing');
    expect(text).toContain('https://example.org/kyodo/nato-seoul');
    // The hash wraps inside its table cell: read the page in content order, without spaces.
    expect(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(fixture.sample.snapshotSha);
    expect(text).toContain('Annex B: Probability yardstick (US ICD 203)');
    expect(text).toContain('roughly even chance / roughly even odds 45–55%');
    // The table and list of the body came through.
    expect(text).toContain('Tokyo Prime Minister Abe');
    expect(text).toContain('Seoul, 31 October–1 November');
  });

  it('prints the marking at the top and bottom of every page, with Page X of Y', () => {
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page += 1) {
      const lines = pdfText(pdf, page)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      expect(lines[0], `top of page ${page}`).toBe(SAMPLE_MARKING);
      expect(squash(lines.at(-1) ?? ''), `bottom of page ${page}`).toBe(`${SAMPLE_MARKING} Page ${page} of ${pages}`);
    }
  });

  it('carries Title, Author, Subject (product type), Keywords (tags) and Creator; A4, tagged', () => {
    const info = pdfInfo(pdf);
    expect(info.Title).toBe(SAMPLE_TITLE);
    expect(info.Author).toBe('A. Analyst');
    expect(info.Subject).toBe('Briefing');
    expect(info.Keywords).toBe('Region/Asia-Pacific');
    expect(info.Creator).toBe('Warrant test');
    expect(info['Page size']).toContain('(A4)');
    expect(info.Tagged).toBe('yes');
  });

  it('has an outline from the headings and internal links between note markers and notes', () => {
    const outline = execFileSync('pdfinfo', ['-dests', pdf], { encoding: 'utf8' });
    expect(outline).toContain('note-1');
    expect(outline).toContain('ref-1');
    const raw = readFileSync(pdf).toString('latin1');
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
  });

  it('renders page 1 like the stored reference image (within a tolerance)', () => {
    const out = join(fixture.dir, 'page1');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', '-singlefile', pdf, out]);
    const actual = readFileSync(`${out}.pgm`);
    if (UPDATE || !existsSync(REFERENCE)) {
      if (!UPDATE)
        throw new Error('No reference image: run with UPDATE_EXPORT_REFERENCE=1 to create tests/fixtures/export/page1-a4.pgm on purpose.');
      writeFileSync(REFERENCE, actual);
    }
    const a = readPgm(actual);
    const b = readPgm(readFileSync(REFERENCE));
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let differing = 0;
    let total = 0;
    for (let i = 0; i < a.pixels.length; i += 1) {
      const delta = Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0));
      total += delta;
      if (delta > 64) differing += 1;
    }
    expect(differing / a.pixels.length, 'share of clearly different pixels').toBeLessThan(0.01);
    expect(total / a.pixels.length, 'mean grey difference').toBeLessThan(2);
  });

  it('prints US Letter when asked', async () => {
    const letter = (await fixture.export('pdf', printer, 'letter')).path;
    expect(pdfInfo(letter)['Page size']).toContain('(letter)');
  });

  it('prints Chinese, Japanese and Korean text in a real font, not as boxes', async () => {
    const cjk = '北大西洋条約機構 東京 서울 訪問';
    fixture.workspace.briefings.updateMeta(fixture.sample.briefingId, { ...metaOf(fixture), summary: cjk });
    const path = (await fixture.export('pdf', printer)).path;
    // A missing glyph would drop out of the extracted text (as Hangul did with a font without it).
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' })).toContain(cjk);
    const fonts = execFileSync('pdffonts', ['-f', '1', '-l', '1', path], { encoding: 'utf8' });
    expect(fonts).toMatch(/WenQuanYi|CJK/i);
  });
});

function metaOf(fixture: ExportFixture) {
  const b = fixture.workspace.briefings.get(fixture.sample.briefingId);
  return {
    title: b.title,
    typeId: b.typeId,
    status: b.status,
    author: b.author,
    date: b.date,
    marking: b.marking,
    summary: b.summary,
    yardstick: b.yardstick,
    reference: b.reference,
    cutoffDate: b.cutoffDate,
    dissemination: b.dissemination,
    tagIds: b.tags.map((t) => t.id),
  };
}
