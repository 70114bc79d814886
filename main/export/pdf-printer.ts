import type { PaperSize } from '../../src/export/model';

/** What a PDF engine is asked to print: one self-contained HTML page. */
export interface PrintRequest {
  readonly html: string;
  readonly paper: PaperSize;
  /** Called when the caller no longer wants the result (the job was cancelled). */
  readonly signal?: AbortSignal;
}

/**
 * Prints print HTML to PDF bytes with Chromium: Playwright's page.pdf() in the browser host and
 * the CLI, webContents.printToPDF in the desktop app. Implementations keep the engine warm
 * between prints and give up with a clear error when a print never returns.
 */
export interface PdfPrinter {
  print(request: PrintRequest): Promise<Uint8Array>;
  /** Releases the engine; a later print starts it again. */
  close(): Promise<void>;
}

/** How long one print may take before it is abandoned (a hung print must not hang the app). */
export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;

/** Rejects with `message` if `work` has not settled after `ms`; `onTimeout` cleans up the engine. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new Error(message));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
