import type { Browser } from 'playwright-core';
import { WarrantError } from '../../src/contract/errors';
import { DEFAULT_PRINT_TIMEOUT_MS, withTimeout, type PdfPrinter, type PrintRequest } from './pdf-printer';

export interface PlaywrightPrinterOptions {
  /** Chromium to drive (default: Debian's, or $WARRANT_CHROMIUM). */
  readonly executablePath?: string;
  readonly timeoutMs?: number;
}

const PAPER_FORMATS = { a4: 'A4', letter: 'Letter' } as const;

/**
 * page.pdf() with the system Chromium. One browser stays open between prints (a cold start
 * costs far more than a print); each print gets a fresh context with no network at all. A print
 * that times out takes the browser down with it, and the next print starts a new one.
 */
export class PlaywrightPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private readonly executablePath: string;
  /** How long one print may take; adjustable so a test can make a print time out for real. */
  timeoutMs: number;

  constructor(options: PlaywrightPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  }

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      try {
        return await chromium.launch({ executablePath: this.executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
      } catch (error) {
        this.browser = null;
        throw new WarrantError('unsupported', `Could not start Chromium to print the PDF (${this.executablePath}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`);
      }
    })();
    return this.browser;
  }

  /** Starts the engine ahead of the first print. */
  async warm(): Promise<void> {
    await this.launch();
  }

  async print(request: PrintRequest): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
    const abort = (): void => void context.close().catch(() => undefined);
    request.signal?.addEventListener('abort', abort, { once: true });
    try {
      // Nothing leaves the page: the HTML is self-contained, anything else is refused.
      await context.route((url) => !url.protocol.startsWith('data'), (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      const work = (async () => {
        await page.setContent(request.html, { waitUntil: 'load' });
        return page.pdf({ format: PAPER_FORMATS[request.paper], printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
      })();
      const pdf = await withTimeout(work, this.timeoutMs, () => void this.reset(), `The PDF engine did not finish printing within ${Math.round(this.timeoutMs / 1000)} seconds, so the export was stopped. Try again; if it keeps happening, export to DOCX or HTML instead.`);
      return new Uint8Array(pdf);
    } catch (error) {
      if (request.signal?.aborted) throw new WarrantError('cancelled', 'The export was cancelled.');
      if (error instanceof WarrantError) throw error;
      throw new WarrantError('internal', error instanceof Error ? error.message : String(error));
    } finally {
      request.signal?.removeEventListener('abort', abort);
      await context.close().catch(() => undefined);
    }
  }

  /** Drops the current browser (after a hung print); the next print launches a new one. */
  private async reset(): Promise<void> {
    const current = this.browser;
    this.browser = null;
    const browser = await current?.catch(() => null);
    await browser?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
