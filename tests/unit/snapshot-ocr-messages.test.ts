import { describe, expect, it } from 'vitest';
import { ocrCapturedMessage, ocrNoticeText } from '../../renderer/library/ocr-messages';
import { mayReadWithOcr } from '../../src/snapshot/text-notice';

const image = { languages: ['eng'], confidence: 91.6, width: 900, height: 160 };
const scan = { languages: ['jpn'], confidence: 88, width: 595, height: 842, pages: [1, 2, 3, 5] };

describe('how OCR text is marked', () => {
  it('says an image was read with OCR, as before', () => {
    expect(ocrCapturedMessage('Snapshot captured', image)).toBe('Snapshot captured: its text was read with OCR (confidence 92%).');
    expect(ocrNoticeText(image)).toBe(
      'Text read from the image with OCR (English, confidence 92%). Check a quote against the image before relying on it.',
    );
  });

  it('names the pages of a scanned PDF that were read with OCR', () => {
    expect(ocrCapturedMessage('Read with OCR', scan)).toBe('Read with OCR: the text of pages 1–3, 5 was read with OCR (confidence 88%).');
    expect(ocrNoticeText({ ...scan, pages: [2] })).toBe(
      'Text read from page 2 with OCR (Japanese, confidence 88%). Check a quote against the page before relying on it.',
    );
  });

  it('offers "Read with OCR" only for a PDF or an image of which no text could be read', () => {
    expect(mayReadWithOcr({ mediaType: 'application/pdf', textNotice: 'no-text' })).toBe(true);
    expect(mayReadWithOcr({ mediaType: 'image/png', textNotice: 'no-text' })).toBe(true);
    expect(mayReadWithOcr({ mediaType: 'application/pdf', textNotice: null })).toBe(false);
    expect(mayReadWithOcr({ mediaType: 'application/pdf', textNotice: 'xfa-unreadable' })).toBe(false);
    expect(mayReadWithOcr({ mediaType: 'text/html', textNotice: 'no-text' })).toBe(false);
  });
});
