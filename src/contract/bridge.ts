import type { WireResult } from './errors';
import type { FileRef } from './file-ref';

/**
 * What the desktop preload exposes as `window.warrant`: the contract's transport, nothing
 * else. Declared here so the preload and the renderer agree on one shape.
 */
export interface WarrantBridge {
  /** `epoch`: the workspace epoch the page was loaded with; a stale one is refused. */
  call(name: string, input: unknown, epoch?: string): Promise<WireResult>;
  startJob(name: string, input: unknown, epoch?: string): Promise<WireResult>;
  onJobEvent(listener: (event: unknown) => void): () => void;
  fetchFile(ref: FileRef): Promise<Uint8Array>;
  /** Hands a picked or dropped file's bytes to the host; the answer's value is `{ uploadId }`. */
  uploadFile(bytes: Uint8Array, name: string): Promise<WireResult>;
  /** The desktop menu's commands, sent to the page by id (see `src/commands/command-keys.ts`). */
  onMenuCommand(listener: (id: unknown) => void): () => void;
}
