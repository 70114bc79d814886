import { setImmediate as nextTurn } from 'node:timers/promises';
import { WarrantError } from '../../src/contract/errors';
import { type Macros, readBibtexMacro } from '../../src/interchange/bibtex-entry';
import type { FileChunk } from '../../src/interchange/chunks';
import { cslToRecord, EntryError } from '../../src/interchange/csl-map';
import { decodeText, looksBinary } from '../../src/interchange/decode';
import type { ImportRecord } from '../../src/interchange/record';
import type { EntryProblem, InterchangeFormat } from '../../src/interchange/schemas';
import { splitBibtex } from '../../src/interchange/split-bibtex';
import { splitCslJson } from '../../src/interchange/split-csl-json';
import { splitRis } from '../../src/interchange/split-ris';
import { isWosTagged, splitWos } from '../../src/interchange/split-wos';
import { loadCitationJs, parseCslItem, parseRisRecord, type ParsedEntry } from './citation';
import { type BibtexPath, parseBibtexBatch } from './citation-bibtex';

/** The largest file an import reads. */
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** Entries handed to citation-js at once: big enough to be fast, small enough to yield often. */
const BATCH = 400;

/** Progress and cancellation, as a job gives them (the CLI passes its own). */
export interface ReadControl {
  progress(done: number, total: number, message: string): void;
  throwIfCancelled(): void;
}

/** A file read entry by entry: the records that mapped, and every entry that did not. */
export interface ReadResult {
  format: InterchangeFormat;
  encoding: string;
  encodingBasis: string;
  entries: number;
  records: ImportRecord[];
  failed: EntryProblem[];
  warnings: EntryProblem[];
}

/** The format by file name, else by a look at the text. */
export function detectFormat(name: string, text: string): InterchangeFormat {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'bib' || extension === 'bibtex' || extension === 'biblatex') return 'bibtex';
  if (extension === 'ris') return 'ris';
  if (extension === 'json' || extension === 'csljson') return 'csl-json';
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^\s*TY {2}-/m.test(text.slice(0, 65536)) || isWosTagged(text)) return 'ris';
  return 'bibtex';
}

function chunksOf(format: InterchangeFormat, text: string): Generator<FileChunk> {
  if (format === 'ris') return isWosTagged(text) ? splitWos(text) : splitRis(text);
  if (format === 'csl-json') return splitCslJson(text);
  return splitBibtex(text);
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** A file decoded and recognised, not yet read entry by entry. */
export interface OpenedFile {
  name: string;
  text: string;
  format: InterchangeFormat;
  encoding: string;
  encodingBasis: string;
}

/**
 * Decodes an import file (BOM, header, UTF-8, byte statistics, else Windows-1252) and tells its
 * format, refusing one that is too large or binary before anything else is done.
 */
export function openLibraryFile(bytes: Uint8Array, name: string): OpenedFile {
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    throw new WarrantError('invalid_input', `“${name}” is too large to import (the limit is ${IMPORT_MAX_BYTES / 1024 / 1024} MB).`);
  const { text, encoding, basis } = decodeText(bytes);
  if (looksBinary(text))
    throw new WarrantError(
      'invalid_input',
      `“${name}” is not a BibTeX, RIS or CSL-JSON file: it looks like binary data. Nothing was imported.`,
    );
  return { name, text, format: detectFormat(name, text), encoding, encodingBasis: basis };
}

export interface ReadOptions {
  /**
   * Takes the records of each batch as it is read; they are then not kept in the result, so a
   * reader that writes them as they come holds one batch at a time, not the file.
   */
  onRecords?: (records: ImportRecord[]) => void;
  /** How much of a BibTeX read is Warrant's own code (citation-bibtex.ts; the corpus report compares them): `direct` unless told. */
  bibtexPath?: BibtexPath;
}

/**
 * Reads an import file: decodes it, splits it into entries, parses them with citation-js in
 * batches and maps each to a source draft. Nothing is written. Yields to the event loop between
 * batches, so progress reaches the UI and Cancel is heard.
 */
export async function readLibraryFile(
  bytes: Uint8Array,
  name: string,
  control: ReadControl,
  options: ReadOptions = {},
): Promise<ReadResult> {
  return readOpenedFile(openLibraryFile(bytes, name), control, options);
}

export async function readOpenedFile(opened: OpenedFile, control: ReadControl, options: ReadOptions = {}): Promise<ReadResult> {
  const { text, format, encoding, encodingBasis } = opened;
  const result: ReadResult = { format, encoding, encodingBasis, entries: 0, records: [], failed: [], warnings: [] };
  const citationJs = format === 'csl-json' ? null : await loadCitationJs();
  const handOver = (): void => {
    if (!options.onRecords || result.records.length === 0) return;
    const records = result.records;
    result.records = [];
    options.onRecords(records);
  };
  const totalLines = countLines(text);
  let macros = '';
  const bibtexPath = options.bibtexPath ?? 'direct';
  let fastMacros: Macros | null = citationJs && bibtexPath !== 'grammar' ? new Map(Object.entries(citationJs.defaultStrings)) : null;
  let batch: { key: string | null; line: number; text: string }[] = [];

  const accept = (entry: { key: string | null; line: number }, parsed: ParsedEntry): void => {
    const ordinal = result.entries;
    result.entries += 1;
    if (!parsed.ok) {
      result.failed.push({ key: entry.key, line: entry.line, message: parsed.reason });
      return;
    }
    // CSL-JSON names an item by its id; a BibTeX entry's key is what the splitter read (none for `@article{,`).
    const key =
      entry.key ?? (format === 'csl-json' && typeof parsed.item.id === 'string' && parsed.item.id.length <= 200 ? parsed.item.id : null);
    try {
      const record = cslToRecord(parsed.item, { ordinal, key, line: entry.line }, parsed.extras);
      result.records.push(record);
      for (const warning of record.warnings)
        result.warnings.push(
          key === null
            ? { key, title: record.draft.title, line: entry.line, message: warning }
            : { key, line: entry.line, message: warning },
        );
    } catch (error) {
      if (!(error instanceof EntryError)) throw error;
      result.failed.push({ key, line: entry.line, message: error.message });
    }
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    if (!citationJs) return;
    const parsed = parseBibtexBatch(citationJs, macros, fastMacros, batch, bibtexPath);
    batch.forEach((entry, i) => accept(entry, parsed[i] ?? { ok: false, reason: 'the entry could not be read' }));
    handOver();
    control.progress(batch[batch.length - 1]?.line ?? 0, totalLines, `Reading entries (${result.entries.toLocaleString('en')} so far)`);
    batch = [];
    await nextTurn();
    control.throwIfCancelled();
  };

  let sinceYield = 0;
  for (const chunk of chunksOf(format, text)) {
    if (chunk.kind === 'broken') {
      // A broken stretch still counts as an entry the file meant to hold.
      await flush();
      result.entries += 1;
      result.failed.push({ key: chunk.key, line: chunk.line, message: chunk.reason });
    } else if (chunk.kind === 'macro') {
      await flush();
      macros += `${chunk.text}\n`;
      // A definition Warrant's reader cannot take leaves the rest of the file to citation-js's grammar.
      if (fastMacros && !readBibtexMacro(chunk.text, fastMacros)) fastMacros = null;
    } else if (format === 'bibtex') {
      batch.push(chunk);
      if (batch.length >= BATCH) await flush();
    } else {
      accept(chunk, citationJs && format === 'ris' ? parseRisRecord(citationJs, chunk.text) : parseCslItem(chunk.text));
      if ((sinceYield += 1) >= BATCH) {
        sinceYield = 0;
        handOver();
        control.progress(chunk.line, totalLines, `Reading entries (${result.entries.toLocaleString('en')} so far)`);
        await nextTurn();
        control.throwIfCancelled();
      }
    }
  }
  await flush();
  handOver();
  if (result.entries === 0)
    result.failed.push({
      key: null,
      line: 1,
      message: `no ${format === 'bibtex' ? 'BibTeX entries' : format === 'ris' ? 'RIS records' : 'CSL-JSON items'} were found in the file`,
    });
  return result;
}
