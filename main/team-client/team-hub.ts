// The workbench's copy of its team's documents. An in-process Hocuspocus (it never listens on a
// port of its own) holds each document, journals every update into the workspace file before it is
// acknowledged, serves the page through the browser host's relay, and is bridged to the team server
// by one provider per document. The page never holds the team server's token: it authenticates to
// this hub with its own host token, and the hub speaks to the server with the binding's.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { TeamRepository } from '../../db/repositories/team';
import { documentSocketUrl, type TeamBinding, type TeamConnectionState } from '../../src/team/binding';
import { isTeamDocumentName, mayWrite } from '../../src/team/permissions';
import { DocumentPersistence } from '../team/document-persistence';
import { tokensMatch } from '../web-host/auth';
import { ProviderWebSocket } from './provider-websocket';

type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

export interface TeamHubOptions {
  /** The open workspace's team store, read at each use: the session may reopen the file. */
  store: () => TeamRepository;
  binding: TeamBinding;
  /** The token the page's relay connections must present: the browser host's own. */
  hostToken: () => string;
}

export interface TeamHubStatus {
  state: TeamConnectionState;
  waiting: number;
  refusal: string | null;
}

/**
 * Keeps the socket to the team server alive: without a message from it for 30 s the provider
 * reconnects, and a quiet document sends none. A sync round costs a state vector each way.
 */
const KEEPALIVE_SYNC_MS = 20_000;

export class TeamHub {
  private readonly hocuspocus: Hocuspocus;
  private readonly relay = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  private readonly upstreamSocket: HocuspocusProviderWebsocket;
  private readonly upstream = new Map<string, HocuspocusProvider>();
  private readonly held = new Map<string, Promise<DirectConnection>>();
  private readonly listeners = new Set<(status: TeamHubStatus) => void>();
  private socketConnected = false;
  private refusal: string | null = null;
  private closed = false;

  private constructor(private readonly options: TeamHubOptions) {
    this.upstreamSocket = new HocuspocusProviderWebsocket({
      url: documentSocketUrl(options.binding.serverUrl),
      WebSocketPolyfill: ProviderWebSocket,
      // Offline for days is normal: keep trying, but not more than every ten seconds.
      maxDelay: 10_000,
      onStatus: ({ status }) => {
        this.socketConnected = status === 'connected';
        this.notify();
      },
    });
    const persistence = new DocumentPersistence(
      {
        load: (name) => this.options.store().load(name),
        append: (name, update, origin) => this.options.store().append(name, update, !(origin instanceof HocuspocusProvider)),
        fold: (name, state) => this.options.store().fold(name, state),
      },
      { compactAfterUpdates: 200, onUpdate: () => this.notify() },
    );
    const hub: Extension = {
      extensionName: 'Warrant team hub',
      onAuthenticate: async (payload: onAuthenticatePayload) => this.authenticateRelay(payload),
      afterLoadDocument: async ({ documentName, document }) => this.bridge(documentName, document),
      afterUnloadDocument: async ({ documentName }) => {
        this.upstream.get(documentName)?.destroy();
        this.upstream.delete(documentName);
      },
    };
    this.hocuspocus = new Hocuspocus({
      name: 'warrant-team-hub',
      quiet: true,
      debounce: 2_000,
      maxDebounce: 10_000,
      extensions: [persistence, hub],
    });
  }

  /** Starts the hub and loads every document the workspace holds, so changes made offline go out on connect. */
  static async start(options: TeamHubOptions): Promise<TeamHub> {
    const hub = new TeamHub(options);
    await Promise.all(
      options
        .store()
        .documentNames()
        .map((name) => hub.openDocument(name)),
    );
    return hub;
  }

  get binding(): TeamBinding {
    return this.options.binding;
  }

  /** The document, loaded from the workspace file and kept in step with the team server until the hub closes. */
  async openDocument(name: string): Promise<Y.Doc> {
    if (!isTeamDocumentName(name)) throw new Error(`“${name}” is not a team document name.`);
    if (this.closed) throw new Error('The team connection is closed.');
    let connection = this.held.get(name);
    if (!connection) {
      connection = this.hocuspocus.openDirectConnection(name);
      this.held.set(name, connection);
    }
    const { document } = await connection;
    if (!document) throw new Error(`The team document “${name}” was closed.`);
    return document;
  }

  /** Changes a document as this workbench's user: journaled, then sent to the team server and to every open page. */
  async change(name: string, change: (document: Y.Doc) => void): Promise<void> {
    await this.openDocument(name);
    const connection = await this.held.get(name);
    await connection?.transact(change);
  }

  /** Hands a WebSocket upgrade from the page (already checked for Host and Origin) to the hub. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.relay.handleUpgrade(request, socket, head, (websocket) => this.hocuspocus.handleConnection(websocket, request));
  }

  status(): TeamHubStatus {
    const waiting = this.options.store().waiting();
    const unsynced = [...this.upstream.values()].some((provider) => !provider.isSynced || provider.hasUnsyncedChanges);
    const state: TeamConnectionState =
      !this.socketConnected || this.refusal !== null ? 'offline' : unsynced || waiting > 0 ? 'syncing' : 'connected';
    return { state, waiting, refusal: this.refusal };
  }

  onStatus(listener: (status: TeamHubStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Goes offline on purpose (a test, or "Work offline"), keeping every document and change. */
  disconnect(): void {
    this.upstreamSocket.disconnect();
  }

  async reconnect(): Promise<void> {
    await this.upstreamSocket.connect();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hocuspocus.closeConnections();
    for (const provider of this.upstream.values()) provider.destroy();
    this.upstream.clear();
    this.upstreamSocket.destroy();
    const connections = await Promise.allSettled(this.held.values());
    // Disconnecting the last connection unloads the document, which stores it (folds its journal).
    for (const connection of connections) if (connection.status === 'fulfilled') await connection.value.disconnect();
    this.held.clear();
    // Pages' sockets would keep the browser host's HTTP server from closing.
    for (const client of this.relay.clients) client.terminate();
    this.relay.close();
    this.listeners.clear();
  }

  private authenticateRelay({ token, documentName, connectionConfig }: onAuthenticatePayload): void {
    if (!tokensMatch(token, this.options.hostToken())) throw new Error('This page is not signed in to this Warrant host.');
    if (!isTeamDocumentName(documentName)) throw new Error(`“${documentName}” is not a team document name.`);
    // The team server refuses these writes anyway; refusing them here keeps the page from showing
    // text that will never reach the team.
    connectionConfig.readOnly = !mayWrite(this.options.binding.role, documentName);
  }

  private bridge(name: string, document: Y.Doc & { awareness?: unknown }): void {
    if (this.closed || this.upstream.has(name)) return;
    const provider = new HocuspocusProvider({
      websocketProvider: this.upstreamSocket,
      name,
      token: this.options.binding.token,
      document,
      // The pages' carets go to the team and the team's come back to the pages through the hub's own awareness.
      awareness: (document as unknown as { awareness: HocuspocusProvider['awareness'] }).awareness,
      forceSyncInterval: KEEPALIVE_SYNC_MS,
      onAuthenticationFailed: ({ reason }) => {
        this.refusal = `The team server refused this workbench: ${reason}`;
        this.notify();
      },
      onSynced: () => this.acknowledgeIfDone(name, provider),
      onUnsyncedChanges: () => this.acknowledgeIfDone(name, provider),
    });
    this.upstream.set(name, provider);
    provider.attach();
  }

  private acknowledgeIfDone(name: string, provider: HocuspocusProvider): void {
    if (!this.closed && this.socketConnected && provider.isSynced && !provider.hasUnsyncedChanges) this.options.store().acknowledged(name);
    this.notify();
  }

  private notify(): void {
    if (this.closed || this.listeners.size === 0) return;
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
