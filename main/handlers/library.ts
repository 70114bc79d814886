import type { LIBRARY_JOBS, LIBRARY_OPERATIONS } from '../../src/contract/operations/library';
import { DownloadStore } from '../downloads';
import type { ImportPreviews } from '../interchange/import-service';
import type { DomainHandlers, HandlerContext } from './context';

/** "Briefs.warrant" → "Briefs library 2026-11-28.json". */
export function exportFileName(workspaceName: string, extension: string, date: Date = new Date()): string {
  return `${workspaceName.replace(/\.warrant$/i, '')} library ${date.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * The contract's import and export operations, wired to the open workspace. The readers and
 * writers of BibTeX, RIS and CSL-JSON load on the first import or export: the host's first
 * answer does not need them.
 */
export function libraryHandlers({
  ws,
  uploads,
  downloads: given,
}: HandlerContext): DomainHandlers<typeof LIBRARY_OPERATIONS, typeof LIBRARY_JOBS> {
  let loadedPreviews: Promise<ImportPreviews> | undefined;
  const importPreviews = (): Promise<ImportPreviews> =>
    (loadedPreviews ??= import('../interchange/import-service').then(({ ImportPreviews }) => new ImportPreviews()));
  let own: DownloadStore | undefined;
  // A host without a download store (benchmarks, older tests) gets one only if it exports.
  const downloadStore = (): DownloadStore => given ?? (own ??= new DownloadStore());
  return {
    handlers: {
      // No preview was ever made while the readers are not loaded: there is nothing to discard.
      'library.importDiscard': async ({ importId }) => ({
        discarded: loadedPreviews ? (await loadedPreviews).discard(importId) : false,
      }),
    },
    jobHandlers: {
      'library.importPreview': async ({ uploadId }, control) => {
        control.progress(0, 0, 'Reading the file');
        const upload = uploads.take(uploadId);
        const workspace = ws();
        return (await importPreviews()).preview(workspace, upload.bytes, upload.name, control);
      },
      'library.importCommit': async ({ importId, onDuplicate, keywords, decisions }, control) => {
        const workspace = ws();
        return (await importPreviews()).commit(workspace, importId, onDuplicate, decisions, control, keywords);
      },
      'library.export': async ({ format, sourceIds }, control) => {
        const workspace = ws();
        const { EXPORT_EXTENSIONS, EXPORT_MEDIA_TYPES, exportToFile } = await import('../interchange/export-library');
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
