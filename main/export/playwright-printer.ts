import type { Browser, Page } from 'playwright-core';
import { WarrantError } from '../../src/contract/warrant-error';
import { DEFAULT_PRINT_TIMEOUT_MS, withTimeout, type PdfPrinter, type PrintRequest } from './pdf-printer';

export interface PlaywrightPrinterOptions {
  /** Chromium to drive (default: Debian's, or $WARRANT_CHROMIUM). */
  readonly executablePath?: string;
  readonly timeoutMs?: number;
}

const PAPER_FORMATS = { a4: 'A4', letter: 'Letter' } as const;

interface Engine {
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * page.pdf() with the system Chromium. One browser and one page stay open between prints (a cold
 * start costs far more than a print), in a context with JavaScript off and no network: only
 * data: URLs load. Prints run one at a time. A print that times out or is cancelled takes the
 * engine down with it, and the next print starts a new one.
 */
export class PlaywrightPrinter implements PdfPrinter {
  private engine: Promise<Engine> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly executablePath: string;
  /** How long one print may take; adjustable so a test can make a print time out for real. */
  timeoutMs: number;

  constructor(options: PlaywrightPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? process.env.WARRANT_CHROMIUM ?? '/usr/bin/chromium';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  }

  private start(): Promise<Engine> {
    this.engine ??= (async () => {
      const { chromium } = await import('playwright-core');
      let browser: Browser;
      try {
        browser = await chromium.launch({
          executablePath: this.executablePath,
          args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
        });
      } catch (error) {
        this.engine = null;
        throw new WarrantError(
          'unsupported',
          `Could not start Chromium to print the PDF (${this.executablePath}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`,
        );
      }
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
      // Nothing leaves the page: the HTML is self-contained, anything else is refused.
      await context.route(
        (url) => url.protocol !== 'data:',
        (route) => route.abort('blockedbyclient'),
      );
      return { browser, page: await context.newPage() };
    })();
    return this.engine;
  }

  /** Starts the engine ahead of the first print. */
  async warm(): Promise<void> {
    await this.start();
  }

  print(request: PrintRequest): Promise<Uint8Array> {
    const run = this.queue.then(() => this.printNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async printNow(request: PrintRequest): Promise<Uint8Array> {
    if (request.signal?.aborted) throw new WarrantError('cancelled', 'The export was cancelled.');
    const { page } = await this.start();
    const abort = (): void => void this.reset();
    request.signal?.addEventListener('abort', abort, { once: true });
    try {
      const work = (async () => {
        await page.setContent(request.html, { waitUntil: 'load' });
        return page.pdf({
          format: PAPER_FORMATS[request.paper],
          printBackground: true,
          preferCSSPageSize: true,
          outline: true,
          tagged: true,
        });
      })();
      const pdf = await withTimeout(
        work,
        this.timeoutMs,
        () => void this.reset(),
        `The PDF engine did not finish printing within ${Math.round(this.timeoutMs / 1000)} seconds, so the export was stopped. Try again; if it keeps happening, export to DOCX or HTML instead.`,
      );
      return new Uint8Array(pdf);
    } catch (error) {
      if (request.signal?.aborted) throw new WarrantError('cancelled', 'The export was cancelled.');
      if (error instanceof WarrantError) throw error;
      throw new WarrantError('internal', error instanceof Error ? error.message : String(error));
    } finally {
      request.signal?.removeEventListener('abort', abort);
    }
  }

  /** Drops the current engine (after a hung or cancelled print); the next print starts a new one. */
  private async reset(): Promise<void> {
    const current = this.engine;
    this.engine = null;
    const engine = await current?.catch(() => null);
    await engine?.browser.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
