import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createClient, type Transport, type WarrantClient } from '../../../src/contract/client';
import { runBrowserHost, type RunningBrowserHost } from '../../../main/web-host/browser-host';
import { createHttpTransport } from '../../../renderer/transport/http-transport';
import { ContractFixture } from '../../integration/helpers/contract';
import { TempDirs } from '../../integration/helpers/temp-workspace';

/**
 * The whole contract over a real workspace file, in this process: the real dispatcher and
 * handlers behind the contract's Transport interface, without HTTP. For controllers driven by
 * fake timers, which cannot wait for a socket; `answering = false` makes every call fail as a
 * fetch does when the host has stopped (the client turns that into `workspace_unavailable`).
 */
export class InProcessHost {
  readonly contract = new ContractFixture();
  answering = true;
  /** Names of the calls that reached the host, in order. */
  readonly calls: string[] = [];
  private gate: Promise<void> | null = null;
  readonly transport: Transport = {
    call: async (name, input, epoch) => {
      if (!this.answering) throw new TypeError('Failed to fetch');
      this.calls.push(name);
      if (this.gate) await this.gate;
      return this.contract.dispatcher.call(name, input, epoch);
    },
    startJob: async (name, input, epoch) => this.contract.dispatcher.startJob(name, input, epoch),
    subscribe: (listener) => this.contract.jobManager.subscribe(listener),
    fetchFile: async (ref) => {
      const entry = this.contract.downloads.get(ref.fileId);
      if (!entry) throw new Error('That download has expired. Run it again.');
      return new Uint8Array(readFileSync(entry.path));
    },
    uploadFile: async (bytes, name) => this.contract.uploads.putResult(bytes, name),
  };
  readonly client: WarrantClient = createClient(this.transport);

  /** A slow host: calls arriving from now on wait until the returned function is called. */
  hold(): () => void {
    let release: () => void = () => undefined;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  /** Answering at once again, with an empty call log. */
  reset(): void {
    this.answering = true;
    this.gate = null;
    this.calls.length = 0;
  }

  /** How many calls of `name` reached the host. */
  count(name: string): number {
    return this.calls.filter((call) => call === name).length;
  }

  /** Calls an operation straight on the host (setting up a test), not through the page's client. */
  value<T>(name: string, payload: unknown): Promise<T> {
    return this.contract.value<T>(name, payload);
  }
}

/**
 * One in-process host for the calling file (a new workspace file costs a few hundred ms here):
 * tests keep apart by working on records they create; the call log and faults reset per test.
 */
export function inProcessHostPerFile(): InProcessHost {
  const host = new InProcessHost();
  beforeAll(() => {
    host.contract.open();
  });
  beforeEach(() => {
    host.reset();
  });
  afterEach(() => {
    expect(host.contract.internalErrors).toEqual([]);
  });
  afterAll(() => {
    host.contract.close();
  });
  return host;
}

/**
 * The browser host on 127.0.0.1 (port 0) serving a fresh workspace, and this page moved to its
 * address so the renderer's own HTTP transport reaches it as it does in the product.
 */
export class BrowserHostFixture {
  private readonly temp = new TempDirs();
  host!: RunningBrowserHost;
  client!: WarrantClient;

  /** `prepare` may make the workspace file first (e.g. bound to a team) for the host to open. */
  async start(prepare?: (workspacePath: string) => void | Promise<void>): Promise<void> {
    const dir = this.temp.make();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Warrant</title>');
    const workspacePath = join(dir, 'case.warrant');
    await prepare?.(workspacePath);
    this.host = await runBrowserHost({ workspacePath, rendererDir, port: 0, create: true });
    // happy-dom's fetch resolves the transport's relative paths against the page's address.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`http://127.0.0.1:${this.host.port}/`);
    this.client = createClient(createHttpTransport(this.host.token));
    await this.client.call('host.info', {});
  }

  /** Stops the host (a test may have stopped it already, to see the page cope). */
  async stop(): Promise<void> {
    await this.host.close().catch(() => undefined);
    this.temp.cleanup();
  }
}
