/**
 * Run by the storage-faults test, started as root and turned into an unprivileged user (root may
 * write anywhere) before it touches the workspace. Opens a workspace it may read but not write,
 * tries a change, saves a copy to a folder it may write, and prints what it saw as JSON.
 *   node read-only-writer.mjs WORKSPACE COPY UID
 *
 * It becomes UID itself rather than being spawned as UID because the checkout may sit below a
 * folder only root may enter (a fresh clone in a `mktemp -d` folder is 0700): everything read from
 * the checkout (the code, the native SQLite addon, the migrations) is loaded first, as root.
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { knownMigrations } from '../../db/migrations';
import { Workspace } from '../../db/workspace';
import { ContractFixture } from '../integration/helpers/contract';

const [path, copy, uidText] = process.argv.slice(2);
if (!path || !copy || !uidText) throw new Error('usage: read-only-writer.mjs WORKSPACE COPY UID');

knownMigrations();
new Database(':memory:').close();
const uid = Number(uidText);
process.setgroups?.([uid]);
process.setgid?.(uid);
process.setuid?.(uid);

let openError: string | null = null;
try {
  Workspace.open(path).close();
} catch (error) {
  openError = error instanceof Error ? error.message : String(error);
}

const report: Record<string, unknown> = { uid: process.getuid?.(), openError };
if (openError === null) {
  const contract = new ContractFixture().openAt(path, copy);
  const listed = await contract.call('sources.list', { sort: 'title', direction: 'asc' });
  const refused = await contract.call('sources.create', { draft: { title: 'Written without permission' } });
  const saved = await contract.job('workspace.saveCopy', {});
  report.listed = listed.ok ? (listed.value as { total: number }).total : null;
  report.refusal = refused.ok ? null : refused.error;
  report.copyStatus = saved.status;
  report.internalErrors = contract.internalErrors;
  contract.session.close();
}
writeSync(1, `${JSON.stringify(report)}\n`);
