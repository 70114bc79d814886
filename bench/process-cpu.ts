/**
 * CPU time by process, read from /proc (Linux only; elsewhere every reading is null). The startup
 * bench keeps both cores busy for the whole start, so wall time follows the CPU all processes
 * spend: this says which process spends it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** What a process of the browser is: its `--type` (a utility process by its sub-type), or the browser itself. */
export type BrowserPart = 'browser' | 'renderer' | 'gpu' | 'network' | 'other';

/** CPU time (user + system, all threads) a process has used, in ms; null where /proc is missing. */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    let ns = 0;
    // schedstat's first field is nanoseconds on the CPU: finer than stat's 10 ms ticks.
    for (const task of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return null;
  }
}

function parentOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses; the fields after its last ')' do not.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function partOf(pid: number): BrowserPart {
  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return 'other';
  }
  const type = /--type=([\w-]+)/.exec(commandLine)?.[1];
  if (type === undefined) return 'browser';
  if (type === 'renderer') return 'renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'utility' && commandLine.includes('--utility-sub-type=network.')) return 'network';
  return 'other';
}

/** Every process under `root` (itself included), with what it is. */
function processTree(root: number): Map<number, BrowserPart> {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return new Map();
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = new Map<number, BrowserPart>();
  const visit = (pid: number): void => {
    tree.set(pid, partOf(pid));
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** The browser Playwright launched: the one Chromium among this process's children; null if none is found. */
export function launchedBrowserPid(): number | null {
  const tree = processTree(process.pid);
  for (const [pid, part] of tree) {
    if (pid === process.pid || part !== 'browser') continue;
    try {
      if (/chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) return pid;
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

export type CpuByPart = Record<BrowserPart, number>;

/**
 * Starts counting the browser's CPU; the function it returns gives what each part of the browser
 * used since, processes started meanwhile included (a new page's renderer). Read it before the
 * page closes: a process that has exited can no longer be read.
 */
export function countBrowserCpu(browserPid: number | null): () => CpuByPart | null {
  if (browserPid === null) return () => null;
  const before = new Map([...processTree(browserPid).keys()].map((pid) => [pid, cpuMs(pid) ?? 0]));
  return () => {
    const used: CpuByPart = { browser: 0, renderer: 0, gpu: 0, network: 0, other: 0 };
    for (const [pid, part] of processTree(browserPid)) used[part] += (cpuMs(pid) ?? 0) - (before.get(pid) ?? 0);
    return used;
  };
}
