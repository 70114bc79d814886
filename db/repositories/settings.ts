import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../src/domain/settings';
import type { StoreContext } from '../store-context';

/** Settings as key → JSON value rows, so new settings need no migration. */
export class SettingsRepository {
  constructor(private readonly ctx: StoreContext) {}

  get(): Settings {
    const rows = this.ctx.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const settings: Settings = { ...DEFAULT_SETTINGS };
    for (const row of rows) {
      if (!Object.prototype.hasOwnProperty.call(SettingsSchema.shape, row.key)) continue;
      const key = row.key as keyof Settings;
      try {
        const parsed = SettingsSchema.shape[key].safeParse(JSON.parse(row.value));
        // A damaged value falls back to its default rather than taking the others with it.
        if (parsed.success) Object.assign(settings, { [key]: parsed.data });
      } catch {
        // Unparseable JSON: keep the default for this key.
      }
    }
    return settings;
  }

  update(patch: SettingsPatch): Settings {
    const upsert = this.ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.ctx.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
    })();
    this.ctx.afterWrite();
    return this.get();
  }
}
