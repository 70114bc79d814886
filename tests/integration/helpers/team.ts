// Clients of a real team server for tests: logins over HTTP, Hocuspocus providers over `ws`, and
// a raw client that speaks the wire protocol itself, as a modified workbench would.
import { spawn, type ChildProcess } from 'node:child_process';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteTeamStore } from '../../../main/team/sqlite-team-store';
import type { TeamDatabase } from '../../../main/team/team-database';
import type { TeamStore } from '../../../main/team/team-store';
import { ProviderWebSocket } from '../../../main/team-client/provider-websocket';

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function login(httpUrl: string, user: string, password: string): Promise<{ status: number; token?: string; error?: string }> {
  const response = await fetch(`${httpUrl}/login`, { method: 'POST', body: JSON.stringify({ user, password }) });
  const body = (await response.json()) as { token?: string; error?: string };
  return { status: response.status, ...body };
}

export interface TeamClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Why the server refused the connection, once it has. */
  refusal: () => string | null;
  synced: () => boolean;
  close: () => void;
}

/** A provider on its own socket (Node 20 has no WebSocket of its own, so `ws` is handed in). */
export function connect(url: string, name: string, token: string, socket?: HocuspocusProviderWebsocket): TeamClient {
  const doc = new Y.Doc();
  let refusal: string | null = null;
  let synced = false;
  const websocketProvider = socket ?? new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: ProviderWebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => (refusal = reason),
    onSynced: () => (synced = true),
  });
  provider.attach();
  const close = (): void => {
    provider.destroy();
    if (!socket) websocketProvider.destroy();
  };
  return { doc, provider, refusal: () => refusal, synced: () => synced, close };
}

export async function connected(client: TeamClient): Promise<TeamClient> {
  await waitFor(() => client.synced() || client.refusal() !== null, 'the first sync');
  if (client.refusal() !== null) throw new Error(`Refused: ${client.refusal()}`);
  return client;
}

const MESSAGE = { sync: 0, auth: 2, close: 7, syncStatus: 8 } as const;

/** What the server said to a raw client about one document. */
export interface RawReplies {
  authenticated: boolean;
  denied: string | null;
  /** One entry per update the server answered: saved or not. */
  saved: boolean[];
  closedWith: string | null;
  socketClosedCode: number | null;
}

/** A client that skips the provider and sends whatever bytes it is given (a modified workbench). */
export class RawClient {
  readonly replies: RawReplies = { authenticated: false, denied: null, saved: [], closedWith: null, socketClosedCode: null };
  private readonly socket: WebSocket;

  private constructor(
    url: string,
    private readonly documentName: string,
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    this.socket.on('close', (code) => (this.replies.socketClosedCode = code));
    this.socket.on('error', () => undefined);
  }

  static async open(url: string, documentName: string, token: string): Promise<RawClient> {
    const client = new RawClient(url, documentName);
    await new Promise((resolve, reject) => (client.socket.once('open', resolve), client.socket.once('error', reject)));
    client.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE.auth);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarString(encoder, token);
    });
    await waitFor(() => client.replies.authenticated || client.replies.denied !== null, 'the answer to authentication');
    return client;
  }

  private send(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.documentName);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  /** Sends `update` as a Yjs update message, whatever the server said this connection may do. */
  sendUpdate(update: Uint8Array): void {
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE.sync);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  /** Sends bytes after the document name as they are. */
  sendRaw(bytes: Uint8Array): void {
    this.send((encoder) => encoding.writeUint8Array(encoder, bytes));
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.auth) {
      const kind = decoding.readVarUint(decoder);
      if (kind === 2) this.replies.authenticated = true;
      else if (kind === 1) this.replies.denied = decoding.readVarString(decoder);
    } else if (type === MESSAGE.syncStatus) this.replies.saved.push(decoding.readVarUint(decoder) === 1);
    else if (type === MESSAGE.close) this.replies.closedWith = decoding.readVarString(decoder);
  }

  close(): void {
    this.socket.close();
  }
}

/** An update that sets `text` as the whole content of `field` in a fresh document of its own. */
export function textUpdate(field: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(field).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Polls an async `condition` (an audit query, say) until it holds; fails with `what` after `timeoutMs`. */
export async function waitForAsync(condition: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The SQLite file behind a server on the default store, for tests that set a row by hand (an expired session). */
export function sqliteFileOf(store: TeamStore): TeamDatabase {
  if (!(store instanceof SqliteTeamStore)) throw new Error(`Not a SQLite team store: ${store.description}.`);
  return store.database;
}

/** Polls until `check` passes (a team's changes arrive asynchronously); its last failure if it never does. */
export async function eventually(check: () => Promise<void>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** A `warrant team-server` running as a process of its own (so that it can be SIGKILLed). */
export interface TeamServerProcess {
  child: ChildProcess;
  url: string;
  httpUrl: string;
}

/** Spawns `node <args>` (the CLI and its `team-server` arguments) and resolves once it says where it listens. */
export function spawnTeamServer(args: readonly string[]): Promise<TeamServerProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) done({ child, url, httpUrl: url.replace(/^ws/, 'http') });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`team-server exited (${code}):\n${output}`)));
  });
}
