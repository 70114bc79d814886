// The team server's gate: who may open which document (onAuthenticate), and what a connection
// may send (beforeHandleMessage). Every refusal is written to the audit log with its reason and
// closes only the offending document connection: the server and other clients carry on.
import type {
  beforeHandleMessagePayload,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { isTeamDocumentName, mayWrite, type TeamLimits, type TeamRole } from '../../src/team/permissions';
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import type { Accounts } from './accounts';
import type { AuditLog } from './audit-log';
import { changesNothing, encodedSize, parseIncoming } from './sync-message';

/** What onAuthenticate adds to a connection's context. */
export interface TeamConnectionContext {
  user: string;
  role: TeamRole;
  token: string;
}

function isTeamContext(value: unknown): value is TeamConnectionContext {
  return typeof value === 'object' && value !== null && 'user' in value && 'token' in value && 'role' in value;
}

/** The user behind a Yjs transaction, when it came from a client's connection. */
export function userOfOrigin(origin: unknown): string | null {
  if (typeof origin !== 'object' || origin === null || !('context' in origin)) return null;
  return isTeamContext(origin.context) ? origin.context.user : null;
}

/** Close codes: WebSocket's "policy violation" and "message too big", else application codes in the 4000s. */
const CLOSE = { policy: 1008, tooBig: 1009, malformed: 4400, unauthorized: 4401, forbidden: 4403, documentTooLarge: 4413 } as const;

/**
 * Thrown from a hook: Hocuspocus closes the document connection with this code and reason. Its
 * message is empty on purpose: Hocuspocus logs a hook error's message, and the guard logs its own line.
 */
class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super('');
  }
}

export interface TeamGuardOptions {
  accounts: Accounts;
  audit: AuditLog;
  limits: TeamLimits;
  estimatedBytes: (documentName: string) => number;
  log: (line: string) => void;
}

export class TeamGuard implements Extension {
  readonly extensionName = 'Warrant permissions and limits';
  // Runs before persistence and Redis, so a refused connection loads nothing.
  readonly priority = 2000;

  /** Sockets (by their upgrade request) on which some document has passed onAuthenticate. */
  private readonly authenticated = new WeakSet<IncomingMessage>();

  constructor(private readonly options: TeamGuardOptions) {}

  /**
   * Hocuspocus queues whatever a socket sends before it authenticates, with no bound; this caps
   * that at four messages' worth of bytes and 64 messages, then drops the socket.
   */
  readonly watchSocket = (socket: WebSocket, request: IncomingMessage): void => {
    let bytes = 0;
    let messages = 0;
    const onMessage = (data: Buffer): void => {
      if (this.authenticated.has(request)) return void socket.off('message', onMessage);
      bytes += data.length;
      messages += 1;
      if (bytes <= this.options.limits.maxMessageBytes * 4 && messages <= 64) return;
      socket.off('message', onMessage);
      const reason = 'too much sent before authenticating';
      this.options.audit.record({ user: null, event: 'refused', document: null, bytes, detail: reason });
      this.options.log(`refused: unknown user: ${reason}`);
      socket.close(CLOSE.policy, reason);
    };
    socket.on('message', onMessage);
  };

  private refuse(
    event: 'connect-refused' | 'refused',
    user: string | null,
    document: string,
    bytes: number | null,
    refusal: Refusal,
  ): never {
    this.options.audit.record({ user, event, document, bytes, detail: refusal.reason });
    this.options.log(`${event}: ${user ?? 'unknown user'} on ${document}: ${refusal.reason}`);
    throw refusal;
  }

  async onAuthenticate({ token, documentName, connectionConfig, request }: onAuthenticatePayload): Promise<TeamConnectionContext> {
    if (!isTeamDocumentName(documentName))
      this.refuse('connect-refused', null, documentName, null, new Refusal(CLOSE.forbidden, 'not a team document name'));
    const found = await this.options.accounts.userForToken(token);
    if ('refused' in found)
      this.refuse('connect-refused', null, documentName, null, new Refusal(CLOSE.unauthorized, `session ${found.refused}`));
    const { name, role } = found.user;
    connectionConfig.readOnly = !mayWrite(role, documentName);
    this.authenticated.add(request);
    this.options.audit.record({
      user: name,
      event: 'connect',
      document: documentName,
      bytes: null,
      detail: `${role}, ${connectionConfig.readOnly ? 'read-only' : 'read-write'}`,
    });
    return { user: name, role, token };
  }

  async connected({ connection, documentName, context }: connectedPayload): Promise<void> {
    const user = isTeamContext(context) ? context.user : null;
    // ws drops a frame over its own cap (twice the message cap) before Hocuspocus sees it; say so here.
    connection.webSocket.once('error', (error: Error) => {
      this.options.audit.record({ user, event: 'refused', document: documentName, bytes: null, detail: error.message });
      this.options.log(`refused: ${user ?? 'unknown user'} on ${documentName}: ${error.message}`);
    });
  }

  async onDisconnect({ documentName, context }: onDisconnectPayload): Promise<void> {
    this.options.audit.record({
      user: isTeamContext(context) ? context.user : null,
      event: 'disconnect',
      document: documentName,
      bytes: null,
      detail: null,
    });
  }

  async beforeHandleMessage({ update: data, documentName, connection, context, document }: beforeHandleMessagePayload): Promise<void> {
    const user = isTeamContext(context) ? context.user : null;
    const { limits } = this.options;
    if (data.length > limits.maxMessageBytes)
      this.refuse(
        'refused',
        user,
        documentName,
        data.length,
        new Refusal(CLOSE.tooBig, `message over the ${limits.maxMessageBytes}-byte cap`),
      );
    const message = parseIncoming(data);
    if (message.kind === 'malformed') this.refuse('refused', user, documentName, data.length, new Refusal(CLOSE.malformed, message.reason));
    if (message.kind !== 'change') return;
    if (connection.readOnly) {
      // Hocuspocus drops it and tells the client it was not saved; the attempt is recorded here.
      if (!changesNothing(document, message.update))
        this.options.audit.record({
          user,
          event: 'refused',
          document: documentName,
          bytes: message.update.length,
          detail: 'write on a read-only connection',
        });
      return;
    }
    // Read again at each write, so a revoked session or a lowered role stops writing at once.
    const session = isTeamContext(context) ? await this.options.accounts.userForToken(context.token) : { refused: 'unknown' as const };
    if ('refused' in session)
      this.refuse('refused', user, documentName, message.update.length, new Refusal(CLOSE.unauthorized, `session ${session.refused}`));
    if (!mayWrite(session.user.role, documentName))
      this.refuse(
        'refused',
        user,
        documentName,
        message.update.length,
        new Refusal(CLOSE.forbidden, `a ${session.user.role} may not change this document`),
      );
    // The estimate only grows between compactions, so past the cap the real size decides (paid
    // near the cap only, and a refusal closes the connection).
    const fits = (size: number): boolean => size + message.update.length <= limits.maxDocumentBytes;
    if (!fits(this.options.estimatedBytes(documentName)) && !fits(encodedSize(document)) && !changesNothing(document, message.update))
      this.refuse(
        'refused',
        user,
        documentName,
        message.update.length,
        new Refusal(CLOSE.documentTooLarge, `document would pass the ${limits.maxDocumentBytes}-byte cap`),
      );
  }
}
