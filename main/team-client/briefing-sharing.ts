import type * as Y from 'yjs';
import type { Workspace } from '../../db/workspace';
import { WarrantError } from '../../src/contract/errors';
import { briefingDocumentName, hasBriefingBody, seedBriefingBody } from '../../src/team/briefing-body';
import { BriefingProjection } from './briefing-projection';

/** What sharing needs of the team hub: its documents, and whether one has met the server yet. */
export interface BriefingDocuments {
  /** The document, loaded from the workspace file and bridged to the team server. */
  open(name: string): Promise<Y.Doc>;
  /** Resolves true once the document has synced with the team server, false if it cannot within `timeoutMs`. */
  synced(name: string, timeoutMs: number): Promise<boolean>;
  /** Names of the documents this workspace holds. */
  names(): string[];
}

/** How long sharing waits for the team server's copy before it refuses to seed blind. */
const SERVER_WAIT_MS = 5_000;

/**
 * Shared briefings of one workspace: seeds a body into its team document once, and keeps every
 * shared briefing's row projected from its document while the host runs.
 */
export class BriefingSharing {
  private readonly projections = new Map<string, BriefingProjection>();

  constructor(
    private readonly ws: () => Workspace,
    private readonly documents: BriefingDocuments,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether this workspace holds the briefing's team document (shared here or by a teammate). */
  isShared(briefingId: string): boolean {
    return this.projections.has(briefingId) || this.documents.names().includes(briefingDocumentName(briefingId));
  }

  /**
   * Shares a briefing's body. The document must have met the server first: a teammate may have
   * shared the same briefing already, and seeding a second copy of the body would double it.
   */
  async share(briefingId: string): Promise<string> {
    const name = briefingDocumentName(briefingId);
    const body = this.ws().briefings.get(briefingId).body;
    const doc = await this.documents.open(name);
    if (!hasBriefingBody(doc) && !(await this.documents.synced(name, SERVER_WAIT_MS))) {
      throw new WarrantError(
        'unsupported',
        'The team server cannot be reached, so the briefing was not shared. Try again when you are connected.',
      );
    }
    if (!hasBriefingBody(doc)) seedBriefingBody(doc, body);
    this.follow(briefingId, doc);
    return name;
  }

  /** Projects every briefing document this workspace holds (at host start). */
  async followAll(): Promise<void> {
    for (const name of this.documents.names()) {
      const briefingId = name.startsWith('briefing/') ? name.slice('briefing/'.length) : null;
      if (briefingId === null || this.projections.has(briefingId)) continue;
      this.follow(briefingId, await this.documents.open(name));
    }
  }

  private follow(briefingId: string, doc: Y.Doc): void {
    if (this.projections.has(briefingId)) return;
    const projection = new BriefingProjection(doc, {
      store: (projected) => this.ws().briefings.saveBody({ id: briefingId, ...projected }),
      storedBody: () => this.ws().briefings.get(briefingId).body,
      onError: this.onError,
    });
    this.projections.set(briefingId, projection);
  }

  /** Writes what is waiting and stops following (before the hub closes). */
  close(): void {
    for (const projection of this.projections.values()) projection.close();
    this.projections.clear();
  }
}
