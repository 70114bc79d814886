import { z } from 'zod';
import { BackupFileNameSchema, BackupInfoSchema } from '../../domain/backup';
import { command, job, query } from '../define';
import { Empty } from './shared';

/** Rolling backups (issue 9, part 3). */
export const BACKUPS_OPERATIONS = {
  'backups.list': query(
    'The open workspace’s backups, newest first, with the folder they are in.',
    Empty,
    z.object({ folder: z.string(), items: z.array(BackupInfoSchema) }),
  ),
  'backups.restore': command(
    'Replace the open workspace with one of its listed backups; the current file is kept in the backups folder.',
    z.object({ fileName: BackupFileNameSchema }).strict(),
    z.object({ restored: z.string(), keptAs: z.string() }),
    { writes: 'backups', changesEpoch: true },
  ),
} as const;

/** Backing up now. */
export const BACKUPS_JOBS = {
  'backups.create': job('Back up the open workspace now into its backups folder.', Empty, BackupInfoSchema, { writes: 'backups' }),
} as const;
