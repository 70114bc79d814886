import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { WriteJudgements } from '../../db/sample-workspace';
import { WarrantError } from '../../src/contract/errors';

/**
 * `warrant sample --out FILE`: returns what to print. `writeJudgements` is the judgement
 * store's step; until it is wired in, the sample is written without its key judgements and
 * the message says so.
 */
export async function sampleCommand(args: string[], writeJudgements?: WriteJudgements): Promise<string> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' } } });
  if (!values.out || positionals.length > 0)
    throw new WarrantError('invalid_input', 'Say where to write the sample: warrant sample --out FILE.');
  const path = resolve(values.out);
  // Loaded when asked for: the sample's text and its HTML capture's parser are not needed to start the CLI.
  const { buildSampleWorkspace } = await import('../../db/sample-workspace');
  const build = buildSampleWorkspace(path, writeJudgements ? { writeJudgements } : {});
  const { sources, quotes, tags, derivations, judgements } = build.counts;
  const made = `${sources} sources, ${quotes} quotes, ${tags} tags, ${derivations} derived-from links and 1 briefing`;
  const withJudgements = writeJudgements
    ? ` with ${judgements} key judgements`
    : ' (key judgements not written: this build has no judgement store)';
  return `Created the sample workspace “${path}”: ${made}${withJudgements}.`;
}
