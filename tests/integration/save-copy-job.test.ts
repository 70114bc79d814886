import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WireResult } from '../../src/contract/errors';
import { type Delivery } from '../../src/contract/file-ref';
import { JobEventSchema, type JobEvent, type JobSnapshot } from '../../src/contract/job-events';
import { HostEventSchema } from '../../src/contract/host-events';
import { Workspace } from '../../db/workspace';
import { runBrowserHost, WORKSPACE_MEDIA_TYPE, type RunningBrowserHost } from '../../main/web-host/browser-host';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let host: RunningBrowserHost;
let base: string;
let headers: Record<string, string>;

beforeEach(async () => {
  const dir = temp.make();
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  host = await runBrowserHost({ workspacePath: join(dir, 'Briefs.warrant'), rendererDir: dir, port: 0, create: true });
  base = `http://127.0.0.1:${host.port}`;
  headers = { 'X-Warrant-Token': host.token, 'Content-Type': 'application/json' };
});

afterEach(async () => {
  await host.close();
  temp.cleanup();
});

async function post(path: string, body: unknown): Promise<WireResult> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as WireResult;
}

function valueOf<T>(result: WireResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function pollJob(jobId: string): Promise<JobSnapshot> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const snapshot = valueOf<JobSnapshot>(await post('/api/call/jobs.get', { jobId }));
    if (snapshot.status !== 'running') return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${jobId} did not finish in time`);
}

/** Reads `data:` frames from the event stream until `until` accepts one, or times out. */
class EventStream {
  private readonly controller = new AbortController();
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  async open(): Promise<void> {
    const response = await fetch(`${base}/api/events`, { headers: { 'X-Warrant-Token': host.token }, signal: this.controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
    // Wait for the ": connected" comment, so the host has subscribed before any job starts.
    await this.readUntil(() => this.buffer.includes(': connected\n\n'));
  }

  async collect(until: (event: JobEvent) => boolean, timeoutMs = 5000): Promise<JobEvent[]> {
    const events: JobEvent[] = [];
    let done = false;
    await this.readUntil(() => {
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        for (const line of frame.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const data: unknown = JSON.parse(line.slice('data: '.length));
          // The stream also carries the host's own events (the team status, sent as it opens).
          if (HostEventSchema.safeParse(data).success) continue;
          const event = JobEventSchema.parse(data);
          events.push(event);
          if (until(event)) done = true;
        }
      }
      return done;
    }, timeoutMs);
    return events;
  }

  close(): void {
    this.controller.abort();
  }

  private async readUntil(satisfied: () => boolean, timeoutMs = 5000): Promise<void> {
    const reader = this.reader;
    if (!reader) throw new Error('stream not open');
    const timer = setTimeout(() => this.controller.abort(), timeoutMs);
    try {
      while (!satisfied()) {
        const { value, done } = await reader.read();
        if (done) throw new Error('event stream ended');
        this.buffer += this.decoder.decode(value, { stream: true });
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

describe('saving a copy over HTTP', () => {
  it('streams the job events, reports the download and serves a copy that opens with the data', async () => {
    const source = valueOf<{ id: string; title: string }>(
      await post('/api/call/sources.create', { draft: { title: 'Speech at Keio University', reliability: 'A' } }),
    );
    const stream = new EventStream();
    await stream.open();
    try {
      const { jobId } = valueOf<{ jobId: string }>(await post('/api/job/workspace.saveCopy', {}));
      const events = (await stream.collect((event) => event.jobId === jobId && event.type === 'succeeded')).filter(
        (event) => event.jobId === jobId,
      );
      expect(events[0]).toEqual({ type: 'started', jobId, name: 'workspace.saveCopy', label: 'Saving a copy of the workspace' });
      expect(events.at(-1)?.type).toBe('succeeded');
      expect(
        events
          .filter((event) => event.type === 'progress')
          .every((event) => event.type === 'progress' && event.message === 'Copying pages'),
      ).toBe(true);

      const snapshot = await pollJob(jobId);
      expect(snapshot.status).toBe('succeeded');
      const delivery = snapshot.result as Delivery;
      expect(delivery.delivery).toBe('download');
      if (delivery.delivery !== 'download') return;
      expect(delivery.file.name).toMatch(/^Briefs \(copy \d{4}-\d{2}-\d{2}\)\.warrant$/);
      expect(delivery.file.mediaType).toBe(WORKSPACE_MEDIA_TYPE);
      expect(delivery.file.size).toBeGreaterThan(0);

      expect((await fetch(`${base}/api/files/${delivery.file.fileId}`)).status).toBe(401);
      // Two requests at once: the download is handed to one of them only.
      const fetchCopy = (): Promise<Response> =>
        fetch(`${base}/api/files/${delivery.file.fileId}`, { headers: { 'X-Warrant-Token': host.token } });
      const answers = await Promise.all([fetchCopy(), fetchCopy()]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 404]);
      const response = answers.find((answer) => answer.status === 200) ?? answers[0];
      await answers.find((answer) => answer !== response)?.body?.cancel();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(WORKSPACE_MEDIA_TYPE);
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(delivery.file.size);
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');

      const copyPath = join(temp.make(), delivery.file.name);
      writeFileSync(copyPath, bytes);
      const copy = Workspace.open(copyPath);
      try {
        expect(copy.sources.get(source.id)).toMatchObject({ title: 'Speech at Keio University', reliability: 'A' });
      } finally {
        copy.close();
      }

      // A download is handed out once.
      const again = await fetchCopy();
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      stream.close();
    }
  });

  it('refuses a job with input it does not take, and an unknown job', async () => {
    expect(await post('/api/job/workspace.saveCopy', { destination: '/tmp/x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await post('/api/job/workspace.wipe', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(await post('/api/call/jobs.get', { jobId: 'job-999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('ends open event streams when the host closes', async () => {
    const stream = new EventStream();
    await stream.open();
    const closing = host.close();
    await expect(stream.collect(() => false, 3000)).rejects.toThrow('event stream ended');
    await closing;
    // afterEach closes again: closing twice must be harmless.
  });
});
