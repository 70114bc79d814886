import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLibrary } from '../../main/interchange/export-library';
import { importFile } from '../../main/interchange/import-service';
import type { ReadControl } from '../../main/interchange/read-file';
import type { ExportFormat } from '../../src/interchange/schemas';
import { LibraryFixture } from './helpers/library';

/** Structured author names (issue 15, defect 8's last part): family and given in, and out again. */
const quiet: ReadControl = { progress: () => undefined, throwIfCancelled: () => undefined };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const lib = new LibraryFixture();
beforeEach(() => lib.open());
afterEach(() => lib.close());

const sources = () => [...lib.ws.interchange.exportSources()];

async function exported(format: ExportFormat): Promise<string> {
  let text = '';
  await exportLibrary(lib.ws, format, (chunk) => (text += chunk), quiet);
  return text;
}

const BIBTEX = `@article{people,
  title = {Names of every shape},
  author = {Garrido, Mario and {NATO} and van Gogh, Vincent and King, Jr., Martin Luther and {Van Beethoven}, Ludwig and M{\\"u}ller, J{\\"o}rg}
}
`;
const PEOPLE = [
  { family: 'Garrido', given: 'Mario' },
  { literal: 'NATO' },
  { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
  { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
  { family: 'Van Beethoven', given: 'Ludwig' },
  { family: 'Müller', given: 'Jörg' },
];
const AUTHOR_TEXT = 'Mario Garrido; NATO; Vincent van Gogh; Martin Luther King Jr.; Ludwig Van Beethoven; Jörg Müller';

describe('structured author names', () => {
  it('keeps family and given from BibTeX beside the author text, which stays as the UI shows it', async () => {
    await importFile(lib.ws, utf8(BIBTEX), 'names.bib', 'skip', quiet);
    const [source] = sources();
    expect(source?.draft.author).toBe(AUTHOR_TEXT);
    expect(source?.authorNames).toEqual(PEOPLE);
  });

  it('exports BibTeX as Family, Given and CSL-JSON as {family, given}; organisations stay literal', async () => {
    await importFile(lib.ws, utf8(BIBTEX), 'names.bib', 'skip', quiet);
    expect(await exported('bibtex')).toContain(
      'author = {Garrido, Mario and {NATO} and van Gogh, Vincent and King, Jr., Martin Luther and {Van Beethoven}, Ludwig and Müller, Jörg}',
    );
    const [item] = JSON.parse(await exported('csl-json')) as { author: unknown }[];
    expect(item?.author).toEqual(PEOPLE);
  });

  for (const format of ['bibtex', 'csl-json'] as const) {
    it(`import → ${format} export → import gives the same names and author text`, async () => {
      await importFile(lib.ws, utf8(BIBTEX), 'names.bib', 'skip', quiet);
      await importFile(
        lib.ws,
        utf8('TY  - JOUR\nTI  - From RIS\nAU  - Smith, J. R.\nAU  - World Health Organization\nER  - \n'),
        'names.ris',
        'skip',
        quiet,
      );
      const before = sources().map((source) => [source.draft.author, source.authorNames]);
      const text = await exported(format);
      lib.close();
      lib.open();
      await importFile(lib.ws, utf8(text), format === 'bibtex' ? 'out.bib' : 'out.json', 'skip', quiet);
      expect(sources().map((source) => [source.draft.author, source.authorNames])).toEqual(before);
      expect(before[1]).toEqual([
        'J. R. Smith; World Health Organization',
        [{ family: 'Smith', given: 'J. R.' }, { literal: 'World Health Organization' }],
      ]);
    });
  }

  it('once the author text is edited, the names it no longer matches are not exported', async () => {
    await importFile(lib.ws, utf8(BIBTEX), 'names.bib', 'skip', quiet);
    const [source] = sources();
    if (!source) throw new Error('no source');
    const stored = lib.ws.sources.get(source.id);
    lib.ws.sources.update(source.id, { ...source.draft, author: 'Mario Garrido; Someone Else' }, stored.version);
    expect(await exported('bibtex')).toContain('author = {{Mario Garrido} and {Someone Else}}');
  });
});

describe('particles', () => {
  it('keeps a lower-case particle as one, and a capitalised one as part of the family name, so both formats give it back', async () => {
    const csl = [
      {
        title: 'Particles',
        author: [
          { family: 'Maaten', given: 'Laurens', 'dropping-particle': 'van der' },
          { family: 'Pucihar', given: 'Klen', 'non-dropping-particle': 'Čopič' },
        ],
      },
    ];
    await importFile(lib.ws, utf8(JSON.stringify(csl)), 'particles.json', 'skip', quiet);
    const expected = [
      { family: 'Maaten', given: 'Laurens', 'non-dropping-particle': 'van der' },
      { family: 'Čopič Pucihar', given: 'Klen' },
    ];
    expect(sources()[0]?.authorNames).toEqual(expected);
    const bibtex = await exported('bibtex');
    expect(bibtex).toContain('author = {van der Maaten, Laurens and {Čopič Pucihar}, Klen}');
    lib.close();
    lib.open();
    await importFile(lib.ws, utf8(bibtex), 'out.bib', 'skip', quiet);
    expect(sources()[0]).toMatchObject({ draft: { author: 'Laurens van der Maaten; Klen Čopič Pucihar' }, authorNames: expected });
  });
});
