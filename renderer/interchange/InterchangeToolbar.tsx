import { useState } from 'react';
import { useCommandHandler } from '../commands/registry';
import { shortcutProps } from '../commands/shortcut-labels';
import { LoadBoundary, loadOnFirstUse } from '../shell/LoadBoundary';

// The dialogs load when first opened: the library's first paint does not wait for them.
const ImportDialog = loadOnFirstUse(
  () => import('./ImportDialog'),
  (m) => m.ImportDialog,
);
const ExportDialog = loadOnFirstUse(
  () => import('./ExportDialog'),
  (m) => m.ExportDialog,
);

/** The library's Import… and Export… buttons (Alt+I, Alt+X) and their dialogs. */
export function InterchangeToolbar({ selectedIds }: { selectedIds: readonly string[] }) {
  const [open, setOpen] = useState<'import' | 'export' | null>(null);

  useCommandHandler('library.import', () => setOpen((current) => current ?? 'import'));
  useCommandHandler('library.export', () => setOpen((current) => current ?? 'export'));

  return (
    <>
      <button type="button" onClick={() => setOpen('import')} {...shortcutProps('library.import', 'Import…')}>
        Import…
      </button>
      <button type="button" onClick={() => setOpen('export')} {...shortcutProps('library.export', 'Export…')}>
        Export…
      </button>
      {open === 'import' && (
        <LoadBoundary what="the import dialog" inline>
          <ImportDialog onClose={() => setOpen(null)} />
        </LoadBoundary>
      )}
      {open === 'export' && (
        <LoadBoundary what="the export dialog" inline>
          <ExportDialog selectedIds={selectedIds} onClose={() => setOpen(null)} />
        </LoadBoundary>
      )}
    </>
  );
}
