import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addReply,
  deleteThread,
  readThreads,
  seedThreads,
  setThreadResolved,
  startThread,
  teamThreadOf,
  THREADS_KEY,
  type TeamThread,
} from '../../src/team/comments-document';

const thread = (id: string, anchor: string, createdAt = '2026-12-05T01:00:00.000Z'): TeamThread => ({
  id,
  anchor,
  quote: 'a global threat',
  createdAt,
  status: 'open',
  resolvedAt: null,
  resolvedBy: '',
  replies: [{ id: `${id}-r1`, author: 'rita', at: createdAt, text: 'Whose words are these?' }],
});

/** Two replicas exchanging every update, as two workbenches through a server do. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}

describe('the comments document of a shared briefing', () => {
  it('carries a thread, its replies and its resolution to another replica', () => {
    const [analyst, reviewer] = pair();
    expect(startThread(reviewer, thread('t1', 'c-anchor-0001'))).toBe(true);
    expect(addReply(analyst, 't1', { id: 'r2', author: 'ana', at: '2026-12-05T01:01:00.000Z', text: 'The Secretary General’s.' })).toBe(
      true,
    );
    expect(setThreadResolved(analyst, 't1', { resolved: true, by: 'ana', at: '2026-12-05T01:02:00.000Z' })).toBe(true);
    const [seen] = readThreads(reviewer);
    expect(seen).toMatchObject({ id: 't1', anchor: 'c-anchor-0001', status: 'resolved', resolvedBy: 'ana' });
    expect(seen?.replies.map((reply) => reply.text)).toEqual(['Whose words are these?', 'The Secretary General’s.']);

    setThreadResolved(reviewer, 't1', { resolved: false, by: 'rita', at: '2026-12-05T01:03:00.000Z' });
    expect(readThreads(analyst)[0]).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: '' });
    expect(deleteThread(analyst, 't1')).toBe(true);
    expect(readThreads(reviewer)).toEqual([]);
    expect(addReply(reviewer, 't1', { id: 'r3', author: 'rita', at: 'x', text: 'late' })).toBe(false);
  });

  it('keeps both of two replies written at once while apart, and refuses a second thread on one anchor', () => {
    const apart = [new Y.Doc(), new Y.Doc()] as const;
    startThread(apart[0], thread('t1', 'c-anchor-0001'));
    Y.applyUpdate(apart[1], Y.encodeStateAsUpdate(apart[0]));
    addReply(apart[0], 't1', { id: 'ra', author: 'ana', at: '2026-12-05T02:00:00.000Z', text: 'From Ana' });
    addReply(apart[1], 't1', { id: 'rb', author: 'bob', at: '2026-12-05T02:00:00.000Z', text: 'From Bob' });
    Y.applyUpdate(apart[0], Y.encodeStateAsUpdate(apart[1]));
    Y.applyUpdate(apart[1], Y.encodeStateAsUpdate(apart[0]));
    for (const doc of apart)
      expect(
        readThreads(doc)[0]
          ?.replies.map((reply) => reply.id)
          .sort(),
      ).toEqual(['ra', 'rb', 't1-r1']);
    expect(startThread(apart[0], thread('t2', 'c-anchor-0001'))).toBe(false);
  });

  it('seeds from the workspace tables once: seeding again adds only missing replies', () => {
    const doc = new Y.Doc();
    const fromTables = teamThreadOf({
      id: 't1',
      briefingId: 'b1',
      anchor: 'c-anchor-0001',
      quote: 'a global threat',
      resolvedAt: '2026-12-05T01:05:00.000Z',
      resolvedBy: 'Dana',
      version: 2,
      createdAt: '2026-12-05T01:00:00.000Z',
      comments: [{ id: 'k1', author: 'Dana', body: 'Check this.', createdAt: '2026-12-05T01:00:00.000Z' }],
    });
    seedThreads(doc, [fromTables]);
    seedThreads(doc, [{ ...fromTables, replies: [...fromTables.replies, { id: 'k2', author: 'Dana', at: 'later', text: 'Done.' }] }]);
    const [seeded] = readThreads(doc);
    expect(seeded).toMatchObject({ status: 'resolved', resolvedBy: 'Dana', resolvedAt: '2026-12-05T01:05:00.000Z' });
    expect(seeded?.replies.map((reply) => reply.id)).toEqual(['k1', 'k2']);
  });

  it('leaves out what a modified client put there that is not a thread, and keeps the older of two threads on one anchor', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(THREADS_KEY);
    startThread(doc, thread('t-good', 'c-anchor-0001', '2026-12-05T01:00:00.000Z'));
    doc.transact(() => {
      map.set('not-a-map', 'just a string');
      map.set('bad id with spaces', new Y.Map());
      const noReplies = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ anchor: 'c-anchor-0002', quote: '', createdAt: 'x', status: 'open' }))
        noReplies.set(key, value);
      map.set('t-empty', noReplies);
      const badAnchor = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ anchor: '<script>', quote: '', createdAt: 'x', status: 'open' }))
        badAnchor.set(key, value);
      map.set('t-bad-anchor', badAnchor);
    });
    // A later thread on the same anchor, written straight into the map as only a modified client would.
    const twin = new Y.Doc();
    startThread(twin, { ...thread('t-twin', 'c-anchor-0001', '2026-12-05T03:00:00.000Z') });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(twin));
    const hugeReply = { id: 'huge', author: 'x', at: 'x', text: 'x'.repeat(20_000) };
    addReply(doc, 't-good', hugeReply);
    const threads = readThreads(doc);
    expect(threads.map((held) => held.id)).toEqual(['t-good']);
    expect(threads[0]?.replies.map((reply) => reply.id)).toEqual(['t-good-r1']);
  });
});
