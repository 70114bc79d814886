import { describe, expect, it } from 'vitest';
import { decodeUnknownLatex, isMappedField, stripLatex, verbatimUrl } from '../../src/interchange/bibtex-fields';
import { cleanDoi, doiFromUrl } from '../../src/interchange/identifiers';
import { risPublished, tidyRisRecord } from '../../src/interchange/ris-fields';

describe('LaTeX citation-js does not know (defect 6)', () => {
  it('decodes å, Å, dotless-i accents, thin spaces, ð, \\hyphen, discretionary hyphens and \\enquote', () => {
    expect(
      decodeUnknownLatex(
        "H{\\aa}kan {\\AA}sa H\\aa kan caf{\\'\\i} 10\\,000 Ragnhei{\\d}ur well\\hyphen known pre\\-Columbian \\enquote*{a} \\enquote{b}",
      ),
    ).toBe('Håkan Åsa Håkan cafí 10\u2009000 Ragnheiður well-known preColumbian ‘a’ “b”');
    // A LaTeX line break before a hyphen or comma is not a command of its own.
    expect(decodeUnknownLatex('end\\\\-start a\\\\,b')).toBe('end\\\\-start a\\\\,b');
  });

  it('keeps only the fields Warrant maps, and strips what cannot be decoded to plain text', () => {
    expect(['title', 'Journaltitle', 'warrant-kind'].every(isMappedField)).toBe(true);
    expect(['addendum', 'file', 'mendeley-tags'].some(isMappedField)).toBe(false);
    expect(stripLatex('Odd \\enquote* {\\weird{x}} end')).toBe('Odd x end');
    expect(verbatimUrl('https://e.org/?a=1%26b\\_c')).toBe('https://e.org/?a=1%26b_c');
  });
});

describe('identifiers (defect 7)', () => {
  it('reads every way exports write a DOI and refuses what is not one', () => {
    expect(
      [
        '10/fqd6hj',
        'doi: 10.1000/x',
        'https://doi.org/10.1000/x',
        'http://dx.doi.org/10.1000/x',
        'http://doi.acm.org/10.1000/x',
        'info:doi/10.1000/x',
        'https://doi.org/10.1000%2Fx',
      ].map(cleanDoi),
    ).toEqual(['10/fqd6hj', '10.1000/x', '10.1000/x', '10.1000/x', '10.1000/x', '10.1000/x', '10.1000/x']);
    expect(cleanDoi('not-a-doi')).toBeNull();
    expect(doiFromUrl('https://example.org/10.1000/x')).toBeNull();
  });
});

describe('RIS fields (defects 1 and 4)', () => {
  it('never takes a day or month for a year', () => {
    expect(risPublished({ PY: '2018', DA: 'JUN 19' })).toEqual({ date: '2018-06-19', warnings: [] });
    expect(risPublished({ DA: 'Mar 1' })).toEqual({ date: null, warnings: ['its publication date could not be read and was left out'] });
    expect(risPublished({ PY: '0019' }).date).toBeNull();
    expect(risPublished({ Y1: '2019/02/30/' }).date).toBe('2019-02');
  });

  it('keeps the first readable value of a repeated single-value tag', () => {
    expect(tidyRisRecord({ TI: 'T', DO: ['x', '10.1/a', '10.1/A'], KW: ['a', 'b'] })).toEqual({
      record: { TI: 'T', DO: '10.1/a', KW: ['a', 'b'] },
      extraNotes: ['DOI also given as: x'],
    });
  });
});
