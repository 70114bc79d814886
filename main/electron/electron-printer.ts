import { BrowserWindow, session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WarrantError } from '../../src/contract/errors';
import { DEFAULT_PRINT_TIMEOUT_MS, withTimeout, type PdfPrinter, type PrintRequest } from '../export/pdf-printer';
import { markPrintContents } from './guards';
import { PRINT_PARTITION, hardenPrintSession, printToPdfOptions, printWindowOptions } from './print-policy';

/**
 * webContents.printToPDF in a hidden window that is kept between prints (warm). The print HTML
 * is written to a private temporary file, the only URL the window's session will load. A print
 * that never returns destroys the window; the next print makes a new one.
 */
export class ElectronPrinter implements PdfPrinter {
  private window: BrowserWindow | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'warrant-print-'));
  private currentUrl: string | null = null;
  private hardened = false;

  constructor(private readonly timeoutMs = DEFAULT_PRINT_TIMEOUT_MS) {}

  private ensureWindow(): BrowserWindow {
    if (!this.hardened) {
      hardenPrintSession(session.fromPartition(PRINT_PARTITION), () => this.currentUrl);
      this.hardened = true;
    }
    if (!this.window || this.window.isDestroyed()) {
      this.window = new BrowserWindow(printWindowOptions());
      markPrintContents(this.window.webContents);
    }
    return this.window;
  }

  async print(request: PrintRequest): Promise<Uint8Array> {
    const window = this.ensureWindow();
    const file = join(this.dir, 'print.html');
    writeFileSync(file, request.html);
    this.currentUrl = pathToFileURL(file).href;
    const abort = (): void => this.discardWindow();
    request.signal?.addEventListener('abort', abort, { once: true });
    try {
      const work = (async () => {
        await window.loadFile(file);
        return window.webContents.printToPDF(printToPdfOptions(request.paper));
      })();
      const pdf = await withTimeout(
        work,
        this.timeoutMs,
        () => this.discardWindow(),
        `The PDF engine did not finish printing within ${Math.round(this.timeoutMs / 1000)} seconds, so the export was stopped. Try again; if it keeps happening, export to DOCX or HTML instead.`,
      );
      return new Uint8Array(pdf);
    } catch (error) {
      if (request.signal?.aborted) throw new WarrantError('cancelled', 'The export was cancelled.');
      throw new WarrantError('internal', error instanceof Error ? error.message : String(error));
    } finally {
      request.signal?.removeEventListener('abort', abort);
      this.currentUrl = null;
      rmSync(file, { force: true });
    }
  }

  private discardWindow(): void {
    const window = this.window;
    this.window = null;
    if (window && !window.isDestroyed()) window.destroy();
  }

  async close(): Promise<void> {
    this.discardWindow();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
