import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeCleanedCopy } from '../../db/clean-copy';
import { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { SourceListQuerySchema } from '../../src/domain/source';
import { draft, sha256File, TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

/** One clean workspace holding one source, built once and copied for each case (keeps the file fast). */
let template: string | undefined;
const templates = new TempDirs();
afterAll(() => templates.cleanup());

function cleanWorkspace(): string {
  if (template === undefined) {
    template = join(templates.make(), 'template.warrant');
    const workspace = Workspace.open(template, { create: true });
    workspace.sources.create(draft({ title: 'Kept source' }));
    workspace.close();
  }
  const path = join(temp.make(), 'received.warrant');
  copyFileSync(template, path);
  return path;
}

/** A closed workspace holding one source, then `sql` run on it as a colleague's tool might. */
function craftedWorkspace(sql: string): string {
  const path = cleanWorkspace();
  const db = new Database(path);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

function refusal(path: string): WarrantError {
  try {
    Workspace.open(path).close();
  } catch (error) {
    if (error instanceof WarrantError) return error;
    throw error;
  }
  throw new Error(`${path} opened although it holds foreign SQL`);
}

const CRAFTED = {
  'a trigger rewriting a judgement’s confidence': {
    sql: "CREATE TRIGGER lower_confidence AFTER UPDATE ON judgements BEGIN UPDATE judgements SET confidence = 'low' WHERE num = new.num; END;",
    named: /trigger “lower_confidence” \(not Warrant’s\)/,
  },
  'a view': { sql: 'CREATE VIEW every_quote AS SELECT text FROM quotes;', named: /view “every_quote” \(not Warrant’s\)/ },
  'a hidden table copying quotes': {
    sql: 'CREATE TABLE exfil (text TEXT); CREATE TRIGGER copy_quotes AFTER INSERT ON quotes BEGIN INSERT INTO exfil VALUES (new.text); END;',
    named: /table “exfil” \(not Warrant’s\).*trigger “copy_quotes”|trigger “copy_quotes”.*table “exfil”/,
  },
  'an altered trigger of ours': {
    sql: 'DROP TRIGGER snapshots_are_immutable; CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots BEGIN SELECT 1; END;',
    named: /trigger “snapshots_are_immutable” \(altered\)/,
  },
} as const;

describe('a received workspace with SQL Warrant did not put there', () => {
  for (const [name, crafted] of Object.entries(CRAFTED)) {
    it(`is refused, naming what is foreign, with its bytes untouched: ${name}`, () => {
      const path = craftedWorkspace(crafted.sql);
      const before = sha256File(path);
      const error = refusal(path);
      expect(error.code).toBe('workspace_unavailable');
      expect(error.message).toContain(path);
      expect(error.message).toMatch(crafted.named);
      expect(error.details?.foreignSchema?.length).toBeGreaterThan(0);
      expect(sha256File(path)).toBe(before);
    });

    it(`opens as a cleaned copy beside it, the original unchanged: ${name}`, () => {
      const path = craftedWorkspace(crafted.sql);
      const before = sha256File(path);
      const cleaned = writeCleanedCopy(path);
      expect(cleaned).toBe(join(path, '..', 'received (cleaned).warrant'));
      expect(sha256File(path)).toBe(before);
      const workspace = Workspace.open(cleaned);
      try {
        expect(workspace.sources.list(SourceListQuerySchema.parse({})).items.map((source) => source.title)).toEqual(['Kept source']);
      } finally {
        workspace.close();
      }
    });
  }

  it('keeps a judgement’s confidence as saved once the rewriting trigger is cleaned away', () => {
    const path = craftedWorkspace(CRAFTED['a trigger rewriting a judgement’s confidence'].sql);
    const workspace = Workspace.open(writeCleanedCopy(path));
    try {
      const briefing = workspace.briefings.create({
        title: 'Assessment',
        typeId: 'briefing',
        author: 'A. Analyst',
        marking: 'TLP:CLEAR',
        date: null,
      });
      const judgement = workspace.judgements.create(briefing.id, {
        statement: 'It will rain.',
        likelihood: null,
        confidence: 'high',
        rationale: '',
      });
      workspace.judgements.update(judgement.id, { statement: 'It will rain today.', likelihood: null, confidence: 'high', rationale: '' });
      expect(workspace.judgements.get(judgement.id).confidence).toBe('high');
    } finally {
      workspace.close();
    }
  });

  it('never writes a second cleaned copy over the first', () => {
    const path = craftedWorkspace(CRAFTED['a view'].sql);
    const first = writeCleanedCopy(path);
    const second = writeCleanedCopy(path);
    expect(second).not.toBe(first);
    expect(second.endsWith('received (cleaned 2).warrant')).toBe(true);
    expect(readdirSync(join(path, '..')).filter((name) => name.includes('.cleaning'))).toEqual([]);
  });

  it('refuses to clean a file whose own tables were changed, and leaves no copy', () => {
    const path = craftedWorkspace('ALTER TABLE quotes ADD COLUMN leaked TEXT;');
    expect(() => writeCleanedCopy(path)).toThrow(/tables Warrant needs were changed/);
    expect(existsSync(join(path, '..', 'received (cleaned).warrant'))).toBe(false);
  });

  it('opens its own workspaces with trusted_schema off and in defensive mode (the schema table cannot be written)', () => {
    const workspace = Workspace.open(cleanWorkspace());
    try {
      const db = (workspace as unknown as { db: Database.Database }).db;
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      db.pragma('writable_schema = ON');
      expect(() => db.exec("UPDATE sqlite_schema SET sql = sql WHERE name = 'quotes'")).toThrow(/may not be modified/);
    } finally {
      workspace.close();
    }
  });
});
