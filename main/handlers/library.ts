import type { LIBRARY_JOBS, LIBRARY_OPERATIONS } from '../../src/contract/operations/library';
import { DownloadStore } from '../downloads';
import { EXPORT_EXTENSIONS, EXPORT_MEDIA_TYPES, exportToFile } from '../interchange/export-library';
import { ImportPreviews } from '../interchange/import-service';
import type { DomainHandlers, HandlerContext } from './context';

/** "Briefs.warrant" → "Briefs library 2026-11-28.json". */
export function exportFileName(workspaceName: string, extension: string, date: Date = new Date()): string {
  return `${workspaceName.replace(/\.warrant$/i, '')} library ${date.toISOString().slice(0, 10)}.${extension}`;
}

/** The contract's import and export operations, wired to the open workspace. */
export function libraryHandlers({
  ws,
  uploads,
  downloads: given,
}: HandlerContext): DomainHandlers<typeof LIBRARY_OPERATIONS, typeof LIBRARY_JOBS> {
  const previews = new ImportPreviews();
  let own: DownloadStore | undefined;
  // A host without a download store (benchmarks, older tests) gets one only if it exports.
  const downloadStore = (): DownloadStore => given ?? (own ??= new DownloadStore());
  return {
    handlers: {
      'library.importDiscard': ({ importId }) => ({ discarded: previews.discard(importId) }),
    },
    jobHandlers: {
      'library.importPreview': async ({ uploadId }, control) => {
        control.progress(0, 0, 'Reading the file');
        const upload = uploads.take(uploadId);
        return previews.preview(ws(), upload.bytes, upload.name, control);
      },
      'library.importCommit': async ({ importId, onDuplicate, decisions }, control) =>
        previews.commit(ws(), importId, onDuplicate, decisions, control),
      'library.export': async ({ format, sourceIds }, control) => {
        const workspace = ws();
        const downloads = downloadStore();
        const target = downloads.reserve();
        await exportToFile(workspace, format, target.path, control, sourceIds);
        return {
          delivery: 'download',
          file: downloads.publish(target.fileId, exportFileName(workspace.name, EXPORT_EXTENSIONS[format]), EXPORT_MEDIA_TYPES[format]),
        };
      },
    },
  };
}
