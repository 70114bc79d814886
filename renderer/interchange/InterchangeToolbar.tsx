import { useEffect, useState } from 'react';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

/** The library's Import… and Export… buttons (Alt+I, Alt+X) and their dialogs. */
export function InterchangeToolbar({ selectedIds, onImported }: { selectedIds: readonly string[]; onImported: () => void }) {
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
      {open === 'import' && <ImportDialog onClose={() => setOpen(null)} onImported={onImported} />}
      {open === 'export' && <ExportDialog selectedIds={selectedIds} onClose={() => setOpen(null)} />}
    </>
  );
}
