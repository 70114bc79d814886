/** The address of Settings → Backups (File → Restore from Backup… opens it); apart so the shell can route to it without loading Settings. */
export const BACKUPS_HASH = '#backups';
