import { z } from 'zod';

const BACKUPS_TO_KEEP_MESSAGE = 'Enter a whole number from 0 (no automatic backups) to 100.';

/** Workspace-wide preferences, stored inside the workspace so they travel with it. */
export const SettingsSchema = z.object({
  analystName: z.string().trim().max(200, 'Keep the name under 200 characters.'),
  defaultMarking: z.string().trim().max(500, 'Keep the marking under 500 characters.'),
  /** How many automatic backups to keep beside the workspace; 0 turns them off. */
  backupsToKeep: z
    .number({ error: BACKUPS_TO_KEEP_MESSAGE })
    .int(BACKUPS_TO_KEEP_MESSAGE)
    .min(0, BACKUPS_TO_KEEP_MESSAGE)
    .max(100, BACKUPS_TO_KEEP_MESSAGE),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { analystName: '', defaultMarking: 'TLP:CLEAR', backupsToKeep: 5 };

/** The settings as stored, with the version an edit of them starts from. */
export const StoredSettingsSchema = SettingsSchema.extend({ version: z.number().int().min(1) });
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
