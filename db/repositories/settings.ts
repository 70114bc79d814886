import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../src/domain/settings';
import type { StoreContext } from '../store-context';

/** Settings as key → JSON value rows, so new settings need no migration. */
export class SettingsRepository {
  constructor(private readonly ctx: StoreContext) {}

  get(): Settings {
    const rows = this.ctx.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A damaged value falls back to its default rather than blocking the whole workspace.
      }
    }
    const merged = { ...DEFAULT_SETTINGS, ...stored };
    const parsed = SettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
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
