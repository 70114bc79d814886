// The desktop app's team: the same TeamService the browser host runs, one per open workspace, and
// the loopback relay its page's editor connects to (the page is served from app://, so the relay
// cannot live on the page's own host as it does in the browser host). Electron-free: tested in Node.
import type { TeamRelayAddress } from '../../src/contract/operations/host';
import { startRelayEndpoint, type RelayEndpoint } from '../team-client/relay-endpoint';
import { TeamService } from '../team-client/team-service';
import type { WorkspaceSession } from '../workspace-session';

export interface DesktopTeamOptions {
  /** The page's origin (`app://warrant`): the relay refuses a socket from any other. */
  appOrigin: string;
  /** Told when starting or closing a workspace's team fails; the app carries on solo. */
  onError: (what: string, error: unknown) => void;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export class DesktopTeam {
  private service: TeamService | null = null;
  private servicePath: string | null = null;
  /** The previous workspace's service closing: the next one resumes only after it has. */
  private retiring: Promise<void> = Promise.resolve();
  private stopFollowing: (() => void) | null = null;

  private constructor(
    private readonly endpoint: RelayEndpoint,
    private readonly onError: DesktopTeamOptions['onError'],
  ) {}

  /** Starts the relay (it answers 403 until a workspace's team has a hub to take the socket). */
  static async listen(options: DesktopTeamOptions): Promise<DesktopTeam> {
    let team: DesktopTeam | null = null;
    const endpoint = await startRelayEndpoint({
      appOrigin: options.appOrigin,
      port: options.port,
      take: (request, socket, head) => team?.service?.handleUpgrade(request, socket, head) ?? false,
    });
    team = new DesktopTeam(endpoint, options.onError);
    return team;
  }

  /** What host.info gives the page: the relay's address and this launch's secret. */
  get relay(): TeamRelayAddress {
    return { url: this.endpoint.url, token: this.endpoint.secret };
  }

  /** `ws://127.0.0.1:<port>`, the one origin the page's CSP and request filter let through. */
  get relayOrigin(): string {
    return this.endpoint.origin;
  }

  /** The open workspace's team client (null before a workspace is open). */
  get current(): TeamService | null {
    return this.service;
  }

  /**
   * Makes the team client of the session's open workspace and reconnects a workspace joined in an
   * earlier run. From now on, a switch to another file closes this client's hub before the session
   * closes the file it belongs to (its documents are folded into that file, not the next one).
   */
  open(session: WorkspaceSession): void {
    this.stopFollowing?.();
    this.stopFollowing = session.whenLeaving((workspace) => this.leave(session, workspace.path));
    this.start(session);
  }

  /**
   * Called whenever the session's file changed under it. A restore reopens the same file and keeps
   * the team client (as in the browser host); after a switch to another file, that file's team
   * client starts once the previous one has closed.
   */
  workspaceChanged(session: WorkspaceSession): void {
    if (this.service && session.current.path === this.servicePath) return;
    this.retire();
    this.start(session);
  }

  /** Closes the hub (its documents are folded into the workspace file) and the relay. */
  async close(): Promise<void> {
    this.stopFollowing?.();
    this.retire();
    await this.retiring;
    await this.endpoint.close();
  }

  private start(session: WorkspaceSession): void {
    this.service = new TeamService(session, () => this.endpoint.secret);
    this.servicePath = session.current.path;
    this.resumeAfterRetiring(this.service);
  }

  /** The session is closing `path` after moving on from it: if this team belongs there, it closes first. */
  private leave(session: WorkspaceSession, path: string): Promise<void> {
    if (this.service && path === this.servicePath && session.current.path !== path) this.retire();
    return this.retiring;
  }

  private retire(): void {
    const previous = this.service;
    this.service = null;
    this.servicePath = null;
    this.retiring = this.retiring.then(() => previous?.close()).catch((error: unknown) => this.onError('team close', error));
  }

  private resumeAfterRetiring(service: TeamService): void {
    void this.retiring
      .then(() => (this.service === service ? service.resume() : null))
      .catch((error: unknown) => this.onError('team start', error));
  }
}
