import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { WarrantError } from '../src/contract/warrant-error';

/** Which kind of Warrant process holds a workspace, as the message names it. */
export const LOCK_HOLDER_KINDS = ['browser host', 'desktop app', 'command line'] as const;
export type LockHolderKind = (typeof LOCK_HOLDER_KINDS)[number];

/** What a lock file holds. Checked by hand, not with a schema: the lock is taken before a host has loaded zod. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  who: LockHolderKind;
  /** Tells this process's own lock from a lock another process wrote in its place. */
  token: string;
}

/**
 * A lock file still being written by the process that just created it is empty for a moment;
 * only an unreadable lock older than this is treated as left behind by a crash.
 */
const UNREADABLE_GRACE_MS = 10_000;
const TAKEOVER_ATTEMPTS = 3;

export function lockPathFor(workspacePath: string): string {
  return `${resolve(workspacePath)}.lock`;
}

function clock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** “browser host, pid 1234, since 15:02” (with the machine's name when it is another one). */
export function describeHolder(holder: LockHolder): string {
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${holder.who}${where}, pid ${holder.pid}, since ${clock(holder.startedAt)}`;
}

/** The message a second opener gets; `advice` says what it can do instead. */
export function lockedMessage(workspacePath: string, holder: LockHolder, advice = 'open it read-only, or close it there first'): string {
  return `“${resolve(workspacePath)}” is open in Warrant (${describeHolder(holder)}) — ${advice}.`;
}

/** Whether a process with this id exists on this machine (one of another user counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clock ticks per second of /proc's start times: 100 on every Linux Warrant runs on. */
const PROC_TICKS_PER_SECOND = 100;
/** How much later than the lock's own time its process may have started (clock rounding). */
const START_SLACK_MS = 5_000;

/**
 * Where /proc can tell (Linux), whether the process now at `pid` started after the lock was
 * written: then the holder died and its number was given to an unrelated process.
 */
function pidWasReused(pid: number, lockedAt: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]);
    const bootLine = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!bootLine?.[1] || !Number.isFinite(startTicks)) return false;
    const startedMs = Number(bootLine[1]) * 1000 + (startTicks / PROC_TICKS_PER_SECOND) * 1000;
    return startedMs > Date.parse(lockedAt) + START_SLACK_MS;
  } catch {
    return false;
  }
}

type LockState = { kind: 'held'; holder: LockHolder } | { kind: 'stale'; text: string } | { kind: 'absent' };

function inspect(lockPath: string): LockState {
  let text: string;
  let modifiedAt: number;
  try {
    text = readFileSync(lockPath, 'utf8');
    modifiedAt = statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  const parsed = parseHolder(text);
  if (parsed === null)
    return Date.now() - modifiedAt > UNREADABLE_GRACE_MS ? { kind: 'stale', text } : { kind: 'held', holder: unreadableHolder(modifiedAt) };
  // A process on another machine (a shared drive) cannot be checked from here: it is trusted to be alive.
  if (parsed.host === hostname() && (!isAlive(parsed.pid) || pidWasReused(parsed.pid, parsed.startedAt))) return { kind: 'stale', text };
  return { kind: 'held', holder: parsed };
}

function parseHolder(text: string): LockHolder | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { pid, host, startedAt, who, token } = value as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
  if (typeof host !== 'string' || typeof startedAt !== 'string' || typeof token !== 'string') return null;
  const kind = LOCK_HOLDER_KINDS.find((known) => known === who);
  return kind === undefined ? null : { pid, host, startedAt, who: kind, token };
}

function unreadableHolder(modifiedAt: number): LockHolder {
  return { pid: 0, host: hostname(), startedAt: new Date(modifiedAt).toISOString(), who: 'command line', token: '' };
}

/** Who holds the workspace's lock now (null when nobody live does). */
export function currentHolder(workspacePath: string): LockHolder | null {
  const state = inspect(lockPathFor(workspacePath));
  return state.kind === 'held' ? state.holder : null;
}

/** Creates the lock file only if there is none (O_EXCL); false when one is already there. */
function tryCreate(lockPath: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Permission errors mean the folder is read-only: opening the workspace then says so itself. */
function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * One writer per workspace file: a `<file>.lock` beside it, naming the process that holds it.
 * A lock whose process is gone from this machine is stale and taken over.
 */
export class WorkspaceLock {
  private released = false;

  private constructor(
    readonly lockPath: string,
    private readonly holder: LockHolder | null,
  ) {}

  /** Takes the lock, or throws `workspace_locked` naming who holds it. */
  static acquire(workspacePath: string, who: LockHolderKind, advice?: string): WorkspaceLock {
    const lockPath = lockPathFor(workspacePath);
    const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), who, token: randomUUID() };
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt += 1) {
      try {
        if (tryCreate(lockPath, holder)) return new WorkspaceLock(lockPath, holder);
      } catch (error) {
        if (isPermissionError(error)) return new WorkspaceLock(lockPath, null);
        throw error;
      }
      const state = inspect(lockPath);
      if (state.kind === 'held') throw new WarrantError('workspace_locked', lockedMessage(workspacePath, state.holder, advice));
      // Remove the stale lock only if it is still the one just read: another opener may have replaced it.
      if (state.kind === 'stale') removeIfUnchanged(lockPath, state.text);
    }
    throw new WarrantError(
      'workspace_locked',
      `“${resolve(workspacePath)}” is being opened by another Warrant process at this moment. Try again.`,
    );
  }

  /** Removes the lock on a clean close, unless another process has since taken it over. */
  release(): void {
    if (this.released || this.holder === null) return;
    this.released = true;
    const state = inspectOwn(this.lockPath);
    if (state === this.holder.token) unlinkQuietly(this.lockPath);
  }
}

function inspectOwn(lockPath: string): string | null {
  try {
    return parseHolder(readFileSync(lockPath, 'utf8'))?.token ?? null;
  } catch {
    return null;
  }
}

function removeIfUnchanged(lockPath: string, expected: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === expected) unlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
