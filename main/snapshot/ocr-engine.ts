import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { JobControl } from '../../src/contract/job-manager';
import { WarrantError } from '../../src/contract/errors';
import { assembleOcrText, type OcrLanguage, type OcrWord, type RecognisedBlock, type SnapshotOcr } from '../../src/snapshot/ocr';
import { imageSize } from '../export/image-size';

export interface OcrResult extends SnapshotOcr {
  text: string;
  words: OcrWord[];
}

/** What one image gave: its text, each word's place in it and in the image, and the mean confidence. */
export interface OcrReading {
  text: string;
  words: OcrWord[];
  confidence: number;
}

/**
 * A running OCR engine for one language, reused for every page of a document (starting one costs
 * far more than a small page's recognition). `read` reports the engine's progress through
 * `onProgress` (0–1) and stops with a `cancelled` error as soon as the job is cancelled.
 */
export interface OcrEngine {
  read(image: Uint8Array, onProgress: (fraction: number) => void): Promise<OcrReading>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * The folder of a language's model: the `@tesseract.js-data/<lang>` package installed with
 * Warrant, so the engine reads it from disk and never looks for it on the network. The
 * "best_int" models read Japanese markedly better than the fast ones at about the same speed.
 */
function modelFolder(language: OcrLanguage): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int');
}

/** Starts Tesseract (WebAssembly, in a worker thread) with the model of `language`. */
export async function openOcrEngine(language: OcrLanguage, control: JobControl): Promise<OcrEngine> {
  const { createWorker, OEM } = await import('tesseract.js');
  let report: (fraction: number) => void = () => undefined;
  // One language per engine: each model lives in its own package folder, and the engine reads
  // every language of a worker from one folder.
  const worker = await createWorker(language, OEM.LSTM_ONLY, {
    langPath: modelFolder(language),
    gzip: true,
    cacheMethod: 'none',
    // A failed job already rejects the call awaited below; without a handler tesseract.js also
    // throws it from its message listener, an uncaught exception that would bring the host down.
    errorHandler: () => undefined,
    logger: (message) => {
      if (message.status === 'recognizing text') report(message.progress);
    },
  });
  return {
    async read(image, onProgress) {
      report = onProgress;
      let cancelWatch: ReturnType<typeof setInterval> | undefined;
      try {
        const cancelled = new Promise<never>((_, reject) => {
          cancelWatch = setInterval(() => {
            if (control.cancelled) reject(new WarrantError('cancelled', 'Cancelled: nothing was stored.'));
          }, 100);
        });
        const recognised = worker.recognize(Buffer.from(image), {}, { blocks: true, text: false }).catch((error: unknown) => {
          // The engine's own message ("Error attempting to read image") says nothing an analyst can act on.
          throw new WarrantError(
            'invalid_input',
            `The image could not be read for OCR (${imageFault(error)}); check that it opens in an image viewer.`,
          );
        });
        const { data } = await Promise.race([recognised, cancelled]);
        const { text, words } = assembleOcrText((data.blocks ?? []) as unknown as RecognisedBlock[]);
        return { text, words, confidence: Math.round(data.confidence) };
      } finally {
        clearInterval(cancelWatch);
        report = () => undefined;
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Reads the text of an image, reporting progress and stopping when the job is cancelled. The
 * text is assembled from the recognised words so each word's place in the image is known.
 */
export async function recogniseImage(bytes: Uint8Array, language: OcrLanguage, control: JobControl): Promise<OcrResult> {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0)
    throw new WarrantError('invalid_input', 'The image could not be read (its header is damaged).');
  const engine = await openOcrEngine(language, control);
  try {
    control.progress(0, 100, 'Reading the text in the image');
    const reading = await engine.read(bytes, (fraction) =>
      control.progress(Math.round(fraction * 100), 100, 'Reading the text in the image'),
    );
    return { ...reading, languages: [language], width: size.width, height: size.height };
  } finally {
    await engine.close();
  }
}

function imageFault(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /read image/i.test(message) ? 'its pixels are damaged or in a form the OCR engine does not read' : 'the OCR engine stopped';
}
