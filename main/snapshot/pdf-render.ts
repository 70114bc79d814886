import { Worker } from 'node:worker_threads';
import { pdfJsFiles } from './pdf-text';

/**
 * Renders pages of a PDF to greyscale images for OCR, with pdf.js in a worker thread (for the
 * reasons given in pdf-text.ts: its polyfills and its CPU time stay off the host's thread).
 *
 * pdf.js draws on `@napi-rs/canvas` in Node, a native (N-API) module it loads itself, with
 * `require` from its own folder, when the worker imports it; Warrant depends on it directly so it
 * is always installed. Being N-API, the same binary loads in Node and in Electron without a
 * rebuild; the CLI bundle leaves pdfjs-dist (and so the canvas) in node_modules, and the desktop
 * package unpacks both from the asar archive (electron-builder.yml).
 *
 * The document is parsed once and kept open in the worker; the host asks for one page at a time,
 * so a long scan never holds more than a page or two of pixels. A page comes back as a PGM
 * (a header and one byte per pixel), which the OCR engine reads directly: encoding a PNG would
 * cost more than the drawing itself.
 */

/** The resolution OCR reads printed text best at. */
export const OCR_DPI = 300;

/** Pixels per page at most (a poster-sized page is drawn at a lower resolution instead). */
const MAX_PAGE_PIXELS = 36_000_000;

/** How long drawing one page may take before the worker is stopped. */
const PAGE_TIMEOUT_MS = 60_000;

const RENDER_WORKER_HEAP_MB = 1024;

export interface RenderedPage {
  /** 1-based page number. */
  page: number;
  /** The page's size in PDF points (as displayed, rotation applied). */
  width: number;
  height: number;
  /** Pixels per point the page was drawn at. */
  scale: number;
  /** The page as a binary PGM image. */
  image: Uint8Array;
  /** Nothing darker than the paper was drawn (no ink worth reading). */
  blank: boolean;
}

type RenderReply =
  | { ok: true; page: number; width: number; height: number; scale: number; image: Uint8Array; blank: boolean }
  | { ok: false; page: number; message: string };

/** Runs in the worker thread (CommonJS, plain JavaScript: it is not compiled). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let opened;
async function open({ data, pdfjsUrl, workerUrl, standardFontDataUrl, cMapUrl }) {
  const pdfjs = await import(pdfjsUrl);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs.getDocument({
    data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWorkerFetch: false, useWasm: false,
    standardFontDataUrl, cMapUrl, cMapPacked: true, verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
}
async function render({ page: number, dpi, maxPixels }) {
  const doc = await (opened ??= open(workerData));
  const page = await doc.getPage(number);
  const size = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, Math.sqrt(maxPixels / Math.max(1, size.width * size.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const drawing = doc.canvasFactory.create(width, height);
  const context = drawing.context;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvasContext: context, canvas: drawing.canvas, viewport }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  doc.canvasFactory.destroy(drawing);
  page.cleanup();
  const header = 'P5\\n' + width + ' ' + height + '\\n255\\n';
  const image = new Uint8Array(header.length + width * height);
  for (let i = 0; i < header.length; i += 1) image[i] = header.charCodeAt(i);
  let ink = 0;
  for (let pixel = 0, out = header.length; pixel < width * height; pixel += 1, out += 1) {
    const at = pixel * 4;
    const grey = (rgba[at] * 77 + rgba[at + 1] * 150 + rgba[at + 2] * 29) >> 8;
    image[out] = grey;
    if (grey < 160) ink += 1;
  }
  // Under about 12 square points of ink (a speck, a stray mark): nothing to read.
  const blank = ink < 12 * scale * scale;
  return { ok: true, page: number, width: size.width, height: size.height, scale, image, blank };
}
parentPort.on('message', (request) => {
  render(request).then(
    (reply) => parentPort.postMessage(reply, [reply.image.buffer]),
    (error) => parentPort.postMessage({ ok: false, page: request.page, message: String(error?.message ?? error) }),
  );
});
`;

interface Waiting {
  resolve: (page: RenderedPage) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A PDF kept open in a worker thread, drawing the pages asked for. Close it when done. */
export class PdfPageRenderer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private stopped: Error | null = null;

  constructor(bytes: Uint8Array) {
    const data = new Uint8Array(bytes);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...pdfJsFiles(), data },
      transferList: [data.buffer],
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: RENDER_WORKER_HEAP_MB },
    });
    this.worker.on('message', (reply: RenderReply) => {
      const waiting = this.waiting.get(reply.page);
      if (!waiting) return;
      this.waiting.delete(reply.page);
      clearTimeout(waiting.timer);
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new Error(`page ${reply.page} could not be drawn (${reply.message})`));
    });
    this.worker.on('error', (error) => this.stop(new Error(`the PDF renderer failed (${error.message})`)));
    this.worker.on('exit', (code) => this.stop(new Error(`the PDF renderer stopped (exit code ${code})`)));
  }

  /** Draws one page (1-based) at {@link OCR_DPI}, or lower for a page too large for that. */
  render(page: number): Promise<RenderedPage> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(new Error(`drawing page ${page} took longer than ${PAGE_TIMEOUT_MS / 1000} seconds`));
      }, PAGE_TIMEOUT_MS);
      this.waiting.set(page, { resolve, reject, timer });
      this.worker.postMessage({ page, dpi: OCR_DPI, maxPixels: MAX_PAGE_PIXELS });
    });
  }

  async close(): Promise<void> {
    this.stop(new Error('the PDF renderer was closed'));
    await this.worker.terminate();
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const [page, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.waiting.delete(page);
    }
    void this.worker.terminate();
  }
}
