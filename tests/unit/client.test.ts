import { describe, expect, it } from 'vitest';
import { ContractError, createClient, type SaveState, type Transport } from '../../src/contract/client';
import { type WireResult } from '../../src/contract/errors';
import { type FileRef } from '../../src/contract/file-ref';

const SOURCE = {
  id: 's1',
  title: 'Speech',
  kind: 'speech',
  url: null,
  author: '',
  publisher: '',
  publishedDate: null,
  accessedDate: null,
  language: '',
  reliability: null,
  notes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** A hand-written transport: answers calls from a queue of results and records what it was asked. */
class FakeTransport implements Transport {
  readonly calls: { name: string; input: unknown }[] = [];
  readonly listeners = new Set<(event: unknown) => void>();
  private readonly pending: { resolve: (result: WireResult) => void; reject: (error: unknown) => void }[] = [];

  call(name: string, input: unknown): Promise<WireResult> {
    this.calls.push({ name, input });
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  answer(result: WireResult): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no pending call');
    next.resolve(result);
  }

  fail(error: unknown): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no pending call');
    next.reject(error);
  }

  startJob(name: string, _input: unknown): Promise<WireResult> {
    if (name === 'workspace.saveCopy') return Promise.resolve({ ok: true, value: { jobId: 'job-7' } });
    return Promise.resolve({ ok: false, error: { code: 'unknown_operation', message: 'No such job.' } });
  }

  subscribe(listener: (event: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fetchFile(_ref: FileRef): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array([1, 2, 3]));
  }

  readonly uploads: { size: number; name: string }[] = [];

  uploadFile(bytes: Uint8Array, name: string): Promise<WireResult> {
    this.uploads.push({ size: bytes.byteLength, name });
    if (bytes.byteLength === 0) return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'The file is empty.' } });
    return Promise.resolve({ ok: true, value: { uploadId: 'up-1' } });
  }
}

function setup() {
  const transport = new FakeTransport();
  let clock = 1000;
  const client = createClient(transport, () => clock);
  const states: SaveState[] = [];
  client.onSaveState((state) => states.push(state));
  return { transport, client, states, tick: (ms: number) => (clock += ms) };
}

describe('createClient save state', () => {
  it('goes saving → saved with a timestamp on a successful mutating call', async () => {
    const { transport, client, states, tick } = setup();
    expect(client.saveState).toEqual({ status: 'saved', lastSavedAt: null });
    const call = client.call('sources.create', { draft: { title: 'Speech' } });
    expect(client.saveState.status).toBe('saving');
    tick(500);
    transport.answer({ ok: true, value: SOURCE });
    await expect(call).resolves.toEqual(SOURCE);
    expect(states).toEqual([
      { status: 'saving', lastSavedAt: null },
      { status: 'saved', lastSavedAt: 1500 },
    ]);
    expect(transport.calls).toEqual([{ name: 'sources.create', input: { draft: { title: 'Speech' } } }]);
  });

  it('stays saving until every overlapping write has finished', async () => {
    const { transport, client } = setup();
    const first = client.call('settings.update', { analystName: 'A' });
    const second = client.call('settings.update', { analystName: 'B' });
    transport.answer({ ok: true, value: { analystName: 'A', defaultMarking: '' } });
    await first;
    expect(client.saveState.status).toBe('saving');
    transport.answer({ ok: true, value: { analystName: 'B', defaultMarking: '' } });
    await second;
    expect(client.saveState.status).toBe('saved');
  });

  it('turns failed on a workspace error and throws a ContractError carrying the payload', async () => {
    const { transport, client } = setup();
    const call = client.call('sources.create', { draft: { title: 'Speech' } });
    const payload = { code: 'workspace_unavailable' as const, message: 'The disk is full.' };
    transport.answer({ ok: false, error: payload });
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).payload).toEqual(payload);
    expect((error as ContractError).message).toBe('The disk is full.');
    expect(client.saveState).toEqual({ status: 'failed', message: 'The disk is full.', lastSavedAt: null });
  });

  it('treats an unreachable host as a failed save', async () => {
    const { transport, client } = setup();
    const call = client.call('sources.delete', { id: 's1' });
    transport.fail(new TypeError('fetch failed'));
    await expect(call).rejects.toMatchObject({ payload: { code: 'workspace_unavailable' } });
    expect(client.saveState.status).toBe('failed');
  });

  it('stays saved when the input was refused (nothing was written)', async () => {
    const { transport, client, tick } = setup();
    const ok = client.call('sources.create', { draft: { title: 'Speech' } });
    tick(10);
    transport.answer({ ok: true, value: SOURCE });
    await ok;
    const refused = client.call('sources.create', { draft: { title: '' } });
    const payload = {
      code: 'invalid_input' as const,
      message: 'One field needs attention.',
      details: { fields: { 'draft.title': 'Give the source a title.' } },
    };
    transport.answer({ ok: false, error: payload });
    await expect(refused).rejects.toMatchObject({ payload });
    expect(client.saveState).toEqual({ status: 'saved', lastSavedAt: 1010 });
  });

  it('does not change the save state on non-mutating calls, even failed ones', async () => {
    const { transport, client, states } = setup();
    const list = client.call('sources.list', {});
    expect(client.saveState.status).toBe('saved');
    transport.answer({ ok: true, value: { items: [], total: 0 } });
    await list;
    const get = client.call('sources.get', { id: 'gone' });
    transport.answer({ ok: false, error: { code: 'not_found', message: 'Gone.' } });
    await expect(get).rejects.toBeInstanceOf(ContractError);
    expect(states).toEqual([]);
    expect(client.saveState).toEqual({ status: 'saved', lastSavedAt: null });
  });

  it('stops notifying a save-state listener after it unsubscribes', async () => {
    const { transport, client } = setup();
    const seen: SaveState[] = [];
    const off = client.onSaveState((state) => seen.push(state));
    off();
    const call = client.call('trash.empty', {});
    transport.answer({ ok: true, value: { removed: 0 } });
    await call;
    expect(seen).toEqual([]);
  });
});

describe('createClient jobs and files', () => {
  it('returns the job id of a started job and throws on a refused one', async () => {
    const { client } = setup();
    await expect(client.startJob('workspace.saveCopy', {})).resolves.toBe('job-7');
    const transport = new FakeTransport();
    transport.startJob = () => Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'Bad.' } });
    await expect(createClient(transport).startJob('workspace.saveCopy', {})).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
  });

  it('passes on only well-formed job events', () => {
    const { transport, client } = setup();
    const received: unknown[] = [];
    const off = client.onJobEvent((event) => received.push(event));
    for (const listener of transport.listeners) {
      listener({ type: 'progress', jobId: 'job-1', done: 1, total: 4, message: 'Copying' });
      listener({ type: 'exploded', jobId: 'job-1' });
      listener('not an event');
    }
    expect(received).toEqual([{ type: 'progress', jobId: 'job-1', done: 1, total: 4, message: 'Copying' }]);
    off();
    expect(transport.listeners.size).toBe(0);
  });

  it('fetches files through the transport', async () => {
    const { client } = setup();
    const bytes = await client.fetchFile({ fileId: 'f', name: 'x.warrant', size: 3, mediaType: 'application/octet-stream' });
    expect([...bytes]).toEqual([1, 2, 3]);
  });
});

describe('client uploads', () => {
  it('returns the upload id, and throws the typed error when the host refuses', async () => {
    const transport = new FakeTransport();
    const client = createClient(transport);
    await expect(client.uploadFile(new Uint8Array([1, 2]), 'speech.pdf')).resolves.toBe('up-1');
    await expect(client.uploadFile(new Uint8Array(), 'empty.txt')).rejects.toMatchObject({
      payload: { code: 'invalid_input', message: 'The file is empty.' },
    });
    expect(transport.uploads).toEqual([
      { size: 2, name: 'speech.pdf' },
      { size: 0, name: 'empty.txt' },
    ]);
  });
});
