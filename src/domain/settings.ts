import { z } from 'zod';

/** Workspace-wide preferences, stored inside the workspace so they travel with it. */
export const SettingsSchema = z.object({
  analystName: z.string().trim().max(200, 'Keep the name under 200 characters.'),
  defaultMarking: z.string().trim().max(500, 'Keep the marking under 500 characters.'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { analystName: '', defaultMarking: 'TLP:CLEAR' };

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
