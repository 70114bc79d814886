import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { pageText, stripControls, type PdfTextItem } from '../../src/snapshot/pdf-lines';

/**
 * Text extraction from PDF snapshots with pdf.js, offline, in a throwaway worker thread.
 *
 * Why a worker thread: the only pdf.js build that runs on Node 20 is the legacy build, and
 * loading it installs core-js polyfills process-wide. They replace `JSON.stringify` (measured
 * ~17–28× slower afterwards), `Array.prototype.push` (~3× slower) and add globals (`self`,
 * `navigator`, `pdfjsLib`, `pdfjsWorker`, `DOMMatrix`, …). Loaded in the host's main thread that
 * would slow every API response for the rest of the session. Parsing is also CPU-bound and would
 * block the host's event loop (the Electron main process, the web host). So each extraction runs
 * in its own `worker_threads` Worker, started from the inline script below (no worker file to
 * ship or bundle), with a time limit and a heap limit, and is terminated afterwards.
 *
 * Inside that thread pdf.js runs the way it always does in Node: it never starts a web worker
 * and runs its worker code in the same thread ("fake worker"), importing the module named by
 * `GlobalWorkerOptions.workerSrc`; we set that to the package's `legacy/build/pdf.worker.mjs`.
 * No network is possible: the data is passed in memory, `useWorkerFetch` is off, and the
 * standard-14 font data and CJK CMaps that ship inside the package are read by pdf.js's Node
 * binary-data factory with `fs.readFile`, so they are given as directory *paths* (a `file:` URL
 * string would be read as a relative path and fail). Without the CMaps, text in non-embedded
 * CJK fonts (e.g. UniJIS-UCS2-H) would silently come out empty.
 */

/** Pages read at most; the rest of a longer document is not extracted. */
export const PDF_MAX_PAGES = 2000;

/** How long one extraction may take before the worker is stopped. */
export const PDF_TIMEOUT_MS = 120_000;

/** Heap limit of the extraction worker. */
const PDF_WORKER_HEAP_MB = 1024;

export interface PdfText {
  /** The pages' text, separated by a blank line; NFC. */
  text: string;
  /** Each page's text on its own (what `text` joins). */
  pageTexts: string[];
  /** `pageOffsets[i]` is the offset in `text` where page i + 1 starts (`pageOffsets[0] === 0`). */
  pageOffsets: number[];
  /** Pages in the document (more than `pageOffsets.length` when capped at `maxPages`). */
  pageCount: number;
  /** The document's Title (Info dictionary, else XMP dc:title), or ''. */
  title: string;
  /**
   * Whether this is a pure XFA form (a form whose pages exist only as XFA data; other readers show
   * "Please wait…"). Its text is then read from the form's layout and filled-in values.
   */
  xfaForm: boolean;
}

export interface PdfTextOptions {
  maxPages?: number;
  timeoutMs?: number;
}

/** A PDF pdf.js cannot read; `message` is phrased for the user. */
export class PdfReadError extends Error {
  /** Why, e.g. "it is protected by a password". */
  readonly reason: string;

  constructor(reason: string) {
    super(`The PDF could not be read (${reason}).`);
    this.name = 'PdfReadError';
    this.reason = reason;
  }
}

type WorkerReply =
  { ok: true; pageCount: number; title: string; xfaForm: boolean; pages: PdfTextItem[][] } | { ok: false; name: string; message: string };

/** Runs in the worker thread (CommonJS, plain JavaScript: it is not compiled). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// An XFA page as pdf.js lays it out (an HTML-like tree): its printed text in document order, one
// line per block, with the values filled into its fields (text, choice) where they stand.
const XFA_BLOCKS = new Set(['div', 'p', 'li', 'tr', 'br', 'input', 'textarea', 'select', 'label']);
function xfaLines(root) {
  const lines = [];
  let line = '';
  const flush = () => { if (line.trim() !== '') lines.push(line.trim()); line = ''; };
  const walk = (node) => {
    if (!node || node.name === 'script' || node.name === 'style') return;
    if (node.name === '#text') { line += String(node.value ?? ''); return; }
    const attributes = node.attributes ?? {};
    const block = XFA_BLOCKS.has(node.name);
    if (block) flush();
    if (typeof attributes.textContent === 'string') line += attributes.textContent;
    else if (typeof node.value === 'string' && node.name !== 'select') line += node.value;
    if ((node.name === 'input' && attributes.type !== 'checkbox' && attributes.type !== 'radio') || node.name === 'textarea') {
      line += String(attributes.value ?? '');
    } else if (node.name === 'select') {
      const chosen = (node.children ?? []).find((option) => option.attributes?.value === attributes.value);
      line += String(chosen?.value ?? chosen?.attributes?.textContent ?? attributes.value ?? '');
      if (block) flush();
      return;
    }
    for (const child of node.children ?? []) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}
async function extract({ data, pdfjsUrl, workerUrl, standardFontDataUrl, cMapUrl, maxPages }) {
  const pdfjs = await import(pdfjsUrl);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: true,
    standardFontDataUrl,
    cMapUrl,
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const xfaForm = doc.isPureXfa === true;
    const pages = [];
    for (let number = 1; number <= Math.min(doc.numPages, maxPages); number += 1) {
      const page = await doc.getPage(number);
      if (xfaForm) {
        pages.push(xfaLines(await page.getXfa()).map((line) => [line, true, 0, 0, 0]));
      } else {
        // pdf.js would expand ligatures (NFKC) before its bidi pass reverses a right-to-left run,
        // which turns an Arabic lam-khah ligature into khah-lam; expanding after it keeps the order.
        const content = await page.getTextContent({ disableNormalization: true });
        pages.push(content.items.filter((item) => typeof item.str === 'string')
          .map((item) => [pdfjs.normalizeUnicode(item.str), item.hasEOL === true, Number(item.transform?.[5]) || 0, Number(item.height) || 0,
            Number(item.transform?.[4]) || 0]));
      }
      page.cleanup();
    }
    const { info, metadata } = await doc.getMetadata();
    let title = info && typeof info.Title === 'string' ? info.Title : '';
    if (title.trim() === '' && metadata) title = String(metadata.get('dc:title') ?? '');
    return { ok: true, pageCount: doc.numPages, title, xfaForm, pages };
  } finally {
    await task.destroy();
  }
}
extract(workerData).then(
  (reply) => parentPort.postMessage(reply),
  (error) => parentPort.postMessage({ ok: false, name: String(error?.name ?? ''), message: String(error?.message ?? error) }),
);
`;

export interface PdfJsFiles {
  pdfjsUrl: string;
  workerUrl: string;
  standardFontDataUrl: string;
  cMapUrl: string;
}

let files: PdfJsFiles | null = null;

/** Where the pdfjs-dist package is, resolved from this module like an import would be. */
export function pdfJsFiles(): PdfJsFiles {
  if (!files) {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    files = {
      pdfjsUrl: pathToFileURL(path.join(root, 'legacy', 'build', 'pdf.mjs')).href,
      workerUrl: pathToFileURL(path.join(root, 'legacy', 'build', 'pdf.worker.mjs')).href,
      standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
      cMapUrl: path.join(root, 'cmaps') + path.sep,
    };
  }
  return files;
}

function reasonFor(name: string, message: string): string {
  if (name === 'PasswordException') return 'it is protected by a password';
  if (name === 'InvalidPDFException') return 'it is damaged, incomplete or not a PDF';
  const short = message.replace(/\s+/g, ' ').trim().slice(0, 160);
  return short === '' ? 'pdf.js could not parse it' : short;
}

/** Runs the worker; resolves with its reply or rejects with a {@link PdfReadError}. */
function runWorker(data: Uint8Array<ArrayBuffer>, maxPages: number, timeoutMs: number): Promise<WorkerReply> {
  const workerData = { ...pdfJsFiles(), data, maxPages };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData,
      transferList: [data.buffer],
      // Not the host's flags (test-runner loaders, --inspect, …): the script needs none.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      settle(() => reject(new PdfReadError(`reading it took longer than ${seconds} second${seconds === 1 ? '' : 's'}`)));
    }, timeoutMs);
    worker.once('message', (reply: WorkerReply) => settle(() => resolve(reply)));
    worker.once('error', (error: Error & { code?: string }) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'it needs more memory than Warrant allows for one PDF'
          : reasonFor(error.name, error.message);
      settle(() => reject(new PdfReadError(reason)));
    });
    worker.once('exit', (code) => {
      settle(() => reject(new PdfReadError(`the PDF reader stopped unexpectedly (exit code ${code})`)));
    });
  });
}

/**
 * Extracts the text of a PDF, page by page (at most `maxPages`, default 2,000). The input is
 * copied before pdf.js gets it (it is transferred to the worker), so the caller's bytes stay
 * intact. Throws a {@link PdfReadError} with a user-facing message when the file cannot be read.
 */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? PDF_MAX_PAGES;
  const reply = await runWorker(new Uint8Array(bytes), maxPages, options.timeoutMs ?? PDF_TIMEOUT_MS);
  if (!reply.ok) throw new PdfReadError(reasonFor(reply.name, reply.message));

  const pageTexts = reply.pages.map((items) => pageText(items));
  const title = stripControls(reply.title).replace(/\s+/g, ' ').trim().normalize('NFC');
  return { ...joinPages(pageTexts), pageTexts, pageCount: reply.pageCount, title, xfaForm: reply.xfaForm };
}

/** Pages' texts as one text, a blank line between pages, with the UTF-16 offset where each starts. */
export function joinPages(pageTexts: readonly string[]): { text: string; pageOffsets: number[] } {
  const pageOffsets: number[] = [];
  let text = '';
  for (const [index, page] of pageTexts.entries()) {
    if (index > 0) text += '\n\n';
    pageOffsets.push(text.length);
    text += page;
  }
  return { text, pageOffsets };
}
