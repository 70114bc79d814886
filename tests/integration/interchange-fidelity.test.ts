import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../main/interchange/import-service';
import type { ReadControl } from '../../main/interchange/read-file';
import type { DuplicateAction } from '../../src/interchange/plan';
import { LibraryFixture } from './helpers/library';

/** Defects found by importing real libraries (issue 15), each pinned by a small hand-written file. */
const quiet: ReadControl = { progress: () => undefined, throwIfCancelled: () => undefined };
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/interchange/fidelity/${name}`, import.meta.url))));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const lib = new LibraryFixture();
beforeEach(() => lib.open());
afterEach(() => lib.close());

const run = (bytes: Uint8Array, name: string, onDuplicate: DuplicateAction = 'skip') => importFile(lib.ws, bytes, name, onDuplicate, quiet);
const sources = () => [...lib.ws.interchange.exportSources()];
const byTitle = (title: string) => sources().find((source) => source.draft.title === title);

describe('RIS dates (defect 1)', () => {
  it('takes the year from PY/Y1 and month and day from DA as far as they are valid, and says what was dropped', async () => {
    const report = await run(fixture('ris-dates.ris'), 'dates.ris');
    expect(report).toMatchObject({ imported: 6, failedCount: 0 });
    expect(sources().map((source) => [source.draft.title, source.draft.publishedDate])).toEqual([
      ['Web of Science: month by name', '2018-09'],
      ['EndNote: month and day', '2019-03-01'],
      ['Rayyan: upper-case month and day', '2017-06-19'],
      ['Numeric date with trailing slashes', '2019-04-30'],
      ['A date from another year keeps the year', '2020'],
      ['Not a year', null],
    ]);
    expect(report.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [25, 'its date “2019/12/01” was read only as 2020'],
      [31, 'its year “19” could not be read'],
    ]);
  });
});

describe('repeated RIS tags (defect 4)', () => {
  it('keeps the first valid value of a repeated tag and the others in the notes', async () => {
    const report = await run(fixture('ris-repeated-tags.ris'), 'ovid.ris');
    expect(report).toMatchObject({ imported: 2, failedCount: 0 });
    const ovid = byTitle('Ovid gives the DOI twice');
    expect(ovid).toMatchObject({ doi: '10.1037/abc0000123', draft: { publisher: 'American Psychological Association', publishedDate: '2019' } });
    expect(ovid?.draft.notes).toBe('Publisher also given as: Educational Publishing Foundation');
    const second = byTitle('The first readable DOI wins');
    expect(second?.doi).toBe('10.5555/second');
    expect(second?.draft.notes).toBe('DOI also given as: not a doi');
  });
});
