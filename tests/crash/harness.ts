import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Workspace } from '../../db/workspace';
import { isAlive } from '../../main/workspace-lock';
import { seededRandom } from './seed';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** What one round found after the kill. */
export interface RoundResult {
  round: number;
  acknowledged: number;
  problems: string[];
}

/**
 * Bundles a script run as a child process next to a copy of the migrations (the store finds its
 * SQL beside the code that loads it), inside the project so `better-sqlite3` resolves: a child
 * then starts in tens of milliseconds instead of compiling TypeScript each time. CommonJS
 * packages that load others at run time (citation-js) stay outside the bundle. Each call builds
 * into its own folder beside `dir`, named after this process, so test files running in parallel
 * never rebuild a bundle another is running; folders of processes that have ended are removed
 * (vitest ends its workers without an exit event, so they cannot clean up after themselves).
 */
export async function bundleScript(entry: string, dir: string): Promise<string> {
  mkdirSync(dirname(dir), { recursive: true });
  removeOrphanedBundles(dir);
  const own = mkdtempSync(`${dir}-${process.pid}-`);
  const outfile = join(own, 'child.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pdfjs-dist', '@citation-js/*'],
    logLevel: 'warning',
  });
  cpSync(join(ROOT, 'db', 'migrations'), join(own, 'migrations'), { recursive: true });
  return outfile;
}

/** Removes the folders bundleScript made beside `dir` for processes that no longer run. */
function removeOrphanedBundles(dir: string): void {
  const prefix = `${basename(dir)}-`;
  for (const name of readdirSync(dirname(dir))) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))
      rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

interface Acks {
  sources: Set<string>;
  quotes: Set<string>;
  tagged: Set<string>;
  trashed: Set<string>;
  settings: string[];
}

/** Runs the writer until a random moment after it is ready, kills it with SIGKILL, returns what it acknowledged. */
function runUntilKilled(writer: string, workspace: string, round: number, killAfterMs: number): Promise<Acks> {
  return new Promise((resolvePromise, reject) => {
    const acks: Acks = { sources: new Set(), quotes: new Set(), tagged: new Set(), trashed: new Set(), settings: [] };
    const child = spawn(process.execPath, [writer, workspace, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [, kind, value = ''] = line.split(' ');
        if (kind === 'ready') timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (kind === 'source') acks.sources.add(value);
        else if (kind === 'quote') acks.quotes.add(value);
        else if (kind === 'tagged') acks.tagged.add(value);
        else if (kind === 'trashed') acks.trashed.add(value);
        else if (kind === 'setting') acks.settings.push(value);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolvePromise(acks);
      else reject(new Error(`the writer stopped by itself (code ${String(code)}): ${stderr.slice(0, 2000)}`));
    });
  });
}

/** After a kill: the file is sound and holds every acknowledged write. */
function verify(workspacePath: string, acks: Acks, allSettings: readonly string[]): string[] {
  const problems: string[] = [];
  // The app's own open path (header checks, migrations, WAL recovery) must accept the file.
  const workspace = Workspace.open(workspacePath);
  workspace.close();
  // Writable: FTS5's integrity-check is a command written as an INSERT.
  const db = new Database(workspacePath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    for (const table of ['quotes_fts', 'sources_fts']) {
      try {
        db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
      } catch (error) {
        problems.push(`${table} integrity-check: ${String(error)}`);
      }
    }
    const source = db.prepare('SELECT deleted_at FROM sources WHERE id = ?');
    for (const id of acks.sources) {
      const row = source.get(id) as { deleted_at: string | null } | undefined;
      if (!row) problems.push(`acknowledged source ${id} is missing`);
      else if (acks.trashed.has(id) && row.deleted_at === null) problems.push(`acknowledged trashing of ${id} is undone`);
    }
    const quote = db.prepare('SELECT 1 FROM quotes WHERE id = ?');
    for (const id of acks.quotes) if (!quote.get(id)) problems.push(`acknowledged quote ${id} is missing`);
    const tagged = db.prepare(
      "SELECT 1 FROM source_tags l JOIN tags t ON t.id = l.tag_id WHERE l.source_id = ? AND t.path = 'Crash/Round'",
    );
    for (const id of acks.tagged) if (!tagged.get(id)) problems.push(`acknowledged tag on ${id} is missing`);
    const last = acks.settings.at(-1);
    if (last !== undefined) {
      const stored = JSON.parse(
        (db.prepare("SELECT value FROM settings WHERE key = 'analystName'").pluck().get() as string | undefined) ?? 'null',
      ) as string | null;
      // The setting may be newer than the last acknowledgement (written, then killed before the ack), never older.
      const order = (value: string | null): number => (value === null ? -1 : allSettings.indexOf(value));
      if (stored === null || (order(stored) < order(last) && allSettings.includes(stored)))
        problems.push(`setting went back from ${last} to ${String(stored)}`);
    }
  } finally {
    db.close();
  }
  return problems;
}

/**
 * Kill rounds against one growing workspace in `dir`; the writer is built into `buildDir`, which
 * must be inside the project so the bundle resolves better-sqlite3. The seed fixes the kill
 * moments, so a failing run can be replayed with the same one.
 */
export async function runCrashRounds(options: {
  dir: string;
  buildDir: string;
  rounds: number;
  seed: number;
  onRound?: (result: RoundResult) => void;
}): Promise<RoundResult[]> {
  const writer = await bundleScript(join(ROOT, 'tests', 'crash', 'writer.ts'), options.buildDir);
  const workspace = join(options.dir, 'crash.warrant');
  const random = seededRandom(options.seed);
  const results: RoundResult[] = [];
  const settings: string[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const acks = await runUntilKilled(writer, workspace, round, Math.floor(random() * 120));
    settings.push(...acks.settings);
    const result = {
      round,
      acknowledged: acks.sources.size + acks.quotes.size + acks.tagged.size + acks.trashed.size + acks.settings.length,
      problems: verify(workspace, acks, settings),
    };
    results.push(result);
    options.onRound?.(result);
  }
  return results;
}
