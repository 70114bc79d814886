import type { SnapshotTextNotice } from '../domain/snapshot';
import { isImageMediaType } from './media-type';

/** The sentence shown on a source (and in the capture's result) for a snapshot's text notice. */
export function textNoticeMessage(notice: SnapshotTextNotice): string {
  switch (notice) {
    case 'no-text':
      return 'No text could be read from this snapshot: it may be a scan or photograph with no text layer, or a damaged file. There is nothing to quote from; type a quote yourself from the original.';
    case 'xfa-form':
      return 'This PDF is an XFA form: its text was read from the form’s own data (printed labels and filled-in values), which may be laid out differently from a viewer’s rendering.';
    case 'xfa-unreadable':
      return 'This PDF is an XFA form; its text could not be read. There is nothing to quote from; type a quote yourself from the original.';
  }
}

/** Whether a notice means there is no text to select a quote from. */
export function hasNoQuotableText(notice: SnapshotTextNotice | null): boolean {
  return notice === 'no-text' || notice === 'xfa-unreadable';
}

/** The notice for text extracted from a capture: blank text is never stored without one. */
export function noticeForText(text: string, xfaForm: boolean): SnapshotTextNotice | null {
  const blank = text.trim() === '';
  if (xfaForm) return blank ? 'xfa-unreadable' : 'xfa-form';
  return blank ? 'no-text' : null;
}

/** A scanned PDF or an image of which no text could be read is offered a (new) reading with OCR. */
export function mayReadWithOcr(snapshot: { mediaType: string; textNotice: SnapshotTextNotice | null }): boolean {
  return snapshot.textNotice === 'no-text' && (snapshot.mediaType === 'application/pdf' || isImageMediaType(snapshot.mediaType));
}
