/**
 * The child the crash harness kills: opens a workspace through the app's own store and writes
 * to it as fast as it can, printing one "ack" line after each write has returned (committed).
 * The parent kills it with SIGKILL at a random moment and checks every acknowledged write.
 *   node writer.mjs WORKSPACE ROUND
 */
import { writeSync } from 'node:fs';
import { Workspace } from '../../db/workspace';
import { QuoteDraftSchema } from '../../src/domain/quote';
import { SourceDraftSchema } from '../../src/domain/source';

function ack(kind: string, value: string): void {
  // Synchronous, so the line is out before the next write starts.
  writeSync(1, `ack ${kind} ${value}\n`);
}

const [path, round] = process.argv.slice(2);
if (!path || !round) throw new Error('usage: writer.mjs WORKSPACE ROUND');
const workspace = Workspace.open(path, { create: true });
const tag = workspace.tags.list().find((candidate) => candidate.path === 'Crash/Round') ?? workspace.tags.create('Crash/Round', null);
ack('ready', round);
for (let step = 0; ; step += 1) {
  const name = `r${round}-s${step}`;
  const source = workspace.sources.create(
    SourceDraftSchema.parse({ title: `Source ${name}`, notes: 'x'.repeat(step % 7 === 0 ? 20_000 : 40) }),
  );
  ack('source', source.id);
  const quote = workspace.quotes.create(
    QuoteDraftSchema.parse({ sourceId: source.id, text: `Quote ${name} on missile defence`, speaker: 'Speaker' }),
  );
  ack('quote', quote.id);
  workspace.tags.apply(
    [tag.id],
    [
      { kind: 'source', id: source.id },
      { kind: 'quote', id: quote.id },
    ],
    false,
  );
  ack('tagged', source.id);
  workspace.settings.update({ analystName: name });
  ack('setting', name);
  if (step % 5 === 4) {
    workspace.sources.trash(source.id);
    ack('trashed', source.id);
  }
}
