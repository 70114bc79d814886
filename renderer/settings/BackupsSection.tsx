import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupInfo } from '../../src/domain/backup';
import { errorMessage, fieldErrorsOf } from '../app/error-message';
import { navigate, useRoute } from '../app/router';
import { LIBRARY } from '../app/routes';
import { useCommand } from '../data/mutations';
import { useContractQuery } from '../data/useContractQuery';
import { FormField } from '../library';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useJobs } from '../shell/useJobs';
import { useToast } from '../shell/useToast';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Rolling backups: how many to keep, the list, back up now, and restore after confirming. */
export function BackupsSection() {
  const command = useCommand();
  const jobs = useJobs();
  const toast = useToast();
  const heading = useRef<HTMLHeadingElement>(null);
  const settings = useContractQuery('settings.get', {});
  // A value typed before the stored one arrives wins: the late answer never overwrites it.
  const [typed, setKeep] = useState<string | null>(null);
  const keep = typed ?? (settings.data ? String(settings.data.backupsToKeep) : '');
  const [keepError, setKeepError] = useState<string | undefined>();
  const backups = useContractQuery('backups.list', {});
  const items = backups.data?.items ?? null;
  const folder = backups.data?.folder ?? '';
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const { error: listError, refetch: refresh } = backups;
  useEffect(() => {
    if (listError) toast({ message: errorMessage(listError), tone: 'error' });
  }, [listError, toast]);

  // Opened by address (#/settings/backups, or File → Restore from Backup…): bring the section
  // into view and put focus on it, each time the address is set.
  const route = useRoute();
  useEffect(() => {
    if (route.view !== 'settings' || route.section !== 'backups') return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [route]);

  const saveKeep = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = keep.trim();
    const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    try {
      const saved = await command('settings.update', { backupsToKeep: Number.isNaN(value) ? (trimmed as unknown as number) : value });
      setKeep(String(saved.backupsToKeep));
      setKeepError(undefined);
      toast({ message: saved.backupsToKeep === 0 ? 'Automatic backups are off.' : `Keeping the newest ${saved.backupsToKeep} backups.` });
    } catch (error) {
      setKeepError(fieldErrorsOf(error).backupsToKeep ?? errorMessage(error));
    }
  };

  const backUpNow = async (): Promise<void> => {
    setBusy(true);
    try {
      const info = await jobs.run('backups.create', {});
      toast({ message: `Backed up as “${info.fileName}”.` });
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
      // A failed backup may have left a partial file behind: list the folder as it is.
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupInfo): Promise<void> => {
    setBusy(true);
    try {
      const outcome = await command('backups.restore', { fileName: backup.fileName });
      toast({ message: `Restored “${outcome.restored}”. The previous file is kept as “${outcome.keptAs}”.` });
      // Every view holds data from the replaced file: start afresh from the restored one, on the
      // library (a reload otherwise stays on the route it was on).
      window.setTimeout(() => {
        navigate(LIBRARY, { replace: true });
        window.location.reload();
      }, 600);
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' });
      setBusy(false);
      await refresh();
    }
  };

  return (
    <section className="settings-form backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading" ref={heading} tabIndex={-1}>
        Backups
      </h2>
      <form onSubmit={(event) => void saveKeep(event)} noValidate aria-label="Backup setting">
        <FormField
          label="Automatic backups to keep"
          error={keepError}
          hint="Taken every 10 minutes and on closing when the workspace has changed. 0 turns them off."
        >
          <input inputMode="numeric" value={keep} onChange={(event) => setKeep(event.target.value)} />
        </FormField>
        <button type="submit">Save backup setting</button>
      </form>
      <div className="backups-actions">
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {folder && <p className="hint">Kept in {folder}</p>}
      {items && items.length === 0 && (
        <p className="empty-state">
          No backups yet. Use “Back up now”, or keep working: one is taken automatically when the workspace changes.
        </p>
      )}
      {items && items.length > 0 && (
        <ul aria-label="Backups" className="backups-list">
          {items.map((backup) => (
            <li key={backup.fileName}>
              <span>
                <strong>{formatTime(backup.createdAt)}</strong> · {formatSize(backup.size)}
                {backup.kind === 'before-restore' ? ' · before a restore' : ''}
                <br />
                <small>{backup.fileName}</small>
                {backup.problem !== undefined && (
                  <>
                    <br />
                    <small className="field-error">Not restorable: {backup.problem}.</small>
                  </>
                )}
              </span>
              <button
                type="button"
                onClick={() => setConfirming(backup)}
                disabled={busy || backup.problem !== undefined}
                aria-label={`Restore ${backup.fileName}…`}
              >
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title="Restore this backup?"
          message={`The workspace will be replaced by the backup from ${formatTime(confirming.createdAt)} (${confirming.fileName}). Changes made since then leave the workspace; the current file is kept in the backups folder as a “before-restore” file, so you can go back.`}
          confirmLabel="Restore backup"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const chosen = confirming;
            setConfirming(null);
            void restore(chosen);
          }}
        />
      )}
    </section>
  );
}
