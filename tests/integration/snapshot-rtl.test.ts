import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../main/snapshot/extract';
import { LibraryFixture } from './helpers/library';

// Printed by Chromium (make-fixtures.mjs): it draws Arabic glyph by glyph from left to right in
// shaped presentation forms, so read as drawn every Arabic word came out backwards.
const rtlPdf = (): Uint8Array => new Uint8Array(readFileSync(new URL('../fixtures/snapshots/rtl.pdf', import.meta.url)));
const LINES = ['انواع الخطوط العربية', 'وكالة الأنباء Reuters تقول 2024', 'שלום עולם מה שלום כולם?'];

describe('right-to-left PDF text', () => {
  const lib = new LibraryFixture();
  beforeEach(() => lib.open());
  afterEach(() => lib.close());

  it('is extracted in reading order with ordinary Arabic letters, Latin and numbers inside it left to right, Hebrew unchanged', async () => {
    const snapshot = await extractSnapshot(rtlPdf(), 'rtl.pdf');
    expect(snapshot.text.split(/\n+/)).toEqual(LINES);
    expect(snapshot.textNotice).toBeNull();
  });

  it('can be found by search and quoted', async () => {
    const snapshot = await extractSnapshot(rtlPdf(), 'rtl.pdf');
    const source = lib.source({ title: 'Arabic type specimen' });
    lib.snapshot(source.id, snapshot.text, {
      fileName: 'rtl.pdf',
      mediaType: 'application/pdf',
      bytes: rtlPdf(),
      pageOffsets: snapshot.pageOffsets,
    });
    expect(lib.search('الخطوط').sources.items.map((hit) => hit.title)).toEqual(['Arabic type specimen']);
    expect(lib.search('שלום').sources.items.map((hit) => hit.title)).toEqual(['Arabic type specimen']);
    expect(lib.selectedQuote(source.id, 'الخطوط العربية').text).toBe('الخطوط العربية');
  });
});
