// Keeps the team server's documents in its store (SQLite or PostgreSQL), so that nothing the
// server acknowledged is lost when its process is killed. Hocuspocus acknowledges an update to its
// sender right after applying it, and stores documents only after a debounce; but it applies a
// message only once every beforeHandleMessage hook has resolved. So here a client's change is
// appended to the store's journal in that hook and awaited: by the time the update is applied,
// broadcast and acknowledged, it is durable in either backend. The journal is folded into the
// stored state now and then (compaction), and a loaded document is its state plus its journal.
import type { afterUnloadDocumentPayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import type { onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { applyStored, type UpdateListener } from './document-persistence';
import { changeIn } from './sync-message';
import type { TeamStore } from './team-store';

interface Tracked {
  /** Changes applied since the last compaction began. */
  changes: number;
  /** The stored state's size plus every update since: an upper bound of the document's encoded size. */
  estimatedBytes: number;
  compacting: boolean;
  detach: () => void;
}

export interface ServerPersistenceOptions {
  compactAfterUpdates: number;
  onUpdate?: UpdateListener;
  log: (line: string) => void;
}

/** An update that adds nothing and deletes nothing, as a client with nothing new sends when it syncs. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export class ServerPersistence implements Extension {
  readonly extensionName = 'Warrant team server persistence';
  // After the guard (2000): a refused message is never journaled. After Redis (1000): its lock
  // lets one node at a time store a document (compactions are safe without it, only slower).
  readonly priority = 500;
  private readonly tracked = new Map<string, Tracked>();
  /** Compactions started from the update event, awaited before the store closes. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly store: TeamStore,
    private readonly options: ServerPersistenceOptions,
  ) {}

  /** Upper bound of the encoded size of a loaded document, or 0 when it is not loaded. */
  estimatedBytes(documentName: string): number {
    return this.tracked.get(documentName)?.estimatedBytes ?? 0;
  }

  async beforeHandleMessage({ update: data, documentName, connection }: beforeHandleMessagePayload): Promise<void> {
    // A read-only connection's change is dropped by Hocuspocus (and audited by the guard).
    if (connection.readOnly) return;
    const update = changeIn(data);
    if (update === null || isEmptyUpdate(update)) return;
    try {
      await this.store.appendUpdate(documentName, update);
    } catch (error) {
      // Not applied, not acknowledged: the client keeps the change and sends it again when it reconnects.
      this.options.log(`could not store a change to ${documentName} (${this.store.description}): ${messageOf(error)}`);
      throw error;
    }
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = await this.store.loadDocument(documentName);
    const tracked: Tracked = {
      changes: stored.updates.length,
      estimatedBytes: applyStored(document, stored),
      compacting: false,
      detach: () => document.off('update', onUpdate),
    };
    // Only counted here: a client's change was journaled before it was applied (beforeHandleMessage),
    // and one relayed from another node (Redis) by that node, into the store all nodes share.
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      tracked.changes += 1;
      tracked.estimatedBytes += update.length;
      this.options.onUpdate?.(documentName, update, origin);
      if (tracked.changes >= this.options.compactAfterUpdates) this.track(this.compact(documentName, document, tracked), documentName);
    };
    document.on('update', onUpdate);
    this.tracked.get(documentName)?.detach();
    this.tracked.set(documentName, tracked);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const tracked = this.tracked.get(documentName);
    if (tracked && tracked.changes > 0) await this.compact(documentName, document, tracked);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    // Loaded again while it was being unloaded (a quick reconnect): the entry is the new document's.
    if (instance.documents.has(documentName)) return;
    this.tracked.get(documentName)?.detach();
    this.tracked.delete(documentName);
  }

  /** Resolves once every compaction started so far has finished; the server awaits it before closing the store. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(work: Promise<unknown>, documentName: string): void {
    const tracked = work.catch((error: unknown) =>
      this.options.log(`could not compact ${documentName} (${this.store.description}): ${messageOf(error)}`),
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /**
   * Folds the journal into the stored state. What the store holds (its state and every journal
   * row, some perhaps written by another node and not yet relayed here) is first applied to this
   * node's document, which then holds all of it and is written as the new state: nothing another
   * node stored is dropped, and deleted content is collected as in any document.
   */
  private async compact(documentName: string, document: Y.Doc, tracked: Tracked): Promise<void> {
    if (tracked.compacting) return;
    tracked.compacting = true;
    const changesBefore = tracked.changes;
    const bytesBefore = tracked.estimatedBytes;
    try {
      const state = await this.store.compactDocument(documentName, (stored) => {
        applyStored(document, stored);
        return Y.encodeStateAsUpdate(document);
      });
      tracked.changes -= changesBefore;
      tracked.estimatedBytes = state.length + (tracked.estimatedBytes - bytesBefore);
    } finally {
      tracked.compacting = false;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
