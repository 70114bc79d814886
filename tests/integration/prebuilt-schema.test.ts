import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownMigrations } from '../../db/migrations';
import { loadPrebuiltSchema, PREBUILT_SCHEMA_FILE } from '../../db/prebuilt-schema';
import { writePrebuiltSchema } from '../../db/prebuilt-schema-writer';
import { replaySchema } from '../../db/schema-check';
import { cliBuild } from './helpers/builds';

// Opening a workspace checks its schema against what this build's migrations make. The builds
// compute that once (db/prebuilt-schema.ts); these tests keep the computed copy equal to a replay.

const allIds = (): string[] => knownMigrations().map((m) => m.id);

describe('the schema the build computes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warrant-prebuilt-schema-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('in the built CLI equals a replay of every migration', () => {
    const built = pathToFileURL(join(cliBuild(), 'migrations') + '/');
    const prebuilt = loadPrebuiltSchema(built);
    expect(prebuilt, 'the build wrote it').not.toBeNull();
    expect(prebuilt).toEqual(replaySchema(allIds()));
    expect(prebuilt?.size).toBeGreaterThan(20);
  }, 60_000);

  it('is ignored when the migrations beside it are not the ones it was computed from', () => {
    const folder = pathToFileURL(`${dir}/`);
    writePrebuiltSchema(folder);
    expect(loadPrebuiltSchema(folder)).toEqual(replaySchema(allIds()));
    const added = [...knownMigrations(), { id: '29990101T000000_added_later', sql: 'CREATE TABLE later (id TEXT) STRICT;' }];
    expect(loadPrebuiltSchema(folder, added)).toBeNull();
    const edited = knownMigrations().map((m, index) => (index === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(loadPrebuiltSchema(folder, edited)).toBeNull();
  });

  it('is ignored when missing or unreadable', () => {
    const folder = pathToFileURL(`${dir}/`);
    expect(loadPrebuiltSchema(folder)).toBeNull();
    writeFileSync(join(dir, PREBUILT_SCHEMA_FILE), '{"migrationsHash": ');
    expect(loadPrebuiltSchema(folder)).toBeNull();
    writePrebuiltSchema(folder);
    const file = join(dir, PREBUILT_SCHEMA_FILE);
    const valid = JSON.parse(readFileSync(file, 'utf8')) as { objects: unknown[] };
    writeFileSync(file, JSON.stringify({ ...valid, objects: [{ type: 'table' }] }));
    expect(loadPrebuiltSchema(folder)).toBeNull();
  });
});
