import { useState, type DragEvent } from 'react';
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LABEL } from '../../src/snapshot/limits';
import { mayHoldSeveralPages } from '../../src/snapshot/archive-facts';
import { ArchivePagePicker } from './ArchivePagePicker';
import { ContractError } from '../../src/contract/client';
import { errorMessage } from '../app/error-message';
import { useClient } from '../app/useClient';
import { useJobs } from '../shell/useJobs';
import type { ArchivePage, SnapshotInfo } from '../../src/domain/snapshot';
import { hasNoQuotableText } from '../../src/snapshot/text-notice';
import { useToast } from '../shell/useToast';
import { ocrCapturedMessage } from './ocr-messages';
import { OCR_LANGUAGE_NAMES, OCR_LANGUAGES, OcrLanguageSchema, type OcrLanguage } from '../../src/snapshot/ocr';

/** What the capture's toast says: a capture with no readable text is kept, but never silently. */
function capturedMessage(captured: SnapshotInfo): string {
  if (hasNoQuotableText(captured.textNotice)) return 'Snapshot captured, but no text could be read from it.';
  if (captured.textNotice === 'xfa-form') return 'Snapshot captured: an XFA form, read from its form data.';
  if (captured.ocr) return ocrCapturedMessage('Snapshot captured', captured.ocr);
  return 'Snapshot captured.';
}

/** A web archive waiting for the analyst to pick which captured page to keep. */
interface PendingArchive {
  uploadId: string;
  fileName: string;
  pages: readonly ArchivePage[];
}

/** Capture a snapshot: pick or drop an HTML, PDF, text, MHTML, web-archive or image file (an image's text, and a scanned PDF's, is read with OCR), or paste text. */
export function SnapshotAttach({
  sourceId,
  again = false,
}: {
  sourceId: string;
  /** The source already has a capture: this one is added beside it. */ again?: boolean;
}) {
  const client = useClient();
  const jobs = useJobs();
  const toast = useToast();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ocrLanguage, setOcrLanguage] = useState<OcrLanguage>('eng');
  const [pending, setPending] = useState<PendingArchive | null>(null);

  /** Runs a capture; `start` gives null when it stopped to ask the analyst something first. */
  const capture = async (start: () => Promise<SnapshotInfo | null>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const captured = await start();
      if (captured === null) return;
      // The finished job makes the source's reads stale (renderer/data), so the snapshot appears.
      toast({ message: capturedMessage(captured) });
    } catch (failure) {
      if (!(failure instanceof ContractError && failure.payload.code === 'cancelled')) setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const captureFile = (file: File | undefined): void => {
    if (!file) return;
    if (file.size > SNAPSHOT_MAX_BYTES) {
      setError(`“${file.name}” is too large: a snapshot can be at most ${SNAPSHOT_MAX_LABEL}.`);
      return;
    }
    void capture(async () => {
      const uploadId = await client.uploadFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (mayHoldSeveralPages(file.name)) {
        const list = await client.call('snapshots.archivePages', { uploadId });
        if (list.chosenPageId === null) {
          setPending({ uploadId, fileName: file.name, pages: list.pages });
          return null;
        }
        return jobs.run('snapshots.attach', { sourceId, uploadId, pageId: list.chosenPageId });
      }
      return jobs.run('snapshots.attach', { sourceId, uploadId, ocrLanguage });
    });
  };

  const capturePage = (archive: PendingArchive, pageId: string): void => {
    void capture(async () => {
      const captured = await jobs.run('snapshots.attach', { sourceId, uploadId: archive.uploadId, pageId });
      setPending(null);
      return captured;
    });
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    // The file picker is disabled while a capture runs; a drop must wait the same way.
    if (busy) return;
    captureFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="snapshot-attach" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <p className="hint">
        {again ? 'Capture this source again, as' : 'No snapshot yet. Keep an offline copy of this source:'} an HTML page, a PDF, a text
        file, an MHTML page, a WARC/WACZ web archive or a screenshot (PNG, JPEG, WebP), up to {SNAPSHOT_MAX_LABEL}; the text of an image or
        of a scanned PDF is read with OCR. It is stored inside the workspace and never changed.
      </p>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {pending && (
        <ArchivePagePicker
          fileName={pending.fileName}
          pages={pending.pages}
          busy={busy}
          onPick={(pageId) => capturePage(pending, pageId)}
          onCancel={() => setPending(null)}
        />
      )}
      <label className="stacked">
        Snapshot file
        <input
          type="file"
          accept=".html,.htm,.xhtml,.pdf,.txt,.text,.md,.mhtml,.mht,.warc,.gz,.wacz,.png,.jpg,.jpeg,.webp,text/html,application/pdf,text/plain,image/png,image/jpeg,image/webp"
          disabled={busy}
          onChange={(event) => captureFile(event.target.files?.[0])}
        />
      </label>
      <label className="stacked">
        Language of text in images and scanned PDFs (OCR)
        <select value={ocrLanguage} disabled={busy} onChange={(event) => setOcrLanguage(OcrLanguageSchema.parse(event.target.value))}>
          {OCR_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {OCR_LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <p className="drop-zone" aria-hidden="true">
        …or drop a file here
      </p>
      <label className="stacked">
        Or paste the text
        <textarea rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} disabled={busy} />
      </label>
      <button
        type="button"
        disabled={busy || pasted.trim() === ''}
        onClick={() => void capture(() => jobs.run('snapshots.attach', { sourceId, pastedText: pasted }))}
      >
        Capture pasted text
      </button>
    </div>
  );
}
