import type { SnapshotOcr } from '../../src/snapshot/ocr';
import { ocrNoticeText } from './ocr-messages';
import './snapshot-ocr.css';

/** Says that a scanned PDF's text (some or all of its pages) was read with OCR, and with what confidence. */
export function SnapshotOcrNotice({ ocr }: { ocr: SnapshotOcr }) {
  return (
    <p role="note" aria-label="OCR notice" className="snapshot-ocr-notice">
      {ocrNoticeText(ocr)}
    </p>
  );
}
