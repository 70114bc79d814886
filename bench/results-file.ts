/**
 * bench/results.json holds one entry per benchmark part (library, editor, import, export,
 * startup). Each part records its own figures when it runs, so running one part alone keeps the
 * others' last figures, each stamped with its own date, machine and load.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

export const RESULTS_PATH = join(resolve(import.meta.dirname, '..'), 'bench', 'results.json');

/** The machine as a reader of the figures needs it. */
export function describeMachine(): Record<string, string> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const os = existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : process.platform;
  return { cpu: `${model}, ${cpus().length} cores`, memory: `${Math.round(totalmem() / 2 ** 30)} GiB`, os, node: process.version };
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

interface ResultsFile {
  parts: Record<string, unknown>;
}

function readResults(): ResultsFile {
  if (!existsSync(RESULTS_PATH)) return { parts: {} };
  try {
    const parsed = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as Partial<ResultsFile>;
    // Files from before the parts layout held the library figures alone.
    return parsed.parts && typeof parsed.parts === 'object' ? { parts: parsed.parts } : { parts: {} };
  } catch {
    return { parts: {} };
  }
}

/** Replaces one part's figures, stamped with the command, date, machine and load. */
export function recordPart(part: string, command: string, figures: Record<string, unknown>): void {
  const results = readResults();
  results.parts[part] = { command, date: new Date().toISOString(), machine: describeMachine(), loadAtEnd: loadAverage(), ...figures };
  const ordered = Object.fromEntries(Object.entries(results.parts).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(RESULTS_PATH, `${JSON.stringify({ parts: ordered }, null, 2)}\n`);
}
