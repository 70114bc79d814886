import { SettingsPatchSchema, StoredSettingsSchema } from '../../domain/settings';
import { command, query } from '../define';
import { EditVersion, Empty } from './shared';

/** The workspace settings. */
export const SETTINGS_OPERATIONS = {
  'settings.get': query('Read the workspace settings, with their version.', Empty, StoredSettingsSchema),
  'settings.update': command(
    'Change some workspace settings; with `version` (what a form loaded), a change made elsewhere since is refused as a conflict.',
    SettingsPatchSchema.extend({ version: EditVersion.optional() }).strict(),
    StoredSettingsSchema,
  ),
} as const;
