import { useEffect, useState } from 'react';
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

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if (key === 'i' || key === 'x') {
        event.preventDefault();
        setOpen((current) => current ?? (key === 'i' ? 'import' : 'export'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" onClick={() => setOpen('import')} aria-keyshortcuts="Alt+I">
        Import…
      </button>
      <button type="button" onClick={() => setOpen('export')} aria-keyshortcuts="Alt+X">
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
