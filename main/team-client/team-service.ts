// A host's team (browser host and desktop app): joining and leaving, the hub while joined, and the status the page shows.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WarrantError } from '../../src/contract/errors';
import { normaliseServerUrl, type TeamStatus } from '../../src/team/binding';
import type { TeamRepository } from '../../db/repositories/team';
import type { WorkspaceSession } from '../workspace-session';
import { loginToTeamServer } from './login';
import type { TeamHub } from './team-hub';

export interface JoinRequest {
  serverUrl: string;
  user: string;
  password: string;
}

export class TeamService {
  private running: TeamHub | null = null;
  private starting: Promise<TeamHub | null> | null = null;

  constructor(
    private readonly session: WorkspaceSession,
    private readonly hostToken: () => string,
  ) {}

  /** Starts the hub when the open workspace was joined to a team in an earlier run. */
  resume(): Promise<TeamHub | null> {
    this.starting ??= this.startFromBinding();
    return this.starting;
  }

  /** The hub while the workspace is joined (null for a solo workspace or a read-only session). */
  hub(): TeamHub | null {
    return this.running;
  }

  async join(request: JoinRequest): Promise<TeamStatus> {
    if (this.session.readOnly)
      throw new WarrantError('workspace_locked', 'This workspace is open read-only here, so it cannot join a team.');
    const existing = this.session.current.team.binding();
    const serverUrl = normaliseServerUrl(request.serverUrl);
    if (!serverUrl) throw new WarrantError('invalid_input', `“${request.serverUrl}” is not a server address (for example 127.0.0.1:4455).`);
    if (existing && existing.serverUrl !== serverUrl)
      throw new WarrantError(
        'invalid_input',
        `This workspace already belongs to the team at ${existing.serverUrl}. Leave that team first.`,
      );
    const login = await loginToTeamServer(serverUrl, request.user.trim(), request.password);
    await this.stop();
    this.session.current.team.bind({ serverUrl, ...login, joinedAt: existing?.joinedAt ?? new Date().toISOString() });
    this.starting = this.startFromBinding();
    await this.starting;
    return this.status();
  }

  /** Leaves the team: the workspace keeps what it holds, as a solo workspace. */
  async leave(): Promise<TeamStatus> {
    const binding = this.session.current.team.binding();
    await this.stop();
    this.session.current.team.unbind();
    if (binding)
      await fetch(`${binding.serverUrl}/logout`, { method: 'POST', headers: { Authorization: `Bearer ${binding.token}` } }).catch(
        () => undefined,
      );
    return this.status();
  }

  status(): TeamStatus {
    const binding = this.session.current.team.binding();
    if (!binding) return { joined: false };
    const hubStatus = this.running?.status() ?? {
      state: 'offline' as const,
      waiting: this.session.current.team.waiting(),
      refusal: this.session.readOnly ? 'This workspace is open read-only here, so it does not connect to its team.' : null,
    };
    return { joined: true, serverUrl: binding.serverUrl, userName: binding.userName, role: binding.role, ...hubStatus };
  }

  /** Hands the page's relay socket to the hub; false when there is no hub to take it. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!this.running) return false;
    this.running.handleUpgrade(request, socket, head);
    return true;
  }

  async close(): Promise<void> {
    await this.stop();
  }

  private async startFromBinding(): Promise<TeamHub | null> {
    const binding = this.session.current.team.binding();
    if (!binding || this.session.readOnly) return null;
    // Hocuspocus, ws and Yjs load only for a workspace that belongs to a team: a solo host's first
    // answer to the page does not wait for them.
    const { TeamHub } = await import('./team-hub');
    this.running = await TeamHub.start({ store: this.storeOfOpenedWorkspace(), binding, hostToken: this.hostToken });
    return this.running;
  }

  /**
   * The team store of the workspace open now, followed through a restore (which reopens the same
   * file) but not through a switch to another file: the desktop app closes this service once the
   * session has moved on and before it closes the file left behind, and what the hub folds away
   * while closing belongs in that file, not the next one.
   */
  private storeOfOpenedWorkspace(): () => TeamRepository {
    let workspace = this.session.current;
    return () => {
      const current = this.session.current;
      if (current.path === workspace.path) workspace = current;
      return workspace.team;
    };
  }

  private async stop(): Promise<void> {
    await this.starting?.catch(() => null);
    this.starting = null;
    const hub = this.running;
    this.running = null;
    await hub?.close();
  }
}
