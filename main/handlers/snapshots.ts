import { WarrantError } from '../../src/contract/errors';
import type { SNAPSHOTS_JOBS, SNAPSHOTS_OPERATIONS } from '../../src/contract/operations/snapshots';
import type { DomainHandlers, HandlerContext } from './context';

/** A source's snapshots: capturing one, listing them, reading a capture's text, removing one. */
export function snapshotsHandlers({ ws, uploads }: HandlerContext): DomainHandlers<typeof SNAPSHOTS_OPERATIONS, typeof SNAPSHOTS_JOBS> {
  return {
    handlers: {
      'snapshots.list': ({ sourceId }) => {
        const workspace = ws();
        if (!workspace.sources.exists(sourceId)) throw new WarrantError('not_found', 'That source no longer exists.');
        workspace.snapshots.ensureChecked(sourceId);
        return { items: workspace.snapshots.list(sourceId) };
      },
      'snapshots.text': ({ sourceId, snapshotId }) => ws().snapshots.text(sourceId, snapshotId),
      'snapshots.images': ({ sourceId, snapshotId }) => ({ items: ws().snapshots.images(sourceId, snapshotId) }),
      'snapshots.archivePages': async ({ uploadId }) => {
        const upload = uploads.peek(uploadId);
        const { listArchivePages } = await import('../snapshot/archive');
        return listArchivePages(upload.bytes, upload.name);
      },
      'snapshots.image': ({ sourceId, snapshotId }) => {
        const { mediaType, bytes } = ws().snapshots.image(sourceId, snapshotId);
        return { mediaType, base64: bytes.toString('base64') };
      },
      'snapshots.pdf': ({ sourceId, snapshotId }) => {
        const { bytes, mediaType } = ws().snapshots.content(sourceId, snapshotId);
        if (mediaType !== 'application/pdf') throw new WarrantError('invalid_input', 'This snapshot is not a PDF.');
        return { base64: bytes.toString('base64') };
      },
      'snapshots.ocrWords': ({ sourceId, snapshotId }) => ({ words: ws().snapshots.ocrWords(sourceId, snapshotId) }),
      'snapshots.remove': ({ sourceId, snapshotId }) => {
        ws().snapshots.remove(sourceId, snapshotId);
        return { removed: true as const };
      },
    },
    jobHandlers: {
      'snapshots.attach': async (input, control) => {
        const workspace = ws();
        if (!workspace.sources.exists(input.sourceId)) throw new WarrantError('not_found', 'That source no longer exists.');
        control.progress(0, 0, 'Reading the file');
        // Loaded on the first snapshot rather than at start: the HTML parser, pdf.js and the OCR
        // engine behind it are not needed to serve the first page.
        const { extractPastedText, extractSnapshot } = await import('../snapshot/extract');
        const captured =
          'uploadId' in input
            ? await (async () => {
                const upload = uploads.take(input.uploadId);
                const reading = { language: input.ocrLanguage ?? ('eng' as const), control };
                const extracted = await extractSnapshot(upload.bytes, upload.name, { pageId: input.pageId, reading });
                return { ...extracted, bytes: upload.bytes, fileName: upload.name };
              })()
            : { ...extractPastedText(input.pastedText), fileName: 'Pasted text.txt' };
        control.throwIfCancelled();
        control.progress(1, 1, 'Storing the snapshot');
        return workspace.snapshots.attach(input.sourceId, {
          fileName: captured.fileName,
          mediaType: captured.mediaType,
          bytes: captured.bytes,
          text: captured.text,
          pageOffsets: captured.pageOffsets,
          encoding: captured.encoding,
          textNotice: captured.textNotice,
          ocr: captured.ocr,
          archive: captured.archive,
          images: captured.images,
        });
      },
      'snapshots.readWithOcr': async ({ sourceId, ocrLanguage }, control) => {
        const workspace = ws();
        const info = workspace.snapshots.info(sourceId);
        // Checked before the slow part too, so a refusal comes at once rather than after the OCR.
        workspace.snapshots.assertReadableAgain(sourceId);
        control.progress(0, 0, 'Reading the file');
        const { bytes, fileName } = workspace.snapshots.content(sourceId);
        const { extractSnapshot } = await import('../snapshot/extract');
        const read = await extractSnapshot(bytes, fileName, { reading: { language: ocrLanguage, control } });
        control.throwIfCancelled();
        control.progress(1, 1, 'Storing the new reading');
        return workspace.snapshots.replaceReading(sourceId, {
          sha256: info.sha256,
          text: read.text,
          pageOffsets: read.pageOffsets,
          textNotice: read.textNotice,
          ocr: read.ocr,
        });
      },
    },
  };
}
