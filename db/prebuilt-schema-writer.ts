import { writeFileSync } from 'node:fs';
import { knownMigrations, MIGRATIONS_DIR } from './migrations';
import { migrationsHash, PREBUILT_SCHEMA_FILE, schemaObjectKey, type PrebuiltSchema } from './prebuilt-schema';
import { replaySchema } from './schema-check';

/** Replays every known migration once, as opening a workspace used to on every start. */
export function computePrebuiltSchema(nativeBinding?: string): PrebuiltSchema {
  const migrations = knownMigrations();
  const schema = replaySchema(
    migrations.map((m) => m.id),
    nativeBinding,
  );
  const objects = [...schema.values()].sort((a, b) => schemaObjectKey(a).localeCompare(schemaObjectKey(b)));
  return { migrationsHash: migrationsHash(migrations), objects };
}

/** Run by the builds, into the migrations folder they copy beside their bundle. */
export function writePrebuiltSchema(dir: URL = MIGRATIONS_DIR): void {
  writeFileSync(new URL(PREBUILT_SCHEMA_FILE, dir), `${JSON.stringify(computePrebuiltSchema())}\n`);
}
