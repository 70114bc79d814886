import { z } from 'zod';

/** Backups are named `<workspace stem>-<UTC stamp>.warrant`; the stamp sorts as text. */
export const BACKUP_STAMP_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;

/** A backup file name as the contract accepts it: a bare name, never a path. */
export const BackupFileNameSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^/\\:\0]+\.warrant$/, 'Give the file name of one of the listed backups (no folders).')
  .refine(
    (name) => name !== '.' && name !== '..' && !name.startsWith('.'),
    'Give the file name of one of the listed backups (no folders).',
  );

export const BackupInfoSchema = z.object({
  fileName: z.string(),
  /** When the backup was taken (from its name), ISO 8601 UTC. */
  createdAt: z.string(),
  size: z.number().int().min(0),
  /** `automatic` backups are pruned to the newest N; `before-restore` files are kept until removed by hand. */
  kind: z.enum(['automatic', 'before-restore']),
  /**
   * Why this file may not be restored (no manifest tying it to this workspace, bytes changed
   * since it was taken, a time stamp in the future); absent when it may.
   */
  problem: z.string().optional(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** 2026-11-28T03:05:12.345Z → 20261128T030512345Z (no colons: safe on every file system). */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** The inverse of {@link backupStamp}; null when `stamp` is not one. */
export function parseBackupStamp(stamp: string): string | null {
  const m = BACKUP_STAMP_PATTERN.exec(stamp);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
