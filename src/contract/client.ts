import type { ErrorPayload, WireResult } from './errors';
import type { FileRef } from './file-ref';
import type { HostEvent } from './host-events';
import type { JobEvent } from './job-events';
import { readHostEvent, readJobEvent } from './wire-check';
import type { InputOf, JobInputOf, JobName, OperationName, OutputOf } from './operations';
import { EPOCH_CHANGING_OPERATIONS, MUTATING_OPERATIONS } from './mutating';

/**
 * How the renderer reaches its host. There are two: HTTP (browser host) and IPC (desktop
 * preload); the client is picked once at start-up and nothing else knows which.
 */
export interface Transport {
  /** `epoch` is the workspace epoch this page was loaded with (absent until it is known). */
  call(name: string, input: unknown, epoch?: string): Promise<WireResult>;
  startJob(name: string, input: unknown, epoch?: string): Promise<WireResult>;
  /** Delivers raw events (jobs' and the host's own); returns an unsubscribe function. */
  subscribe(listener: (event: unknown) => void): () => void;
  /** Whether those events arrive now, where their channel can drop and come back (the browser host's stream). */
  readonly events?: EventChannel;
  fetchFile(ref: FileRef): Promise<Uint8Array>;
  /** Hands bytes to the host for a later job; the value is `{ uploadId }`. */
  uploadFile(bytes: Uint8Array, name: string): Promise<WireResult>;
  /** Present where the host can stop and come back at a new address (the browser host). */
  readonly link?: HostLink;
}

/** The browser host's event stream: open, or down until it reconnects on its own. */
export interface EventChannel {
  readonly open: boolean;
  onChange(listener: (open: boolean) => void): () => void;
}

/** Whether this page's host answers: `lost` once a call reached no host, or a new run of it that does not know this page. */
export type HostState = 'connected' | 'lost';

/** The page's line to a host that may restart under it (HTTP); the desktop's IPC has none. */
export interface HostLink {
  readonly state: HostState;
  onChange(listener: (state: HostState) => void): () => void;
  /** Resolves when calls may go out: at once, unless a new address is being checked (see adopt). */
  ready(): Promise<void>;
  /**
   * Switches to the token of a restarted host; every other call waits until `confirm` (the
   * client's check that the host serves this page's workspace) has answered. Resolves to that answer.
   */
  adopt(token: string, confirm: () => Promise<boolean>): Promise<boolean>;
}

/** A typed contract error surfaced to UI code; `message` is meant for the user. */
export class ContractError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ContractError';
    this.payload = payload;
  }
}

export type SaveState =
  { status: 'saved' | 'saving'; lastSavedAt: number | null } | { status: 'failed'; message: string; lastSavedAt: number | null };

export interface WarrantClient {
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  startJob<J extends JobName>(name: J, input: JobInputOf<J>): Promise<string>;
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** Events the host pushes of its own accord (the team status); subscribing opens the stream if need be. */
  onHostEvent(listener: (event: HostEvent) => void): () => void;
  /** False while pushed events cannot arrive (the browser host's stream is down or not open yet); true over IPC. */
  readonly eventsOpen: boolean;
  onEventsOpen(listener: (open: boolean) => void): () => void;
  fetchFile(ref: FileRef): Promise<Uint8Array>;
  /** Hands a file's bytes to the host; returns the id a job takes them by. */
  uploadFile(bytes: Uint8Array, name: string): Promise<string>;
  /** Save state of the workspace as seen from this window's writes. */
  onSaveState(listener: (state: SaveState) => void): () => void;
  readonly saveState: SaveState;
  /**
   * Set (to the host's message) once the host refused a call because the workspace was restored
   * or switched since this page loaded: everything the page shows is from before, so it must reload.
   */
  readonly stale: string | null;
  onStale(listener: (message: string) => void): () => void;
  /** `connected` unless the host stopped answering (see HostLink); always `connected` on the desktop. */
  readonly hostState: HostState;
  onHostState(listener: (state: HostState) => void): () => void;
  /** The page was given the address of a restarted host (its token): carry on there if it serves this workspace. */
  reconnect(token: string): Promise<boolean>;
}

function epochOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('workspace' in value)) return undefined;
  const workspace: unknown = value.workspace;
  if (typeof workspace !== 'object' || workspace === null || !('epoch' in workspace)) return undefined;
  return typeof workspace.epoch === 'string' ? workspace.epoch : undefined;
}

function pathOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('workspace' in value)) return undefined;
  const workspace: unknown = value.workspace;
  if (typeof workspace !== 'object' || workspace === null || !('path' in workspace)) return undefined;
  return typeof workspace.path === 'string' ? workspace.path : undefined;
}

export function createClient(transport: Transport, now: () => number = () => Date.now()): WarrantClient {
  const saveListeners = new Set<(state: SaveState) => void>();
  const staleListeners = new Set<(message: string) => void>();
  let stale: string | null = null;
  // Learnt from the first host.info (the shell asks before anything else is shown).
  let epoch: string | undefined;
  /** The workspace file this page was loaded with: a restarted host must serve the same one. */
  let workspacePath: string | undefined;
  let pending = 0;
  let saveState: SaveState = { status: 'saved', lastSavedAt: null };
  const setSaveState = (next: SaveState): void => {
    saveState = next;
    for (const listener of saveListeners) listener(next);
  };

  const markStale = (message: string): void => {
    if (stale !== null) return;
    stale = message;
    for (const listener of staleListeners) listener(message);
  };
  const noteResult = (result: WireResult): void => {
    if (!result.ok && result.error.code === 'workspace_stale') markStale(result.error.message);
  };
  const adoptEpoch = async (): Promise<void> => {
    const info = await transport.call('host.info', {}).catch(() => null);
    epoch = info?.ok ? epochOf(info.value) : undefined;
  };
  // A new run of the host has a new epoch; the page carries on with it only when that run opened
  // the same workspace file (a different file would take this page's saves as its own).
  const confirmSameWorkspace = async (): Promise<boolean> => {
    const info = await transport.call('host.info', {}).catch(() => null);
    if (!info?.ok) return false;
    const path = pathOf(info.value);
    if (workspacePath !== undefined && path !== workspacePath) {
      markStale(`Warrant’s host now has another workspace open (${path ?? 'unknown'}), so nothing more is saved from this page.`);
      return false;
    }
    workspacePath = path;
    epoch = epochOf(info.value);
    return true;
  };

  return {
    get saveState() {
      return saveState;
    },
    get stale() {
      return stale;
    },
    onStale(listener) {
      staleListeners.add(listener);
      return () => staleListeners.delete(listener);
    },
    get hostState() {
      return transport.link?.state ?? 'connected';
    },
    onHostState(listener) {
      return transport.link?.onChange(listener) ?? (() => undefined);
    },
    reconnect(token) {
      return transport.link?.adopt(token, confirmSameWorkspace) ?? Promise.resolve(false);
    },
    async call(name, input) {
      const mutates = MUTATING_OPERATIONS.has(name);
      if (mutates) {
        pending += 1;
        setSaveState({ status: 'saving', lastSavedAt: saveState.lastSavedAt });
      }
      let result: WireResult;
      try {
        // The epoch is read after the wait: a restarted host's check may be about to replace it.
        if (transport.link && name !== 'host.info') await transport.link.ready();
        result = await transport.call(name, input, epoch);
      } catch {
        result = {
          ok: false,
          error: { code: 'workspace_unavailable', message: 'Warrant’s host is not answering. Your last saved work is safe; try again.' },
        };
      }
      noteResult(result);
      if (result.ok && name === 'host.info' && epoch === undefined) {
        epoch = epochOf(result.value);
        workspacePath = pathOf(result.value);
      }
      // This page restored or switched the workspace itself (the contract says which calls do
      // that: `changesEpoch`, listed for the page in ./mutating): what it asks next is for the new one.
      if (result.ok && EPOCH_CHANGING_OPERATIONS.has(name)) await adoptEpoch();
      if (mutates) {
        pending -= 1;
        // A rejected input changed nothing, so it does not make the workspace "unsaved".
        if (!result.ok && result.error.code !== 'invalid_input') {
          setSaveState({ status: 'failed', message: result.error.message, lastSavedAt: saveState.lastSavedAt });
        } else if (pending === 0) {
          setSaveState({ status: 'saved', lastSavedAt: result.ok ? now() : saveState.lastSavedAt });
        }
      }
      if (!result.ok) throw new ContractError(result.error);
      return result.value as OutputOf<typeof name>;
    },
    async startJob(name, input) {
      if (transport.link) await transport.link.ready();
      const result = await transport.startJob(name, input, epoch);
      noteResult(result);
      if (!result.ok) throw new ContractError(result.error);
      return (result.value as { jobId: string }).jobId;
    },
    onJobEvent(listener) {
      return transport.subscribe((raw) => {
        const event = readJobEvent(raw);
        if (event) listener(event);
      });
    },
    onHostEvent(listener) {
      return transport.subscribe((raw) => {
        const event = readHostEvent(raw);
        if (event) listener(event);
      });
    },
    get eventsOpen() {
      return transport.events?.open ?? true;
    },
    onEventsOpen(listener) {
      return transport.events?.onChange(listener) ?? (() => undefined);
    },
    fetchFile: (ref) => transport.fetchFile(ref),
    async uploadFile(bytes, name) {
      const result = await transport.uploadFile(bytes, name).catch((): WireResult => ({
        ok: false,
        error: { code: 'workspace_unavailable', message: 'Warrant’s host is not answering; the file was not sent.' },
      }));
      if (!result.ok) throw new ContractError(result.error);
      return (result.value as { uploadId: string }).uploadId;
    },
    onSaveState(listener) {
      saveListeners.add(listener);
      return () => saveListeners.delete(listener);
    },
  };
}
