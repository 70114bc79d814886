import { describe, expect, it } from 'vitest';
import { type CitationJs, loadCitationJs } from '../../main/interchange/citation';
import { readLibraryFile } from '../../main/interchange/read-file';
import { readBibtexEntry } from '../../src/interchange/bibtex-entry';

const quiet = { progress() {}, throwIfCancelled() {} };
const citationJs: CitationJs = await loadCitationJs();

/** The CSL fields `cslToRecord` reads: the direct mapping must give each exactly as citation-js's mapping does. */
const READ_FIELDS = [
  'title',
  'title-short',
  'container-title',
  'URL',
  'issued',
  'note',
  'abstract',
  'DOI',
  'type',
  'author',
  'editor',
  'publisher',
  'accessed',
  'language',
  'ISBN',
  'keyword',
] as const;

/** Entries where several BibLaTeX rules compete for one CSL field, or a converter has an odd case. */
const TRICKY: readonly string[] = [
  '@article{a1, title = {T}, subtitle = {S}, titleaddon = {A}, journal = {J}, journaltitle = {JT}, journalsubtitle = {JS}}',
  '@article{a2, subtitle = {Only a subtitle}, journal = {J}, booktitle = {B}}',
  '@inproceedings{p1, title = {T}, journal = {J}, booktitle = {B}, booksubtitle = {BS}, maintitle = {M}}',
  '@incollection{c1, title = {T}, booksubtitle = {Only BS}, journaltitle = {JT}}',
  '@book{b1, title = {T}, maintitle = {M}, booktitle = {B}, publisher = {P1 and P2}, organization = {O}}',
  '@thesis{t1, title = {T}, school = {S}, institution = {I}, howpublished = {H}}',
  '@phdthesis{t2, title = {T}, school = {S}, howpublished = {Printed}}',
  '@misc{m1, title = {T}, school = {S}, howpublished = {https://example.org/x}}',
  '@misc{m2, title = {T}, howpublished = {https://example.org/y}, url = {https://example.org/z}}',
  '@misc{m3, title = {T}, organization = {O}, institution = {I}}',
  '@report{r1, title = {T}, institution = {I}, type = {Working paper}, number = {7}}',
  '@misc{d1, title = {T}, date = {2020-01-02/2020-03}, year = {1999}, month = {jan}}',
  '@misc{d2, title = {T}, year = {2020}, month = {sep}, day = {31}}',
  '@misc{d3, title = {T}, year = {circa 1900}, month = {March 3}}',
  '@misc{d4, title = {T}, month = {dec}}',
  '@misc{d5, title = {T}, date = {unknown}, urldate = {2021-02-03T10:00}}',
  '@misc{d6, title = {T}, year = {2020}, month = {13}}',
  '@online{l1, title = {T}, language = {english and german}, langid = {french}}',
  '@online{l2, title = {T}, langid = {french}}',
  '@misc{k1, title = {T}, keywords = {one, two,,  three }, shorttitle = {Short}}',
  '@misc{n1, author = {Müller, Jörg and van der Berg, Anna and {NATO} and de la Cruz, Jr., Juan}, editor = {E. Ditor}}',
  '@misc{n2, title = {T}, author = {given=Given, family=Family, prefix=van}}',
  '@misc{i1, title = {T}, doi = {10.1000/X}, isbn = {978-3-16-148410-0}, note = {N}, abstract = {Ab}, annotation = {An}}',
  '@artwork{w1, title = {Art}}',
  '@legislation{w2, title = {Act}}',
  '@weirdtype{w3, title = {Unknown type}}',
  '@dataset{w4, title = {Data}, eprint = {123}, eprinttype = {pubmed}}',
];

function decoded(text: string): { type: string; label: string; properties: Record<string, unknown> } {
  const raw = readBibtexEntry(text, new Map(Object.entries(citationJs.defaultStrings)));
  if (!raw) throw new Error(`the reader did not take ${text}`);
  const properties: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw.properties))
    if (value !== '') properties[name] = citationJs.decodeBibtexValue(String(value), name);
  return { type: raw.type, label: raw.label, properties };
}

const pick = (item: Record<string, unknown> | undefined): Record<string, unknown> =>
  Object.fromEntries(READ_FIELDS.filter((field) => item?.[field] !== undefined).map((field) => [field, item?.[field]]));

describe('the direct BibLaTeX → CSL mapping', () => {
  it.each(TRICKY)('maps %s as citation-js does, field by field', (text) => {
    const entry = decoded(text);
    const mine = citationJs.mapDecodedEntries([entry]);
    const theirs = citationJs.mapBibtexEntries([entry]);
    expect(mine).not.toBeNull();
    expect(pick(mine?.[0])).toEqual(pick(theirs[0]));
  });

  it('leaves a batch with a crossref to citation-js, which lets a child inherit from its parent', () => {
    const parent = decoded('@book{parent, title = {Parent book}, publisher = {P}}');
    const child = decoded('@inbook{child, title = {Chapter}, crossref = {parent}}');
    expect(citationJs.mapDecodedEntries([parent, child])).toBeNull();
    // citation-js looks up a missing crossref as the key `undefined`: such a key makes every entry of its batch inherit.
    expect(
      citationJs.mapDecodedEntries([decoded('@misc{undefined, publisher = {Inherited}}'), decoded('@misc{other, title = {T}}')]),
    ).toBeNull();
  });

  it.each([
    ['without a crossref (mapped directly)', TRICKY],
    [
      'with a crossref (mapped by citation-js)',
      ['@book{parent, title = {Parent book}, publisher = {P}, year = 2001}', '@inbook{child, title = {Chapter}, crossref = {parent}}'],
    ],
  ])('gives an import of a file %s the same records, failures and warnings as the older paths', async (_, entries) => {
    const file = [
      ...entries,
      "@misc{latex, title = {\\unknowncommand{x} and $x^2$}, author = {Garc{\\'i}a, Luc{\\'i}a}}",
      '@misc{notitle, author = {A. Author}}',
    ].join('\n');
    const bytes = new TextEncoder().encode(file);
    const direct = await readLibraryFile(bytes, 'tricky.bib', quiet);
    const values = await readLibraryFile(bytes, 'tricky.bib', quiet, { bibtexPath: 'values' });
    const grammar = await readLibraryFile(bytes, 'tricky.bib', quiet, { bibtexPath: 'grammar' });
    expect(direct.records.length).toBe(entries.length - (entries === TRICKY ? 1 : 0) + 1);
    expect(direct.failed.map((failure) => failure.key)).toEqual(entries === TRICKY ? ['n1', 'notitle'] : ['notitle']);
    expect(direct).toEqual(values);
    expect(direct).toEqual(grammar);
  });
});
