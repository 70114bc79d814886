/**
 * Run by the storage-faults test under `ulimit -f` (a file-size limit: writes past it fail with
 * EFBIG, as on a full disk). Writes sources through the contract until one is refused, then
 * prints what it saw as JSON and exits normally: the process must survive the failure.
 *   node full-disk-writer.mjs WORKSPACE
 */
import { writeSync } from 'node:fs';
import { ContractFixture } from '../integration/helpers/contract';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: full-disk-writer.mjs WORKSPACE');
const contract = new ContractFixture().openAt(path);
const saved: string[] = [];
let refusal: unknown = null;
for (let step = 0; step < 10_000 && refusal === null; step += 1) {
  const result = await contract.call('sources.create', { draft: { title: `Filling ${step}`, notes: 'n'.repeat(150_000) } });
  if (result.ok) saved.push((result.value as { id: string }).id);
  else refusal = result.error;
}
const listed = await contract.call('sources.list', { sort: 'title', direction: 'asc', limit: 1, offset: 0 });
writeSync(1, `${JSON.stringify({ saved, refusal, stillReads: listed.ok, internalErrors: contract.internalErrors })}\n`);
