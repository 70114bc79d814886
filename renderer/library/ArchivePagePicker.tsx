import { useState } from 'react';
import { formatCaptureTime, type ArchivePage } from '../../src/domain/snapshot';

interface ArchivePagePickerProps {
  fileName: string;
  pages: readonly ArchivePage[];
  busy: boolean;
  onPick: (pageId: string) => void;
  onCancel: () => void;
}

/** The captured pages of a web archive, to choose the one kept as the snapshot. */
export function ArchivePagePicker({ fileName, pages, busy, onPick, onCancel }: ArchivePagePickerProps) {
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <fieldset className="archive-pages">
      <legend>Captured pages in “{fileName}”</legend>
      <p className="hint">Pick the page to keep. The whole archive is stored with its hash; the text comes from this page.</p>
      {pages.map((page) => (
        <label key={page.pageId} className="archive-page">
          <input
            type="radio"
            name="archive-page"
            value={page.pageId}
            checked={picked === page.pageId}
            onChange={() => setPicked(page.pageId)}
            disabled={busy}
          />
          {page.url} — {page.capturedAt === null ? 'capture time not recorded' : formatCaptureTime(page.capturedAt)}
        </label>
      ))}
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy || picked === null} onClick={() => picked !== null && onPick(picked)}>
          Keep this page
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
