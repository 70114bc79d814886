// Keeps every team document in the server's SQLite file. Hocuspocus acknowledges an update to its
// sender as soon as it is applied in memory and stores documents only after a debounce, so a
// killed server would lose acknowledged changes. Here each update is appended to a journal
// synchronously, inside the Y.Doc's own update event, which fires before Hocuspocus sends the
// acknowledgement; the journal is folded into the stored state now and then.
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload, afterUnloadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { TeamDatabase } from './team-database';

/** Told of every update applied to a loaded document, with the transaction's origin (a connection, Redis, …). */
export type UpdateListener = (documentName: string, update: Uint8Array, origin: unknown) => void;

interface Tracked {
  journalRows: number;
  /** The stored state's size plus every update since: an upper bound of the document's encoded size. */
  estimatedBytes: number;
  detach: () => void;
}

export class DocumentPersistence implements Extension {
  readonly extensionName = 'Warrant SQLite persistence';
  private readonly tracked = new Map<string, Tracked>();
  private readonly statements;

  constructor(
    db: TeamDatabase,
    private readonly options: { compactAfterUpdates: number; onUpdate?: UpdateListener },
  ) {
    this.statements = {
      state: db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?'),
      journal: db.prepare<[string], { update_bytes: Buffer }>('SELECT update_bytes FROM document_journal WHERE name = ? ORDER BY id'),
      append: db.prepare('INSERT INTO document_journal (name, update_bytes) VALUES (?, ?)'),
      compact: db.transaction((name: string, state: Uint8Array) => {
        db.prepare(
          `INSERT INTO documents (name, state, stored_at) VALUES (?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET state = excluded.state, stored_at = excluded.stored_at`,
        ).run(name, state, new Date().toISOString());
        db.prepare('DELETE FROM document_journal WHERE name = ?').run(name);
      }),
    };
  }

  /** Upper bound of the encoded size of a loaded document, or 0 when it is not loaded. */
  estimatedBytes(documentName: string): number {
    return this.tracked.get(documentName)?.estimatedBytes ?? 0;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = this.statements.state.get(documentName);
    const journal = this.statements.journal.all(documentName);
    Y.transact(document, () => {
      if (stored) Y.applyUpdate(document, stored.state);
      for (const row of journal) Y.applyUpdate(document, row.update_bytes);
    });
    const tracked: Tracked = {
      journalRows: journal.length,
      estimatedBytes: (stored?.state.length ?? 0) + journal.reduce((sum, row) => sum + row.update_bytes.length, 0),
      detach: () => document.off('update', onUpdate),
    };
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      this.statements.append.run(documentName, update);
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
    this.statements.compact(documentName, state);
    tracked.journalRows = 0;
    tracked.estimatedBytes = state.length;
  }
}
