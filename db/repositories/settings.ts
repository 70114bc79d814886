import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch, type StoredSettings } from '../../src/domain/settings';
import { assertVersion } from '../record-versions';
import type { StoreContext } from '../store-context';

/** Settings as key → JSON value rows, so new settings need no migration. */
export class SettingsRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** The settings with the version every edit of them must start from. */
  get(): StoredSettings {
    return { ...this.values(), version: this.version() };
  }

  /** Just the values (what the rest of the store reads, e.g. the analyst's name). */
  values(): Settings {
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

  /**
   * With `expectedVersion` (what a form loaded), refused as a `conflict` when a setting it writes
   * was changed since; settings it leaves alone may have changed meanwhile.
   */
  update(patch: SettingsPatch, expectedVersion?: number): StoredSettings {
    const upsert = this.ctx.db.prepare(
      'INSERT INTO settings (key, value, version) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = excluded.version',
    );
    const changedAt = this.ctx.db.prepare('SELECT version FROM settings WHERE key = ?').pluck();
    this.ctx.db.transaction(() => {
      const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
      const stored = this.version();
      const newest = Math.max(0, ...entries.map(([key]) => (changedAt.get(key) as number | undefined) ?? 0));
      if (expectedVersion !== undefined && newest > expectedVersion)
        assertVersion('The settings', expectedVersion, stored, () => this.get());
      if (entries.length === 0) return;
      for (const [key, value] of entries) upsert.run(key, JSON.stringify(value), stored + 1);
      this.ctx.db.prepare('UPDATE settings_version SET version = ? WHERE id = 1').run(stored + 1);
    })();
    this.ctx.afterWrite();
    return this.get();
  }

  private version(): number {
    return (this.ctx.db.prepare('SELECT version FROM settings_version WHERE id = 1').pluck().get() as number | undefined) ?? 1;
  }
}
