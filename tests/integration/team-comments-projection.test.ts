// A shared briefing's review threads: the workspace's comment tables follow its comments document
// (plain Y.Docs here; team-comments.test.ts runs the same through a real team server).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommentsSync } from '../../main/team-client/comments-sync';
import { addReply, deleteThread, readThreads, startThread } from '../../src/team/comments-document';
import type { TeamRole } from '../../src/team/permissions';
import { waitFor } from './helpers/team';
import { LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();
let briefingId: string;
let role: TeamRole;
let projected: string[];
let local: Y.Doc;
/** Another workbench's copy of the same document, exchanging every update with this one. */
let remote: Y.Doc;

/** Stands in for the hub: one document, held in the workspace file once it has been opened. */
function documents(): { openDocument: () => Promise<Y.Doc>; documentNames: () => string[] } {
  const names: string[] = [];
  return {
    openDocument: async () => {
      names.push(`comments/${briefingId}`);
      return local;
    },
    documentNames: () => names,
  };
}

function sync(): CommentsSync {
  return new CommentsSync({
    workspace: () => lib.ws,
    documents: documents(),
    account: () => ({ user: 'rita', role }),
    onProjected: (id) => projected.push(id),
  });
}

// One workspace for the file (opening one costs more than these tests); a fresh briefing each.
beforeAll(() => lib.open());
afterAll(() => lib.close());

beforeEach(() => {
  role = 'reviewer';
  projected = [];
  briefingId = lib.ws.briefings.create({ title: 'Tokyo visit', typeId: 'briefing', author: 'A', marking: 'TLP:CLEAR', date: null }).id;
  local = new Y.Doc();
  remote = new Y.Doc();
  local.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(remote, update, 'wire'));
  remote.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(local, update, 'wire'));
});

describe('review threads of a shared briefing', () => {
  it('seeds the document from the tables the first time it is opened, then projects the team’s changes in one batch', async () => {
    lib.ws.settings.update({ analystName: 'Dana' });
    const solo = lib.ws.comments.start(briefingId, 'c-solo-anchor', 'a global threat', 'Written before sharing.');
    const comments = sync();
    await comments.attach(briefingId);
    expect(readThreads(remote).map((thread) => thread.id)).toEqual([solo.id]);

    // Another analyst answers and begins a thread of their own in one go.
    remote.transact(() => {
      addReply(remote, solo.id, { id: 'from-bob-1', author: 'bob', at: '2026-12-05T02:00:00.000Z', text: 'Seen.' });
      startThread(remote, {
        id: 'bob-thread',
        anchor: 'c-bob-anchor',
        quote: 'framed',
        createdAt: '2026-12-05T02:00:01.000Z',
        status: 'open',
        resolvedAt: null,
        resolvedBy: '',
        replies: [{ id: 'from-bob-2', author: 'bob', at: '2026-12-05T02:00:01.000Z', text: 'Too strong?' }],
      });
    });
    await waitFor(() => projected.length > 0, 'the projection');
    expect(projected).toEqual([briefingId]);
    const listed = lib.ws.comments.list(briefingId);
    expect(listed.map((thread) => thread.comments.map((comment) => `${comment.author}: ${comment.body}`))).toEqual([
      ['Dana: Written before sharing.', 'bob: Seen.'],
      ['bob: Too strong?'],
    ]);
    expect(lib.ws.comments.openCounts()[briefingId]).toBe(2);

    // Deleted by the team: gone here too, and opening the document again (a restarted host)
    // does not seed it back.
    deleteThread(remote, solo.id);
    await waitFor(() => lib.ws.comments.list(briefingId).length === 1, 'the deletion');
    const restarted = new CommentsSync({
      workspace: () => lib.ws,
      documents: { ...documents(), documentNames: () => [`comments/${briefingId}`] },
      account: () => ({ user: 'rita', role }),
    });
    await restarted.attach(briefingId);
    expect(readThreads(remote).map((thread) => thread.id)).toEqual(['bob-thread']);
  });

  it('makes a reviewer’s comment, reply and resolve document changes, signed with the team account', async () => {
    const comments = sync();
    await comments.attach(briefingId);
    const started = await comments.start(briefingId, 'c-rita-anchor', 'the words', 'Source?');
    expect(started.comments).toEqual([expect.objectContaining({ author: 'rita', body: 'Source?' })]);
    await expect(comments.start(briefingId, 'c-rita-anchor', 'the words', 'again')).rejects.toThrow(/already have a comment thread/);
    await comments.reply(started.id, 'Still waiting.');
    const resolved = await comments.setResolved(started.id, true);
    expect(resolved).toMatchObject({ resolvedBy: 'rita' });
    expect(resolved.version).toBeGreaterThan(started.version);
    const [seen] = readThreads(remote);
    expect(seen).toMatchObject({ id: started.id, status: 'resolved', resolvedBy: 'rita' });
    expect(seen?.replies.map((reply) => reply.text)).toEqual(['Source?', 'Still waiting.']);
    // Its own changes were projected at once, not again by the observer.
    await new Promise((resolve) => setImmediate(resolve));
    expect(projected).toEqual([]);

    role = 'reader';
    await expect(comments.reply(started.id, 'Me too')).rejects.toThrow(/reader/);
    expect(readThreads(remote)[0]?.replies).toHaveLength(2);
  });

  it('waits for a briefing the workspace does not hold yet, and never fails on a hostile thread', async () => {
    const unknown = sync();
    startThread(remote, {
      id: 'x',
      anchor: 'c-anchor-unknown',
      quote: '',
      createdAt: 't',
      status: 'open',
      resolvedAt: null,
      resolvedBy: '',
      replies: [{ id: 'y', author: 'z', at: 't', text: 'hello' }],
    });
    remote.getMap('threads').set('junk', 'not a thread');
    await unknown.attach('no-such-briefing');
    await expect(unknown.attach(briefingId)).resolves.toBe(local);
    expect(lib.ws.comments.list(briefingId).map((thread) => thread.id)).toEqual(['x']);
  });
});
