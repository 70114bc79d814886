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

const require = createRequire(import.meta.url);

/**
 * The folder of a language's model: the `@tesseract.js-data/<lang>` package installed with
 * Warrant, so the engine reads it from disk and never looks for it on the network. The
 * "best_int" models read Japanese markedly better than the fast ones at about the same speed.
 */
function modelFolder(language: OcrLanguage): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int');
}

/**
 * Reads the text of an image with Tesseract (WebAssembly, in a worker thread), reporting progress
 * and stopping when the job is cancelled. The text is assembled from the recognised words so
 * each word's place in the image is known.
 */
export async function recogniseImage(bytes: Uint8Array, language: OcrLanguage, control: JobControl): Promise<OcrResult> {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0)
    throw new WarrantError('invalid_input', 'The image could not be read (its header is damaged).');
  const { createWorker, OEM } = await import('tesseract.js');
  let cancelWatch: ReturnType<typeof setInterval> | undefined;
  // One language per image: each model lives in its own package folder, and the engine reads
  // every language of a worker from one folder.
  const worker = await createWorker(language, OEM.LSTM_ONLY, {
    langPath: modelFolder(language),
    gzip: true,
    cacheMethod: 'none',
    // A failed job already rejects the call awaited below; without a handler tesseract.js also
    // throws it from its message listener, an uncaught exception that would bring the host down.
    errorHandler: () => undefined,
    logger: (message) => {
      if (message.status === 'recognizing text') control.progress(Math.round(message.progress * 100), 100, 'Reading the text in the image');
    },
  });
  try {
    const cancelled = new Promise<never>((_, reject) => {
      cancelWatch = setInterval(() => {
        if (control.cancelled) reject(new WarrantError('cancelled', 'Cancelled: nothing was stored.'));
      }, 100);
    });
    control.progress(0, 100, 'Reading the text in the image');
    const recognised = worker.recognize(Buffer.from(bytes), {}, { blocks: true, text: false }).catch((error: unknown) => {
      // The engine's own message ("Error attempting to read image") says nothing an analyst can act on.
      throw new WarrantError(
        'invalid_input',
        `The image could not be read for OCR (${imageFault(error)}); check that it opens in an image viewer.`,
      );
    });
    const { data } = await Promise.race([recognised, cancelled]);
    const { text, words } = assembleOcrText((data.blocks ?? []) as unknown as RecognisedBlock[]);
    return { text, words, languages: [language], confidence: Math.round(data.confidence), width: size.width, height: size.height };
  } finally {
    clearInterval(cancelWatch);
    await worker.terminate();
  }
}

function imageFault(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /read image/i.test(message) ? 'its pixels are damaged or in a form the OCR engine does not read' : 'the OCR engine stopped';
}
