import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractSnapshot } from '../../main/snapshot/extract';
import { LibraryFixture } from './helpers/library';
import { shapesOnlyPdf, xfaFormPdf } from './helpers/minimal-pdf';

describe('extraction says when it could not read text', () => {
  it('records "no text" for a PDF whose pages draw only shapes (a scan without a text layer)', async () => {
    const snapshot = await extractSnapshot(shapesOnlyPdf(2), 'scan.pdf');
    expect(snapshot).toMatchObject({ mediaType: 'application/pdf', pageOffsets: [0, 2], textNotice: 'no-text' });
    expect(snapshot.text.trim()).toBe('');
  });

  it('reads a pure XFA form from its data: printed labels and filled-in values, marked as an XFA form', async () => {
    const snapshot = await extractSnapshot(xfaFormPdf('Application for a permit', 'Gauss'), 'form.pdf');
    expect(snapshot.textNotice).toBe('xfa-form');
    expect(snapshot.text).toContain('Application for a permit');
    expect(snapshot.text).toContain('Gauss');
  });

  it('records "no text" for a saved page with no visible text', async () => {
    const snapshot = await extractSnapshot(
      new TextEncoder().encode('<!doctype html><title>Only a title</title><body><script>x()</script></body>'),
      'blank.html',
    );
    expect(snapshot).toMatchObject({ text: '', textNotice: 'no-text' });
  });

  it('records nothing for a normal capture', async () => {
    expect((await extractSnapshot(new TextEncoder().encode('Some notes.'), 'notes.txt')).textNotice).toBeNull();
  });
});

describe('the stored notice', () => {
  const lib = new LibraryFixture();
  beforeEach(() => lib.open());
  afterEach(() => lib.close());

  it('is kept with the snapshot and returned with its details and its text, across a reopen', () => {
    const source = lib.source({ title: 'Scanned letter' });
    const info = lib.snapshot(source.id, '', {
      fileName: 'scan.pdf',
      mediaType: 'application/pdf',
      bytes: shapesOnlyPdf(),
      pageOffsets: [0],
      textNotice: 'no-text',
    });
    expect(info.textNotice).toBe('no-text');
    lib.reopen();
    expect(lib.ws.snapshots.info(source.id).textNotice).toBe('no-text');
    expect(lib.ws.snapshots.text(source.id)).toMatchObject({ text: '', textNotice: 'no-text' });
  });

  it('is null for a snapshot read normally', () => {
    const source = lib.source({ title: 'Notes' });
    expect(lib.snapshot(source.id, 'Plain notes.').textNotice).toBeNull();
  });
});
