// Keeps a workbench's team documents in its workspace file (the team server has its own,
// server-persistence.ts, over an async store). Hocuspocus acknowledges an update to its sender as
// soon as it is applied in memory and stores documents only after a debounce, so a killed process
// would lose acknowledged changes. Here each update is appended to a journal synchronously, inside
// the Y.Doc's own update event, which fires before Hocuspocus sends the acknowledgement; the
// journal is folded into the stored state now and then.
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload, afterUnloadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';

/** Told of every update applied to a loaded document, with the transaction's origin (a connection, Redis, …). */
export type UpdateListener = (documentName: string, update: Uint8Array, origin: unknown) => void;

/** Where documents are kept: a state per document and a journal of the updates since. */
export interface DocumentJournal {
  load(name: string): { state: Uint8Array | null; updates: Uint8Array[] };
  append(name: string, update: Uint8Array, origin: unknown): void;
  /** Stores `state` (which holds every journaled update) and empties the document's journal. */
  fold(name: string, state: Uint8Array): void;
}

interface Tracked {
  journalRows: number;
  /** The stored state's size plus every update since: an upper bound of the document's encoded size. */
  estimatedBytes: number;
  detach: () => void;
}

/** The origin of the transaction that loads a document from disk: not a change of anyone's. */
export const STORED = Symbol('loaded from disk');

/**
 * Applies what a store holds for a document (its compacted state, then the changes journaled
 * after it) in one transaction that is nobody's change; returns how many bytes that was.
 */
export function applyStored(document: Y.Doc, stored: { state: Uint8Array | null; updates: readonly Uint8Array[] }): number {
  Y.transact(
    document,
    () => {
      if (stored.state && stored.state.length > 0) Y.applyUpdate(document, stored.state);
      for (const update of stored.updates) Y.applyUpdate(document, update);
    },
    STORED,
  );
  return (stored.state?.length ?? 0) + stored.updates.reduce((sum, update) => sum + update.length, 0);
}

export class DocumentPersistence implements Extension {
  readonly extensionName = 'Warrant SQLite persistence';
  private readonly tracked = new Map<string, Tracked>();
  constructor(
    private readonly journal: DocumentJournal,
    private readonly options: { compactAfterUpdates: number; onUpdate?: UpdateListener },
  ) {}

  /** Upper bound of the encoded size of a loaded document, or 0 when it is not loaded. */
  estimatedBytes(documentName: string): number {
    return this.tracked.get(documentName)?.estimatedBytes ?? 0;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = this.journal.load(documentName);
    const tracked: Tracked = {
      journalRows: stored.updates.length,
      estimatedBytes: applyStored(document, stored),
      detach: () => document.off('update', onUpdate),
    };
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      this.journal.append(documentName, update, origin);
      tracked.journalRows += 1;
      tracked.estimatedBytes += update.length;
      this.options.onUpdate?.(documentName, update, origin);
      if (tracked.journalRows >= this.options.compactAfterUpdates) this.compact(documentName, document, tracked);
    };
    document.on('update', onUpdate);
    this.tracked.get(documentName)?.detach();
    this.tracked.set(documentName, tracked);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const tracked = this.tracked.get(documentName);
    if (tracked && tracked.journalRows > 0) this.compact(documentName, document, tracked);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    // Loaded again while it was being unloaded (a quick reconnect): the entry is the new document's.
    if (instance.documents.has(documentName)) return;
    this.tracked.get(documentName)?.detach();
    this.tracked.delete(documentName);
  }

  private compact(documentName: string, document: Y.Doc, tracked: Tracked): void {
    const state = Y.encodeStateAsUpdate(document);
    this.journal.fold(documentName, state);
    tracked.journalRows = 0;
    tracked.estimatedBytes = state.length;
  }
}
