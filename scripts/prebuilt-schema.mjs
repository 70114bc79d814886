// Writes the schema this build's migrations produce beside the copied SQL (see
// db/prebuilt-schema.ts), so a bundle opening a workspace reads it instead of replaying them.
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export async function writePrebuiltSchemaInto(migrationsDir) {
  const { writePrebuiltSchema } = await tsImport('../db/prebuilt-schema-writer.ts', import.meta.url);
  writePrebuiltSchema(pathToFileURL(`${resolve(migrationsDir)}/`));
}
