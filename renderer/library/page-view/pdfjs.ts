import type * as PdfJs from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

export type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | null = null;

/**
 * pdf.js, loaded the first time a page view opens (about 1 MB with its worker: the first page of
 * the app must not pay for it). Its worker is bundled by Vite as a module worker served from the
 * app's own origin, the only kind of worker the page's policy allows (`worker-src 'self'`).
 */
export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(
    ([pdfjs, { default: PdfWorker }]) => {
      pdfjs.GlobalWorkerOptions.workerPort = new PdfWorker({ name: 'pdf.js' });
      return pdfjs;
    },
  );
  return loading;
}

/**
 * How a captured PDF is opened for viewing. The file is untrusted: no eval (glyphs are drawn
 * without compiled functions), no scripting or form layer (nothing in the PDF runs; links are not
 * made clickable, as no annotation layer is built), no XFA, and nothing fetched from elsewhere:
 * the bytes are given in memory, and the character maps and standard font data a PDF may need
 * are files shipped with the app (renderer/vite.config.ts copies them from pdfjs-dist).
 */
export function viewingParameters(data: Uint8Array): DocumentInitParameters {
  return {
    data,
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
  };
}
