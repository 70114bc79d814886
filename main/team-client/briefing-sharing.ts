import type * as Y from 'yjs';
import type { Workspace } from '../../db/workspace';
import type { TeamHub } from './team-hub';
import { WarrantError } from '../../src/contract/errors';
import { briefingDocumentName, hasBriefingBody, seedBriefingBody } from '../../src/team/briefing-body';
import { BriefingProjection } from './briefing-projection';

/** What sharing needs of the team hub: its documents, and whether they have met the server yet. */
export interface BriefingDocuments {
  /** The document, loaded from the workspace file and bridged to the team server. */
  open(name: string): Promise<Y.Doc>;
  /** Resolves true once every open document has synced with the team server, false if not within `timeoutMs`. */
  synced(timeoutMs: number): Promise<boolean>;
  /** Changes a document as this workbench's user (journaled, then sent to the team and the pages). */
  change(name: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Names of the documents this workspace holds. */
  names(): string[];
}

/** The hub's documents as sharing reads them: synced means the hub reports `connected` (nothing in flight either way). */
export function hubDocuments(hub: TeamHub, ws: () => Workspace): BriefingDocuments {
  return {
    open: (name) => hub.openDocument(name),
    change: (name, change) => hub.change(name, change),
    names: () => ws().team.documentNames(),
    synced: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (hub.status().state !== 'connected') {
        // Offline, nothing will come: opening a briefing must not wait for a server that is away.
        if (hub.status().state === 'offline' || Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
  };
}

const sharings = new WeakMap<TeamHub, BriefingSharing>();

/** The sharing of a running hub's workspace (one per hub; it follows the hub's shared briefings). */
export function sharingOf(hub: TeamHub, ws: () => Workspace, onError: (error: unknown) => void): BriefingSharing {
  let sharing = sharings.get(hub);
  if (!sharing) {
    sharing = new BriefingSharing(ws, hubDocuments(hub, ws), onError);
    sharings.set(hub, sharing);
    void sharing.followAll().catch(onError);
  }
  return sharing;
}

/** How long sharing waits for the team server's copy before it refuses to seed blind. */
const SERVER_WAIT_MS = 5_000;
/** How long opening a briefing waits to learn from the server whether a teammate shared it. */
const SERVER_LOOKUP_MS = 1_500;

/**
 * Shared briefings of one workspace: seeds a body into its team document once, and keeps every
 * shared briefing's row projected from its document while the host runs.
 */
export class BriefingSharing {
  private readonly projections = new Map<string, BriefingProjection>();
  /** Briefings whose records arrived before their body: each stops waiting when the body does. */
  private readonly awaiting = new Map<string, () => void>();

  constructor(
    private readonly ws: () => Workspace,
    private readonly documents: BriefingDocuments,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Whether the briefing's body is co-written: its team document holds a body (shared here, or by
   * a teammate, which only the server can tell: a document not yet here is looked up there).
   */
  async isShared(briefingId: string): Promise<boolean> {
    if (this.projections.has(briefingId)) return true;
    const name = briefingDocumentName(briefingId);
    const doc = await this.documents.open(name);
    if (!hasBriefingBody(doc)) await this.documents.synced(SERVER_LOOKUP_MS);
    if (!hasBriefingBody(doc)) return false;
    this.follow(briefingId, doc);
    return true;
  }

  /**
   * Shares a briefing's body. The document must have met the server first: a teammate may have
   * shared the same briefing already, and seeding a second copy of the body would double it.
   */
  async share(briefingId: string): Promise<string> {
    const name = briefingDocumentName(briefingId);
    const body = this.ws().briefings.get(briefingId).body;
    const doc = await this.documents.open(name);
    if (!hasBriefingBody(doc) && !(await this.documents.synced(SERVER_WAIT_MS))) {
      throw new WarrantError(
        'unsupported',
        'The team server cannot be reached, so the briefing was not shared. Try again when you are connected.',
      );
    }
    if (!hasBriefingBody(doc)) await this.documents.change(name, (current) => seedBriefingBody(current, body));
    this.follow(briefingId, doc);
    return name;
  }

  /**
   * Follows the body of a briefing a teammate shared (its row was just projected here): opening its
   * document brings the body from the team server, and the projection fills the row once it is in.
   */
  async followWhenSeeded(briefingId: string): Promise<void> {
    if (this.projections.has(briefingId) || this.awaiting.has(briefingId)) return;
    const doc = await this.documents.open(briefingDocumentName(briefingId));
    if (hasBriefingBody(doc)) return this.follow(briefingId, doc);
    if (this.awaiting.has(briefingId)) return;
    const onUpdate = (): void => {
      if (!hasBriefingBody(doc)) return;
      stop();
      this.follow(briefingId, doc);
    };
    const stop = (): void => {
      doc.off('update', onUpdate);
      this.awaiting.delete(briefingId);
    };
    this.awaiting.set(briefingId, stop);
    doc.on('update', onUpdate);
  }

  /** Projects every briefing document this workspace holds (at host start). */
  async followAll(): Promise<void> {
    for (const name of this.documents.names()) {
      const briefingId = name.startsWith('briefing/') ? name.slice('briefing/'.length) : null;
      if (briefingId === null || this.projections.has(briefingId)) continue;
      const doc = await this.documents.open(name);
      if (hasBriefingBody(doc)) this.follow(briefingId, doc);
    }
  }

  private follow(briefingId: string, doc: Y.Doc): void {
    if (this.projections.has(briefingId)) return;
    const projection = new BriefingProjection(doc, {
      // A teammate's briefing gets its first body without a revision of the empty text it waited with.
      store: (projected) => {
        if (!this.ws().libraryProjection.fillAwaitedBody(briefingId, projected))
          this.ws().briefings.saveBody({ id: briefingId, ...projected });
      },
      storedBody: () => this.ws().briefings.get(briefingId).body,
      onError: this.onError,
    });
    this.projections.set(briefingId, projection);
    // Changes that arrived while no projection ran (the host was stopped mid-burst) land now.
    projection.projectNow();
  }

  /** Writes what is waiting and stops following (before the hub closes). */
  close(): void {
    for (const stop of [...this.awaiting.values()]) stop();
    for (const projection of this.projections.values()) projection.close();
    this.projections.clear();
  }
}
