/**
 * Run by the storage-faults test as an unprivileged user (the suite runs as root, and root may
 * write anywhere). Opens a workspace it may read but not write, tries a change, saves a copy to a
 * folder it may write, and prints what it saw as JSON.
 *   node read-only-writer.mjs WORKSPACE COPY
 */
import { writeSync } from 'node:fs';
import { Workspace } from '../../db/workspace';
import { ContractFixture } from '../integration/helpers/contract';

const [path, copy] = process.argv.slice(2);
if (!path || !copy) throw new Error('usage: read-only-writer.mjs WORKSPACE COPY');

let openError: string | null = null;
try {
  Workspace.open(path).close();
} catch (error) {
  openError = error instanceof Error ? error.message : String(error);
}

const report: Record<string, unknown> = { openError };
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
