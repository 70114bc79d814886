import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarrantError } from '../../src/contract/errors';
import { CommentBody } from '../../src/domain/comment';
import { paragraph, section, state, text } from '../fixtures/export/sample-briefing';
import { XSS_PAYLOADS } from '../fixtures/xss-corpus';
import { ExportFixture } from './helpers/export-fixture';
import { TempDirs } from './helpers/temp-workspace';

const ANCHOR = 'comment-anchor-1';
const GONE = 'comment-anchor-gone';
const mark = (ids: string[], ...children: Record<string, unknown>[]) => ({
  type: 'mark',
  ids,
  children,
  format: '',
  indent: 0,
  version: 1,
  direction: null,
});

function unzip(path: string, member: string): string {
  return execFileSync('unzip', ['-p', path, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Review comments: threads in the workspace, anchored by marks in the text; only DOCX shows them. */
describe('review comments', () => {
  const temp = new TempDirs();
  let fixture: ExportFixture;
  let briefingId: string;
  const hostile = XSS_PAYLOADS.find((payload) => payload.includes('<script')) ?? '<script>alert(1)</script>';

  beforeAll(() => {
    fixture = new ExportFixture(temp);
    briefingId = fixture.sample.briefingId;
    // The commented words are split by a bold word: two marks carry the same anchor.
    fixture.workspace.briefings.saveBody({
      id: briefingId,
      body: state([
        section('s1', 'Summary', [
          paragraph(
            text('The visit framed North Korea as '),
            mark([ANCHOR], text('a global')),
            mark([ANCHOR], text(' threat', 1)),
            text('.'),
          ),
        ]),
      ]),
      bodyText: 'The visit framed North Korea as a global threat.',
      wordCount: 9,
    });
  });

  afterAll(() => {
    fixture.close();
    temp.cleanup();
  });

  it('keeps threads with replies, resolves and reopens them against their version, and counts the open ones', () => {
    const ws = fixture.workspace;
    ws.settings.update({ analystName: 'Dana Reviewer' });
    const thread = ws.comments.start(briefingId, ANCHOR, 'a global threat', 'Whose words are these?');
    expect(thread.comments).toEqual([expect.objectContaining({ author: 'Dana Reviewer', body: 'Whose words are these?' })]);
    const answered = ws.comments.reply(thread.id, 'The Secretary General’s, at Keio University.');
    expect(answered.comments.map((comment) => comment.body)).toEqual([
      'Whose words are these?',
      'The Secretary General’s, at Keio University.',
    ]);
    expect(() => ws.comments.start(briefingId, ANCHOR, '', 'again')).toThrow(/already have a comment thread/);
    expect(ws.comments.openCounts()).toEqual({ [briefingId]: 1 });

    const resolved = ws.comments.setResolved(thread.id, thread.version, true);
    expect(resolved).toMatchObject({ resolvedBy: 'Dana Reviewer', version: thread.version + 1 });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(ws.comments.openCounts()).toEqual({});
    // A second window still showing the open thread cannot reopen it over the resolve unseen.
    const stale = (() => {
      try {
        ws.comments.setResolved(thread.id, thread.version, false);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(stale).toBeInstanceOf(WarrantError);
    expect((stale as WarrantError).code).toBe('conflict');
    const reopened = ws.comments.setResolved(thread.id, resolved.version, false);
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: '' });
  });

  it('writes open threads as Word comments around the whole commented range, and leaves them out of HTML and Markdown', async () => {
    const ws = fixture.workspace;
    const thread = ws.comments.list(briefingId)[0];
    if (!thread) throw new Error('the first test made no thread');
    ws.comments.reply(thread.id, hostile);
    const orphan = ws.comments.start(briefingId, GONE, 'deleted words', 'These words were cut later.');
    const resolved = ws.comments.start(briefingId, 'comment-anchor-done', 'n/a', 'Resolved long ago.');
    ws.comments.setResolved(resolved.id, resolved.version, true);

    const docx = await fixture.export('docx', null);
    const comments = unzip(docx.path, 'word/comments.xml');
    expect(comments).toContain('Whose words are these?');
    expect(comments).toContain('w:author="Dana Reviewer"');
    expect(comments).not.toContain('<script');
    expect(comments).not.toContain('Resolved long ago.');
    expect(comments).not.toContain(orphan.comments[0]?.body ?? 'These words were cut later.');
    const body = unzip(docx.path, 'word/document.xml');
    // Three comments (question, answer, the hostile reply) open once before "a global" and close once after " threat".
    expect(body.match(/<w:commentRangeStart /g)).toHaveLength(3);
    expect(body.match(/<w:commentRangeEnd /g)).toHaveLength(3);
    expect(body.match(/<w:commentReference /g)).toHaveLength(3);
    expect(body.indexOf('commentRangeStart')).toBeLessThan(body.indexOf('>a global</w:t>'));
    expect(body.indexOf('>a global</w:t>')).toBeGreaterThan(0);
    expect(body.lastIndexOf('commentRangeEnd')).toBeGreaterThan(body.indexOf('> threat</w:t>'));

    for (const format of ['html', 'md'] as const) {
      const exported = readFileSync((await fixture.export(format, null)).path, 'utf8');
      expect(exported).toContain('a global');
      expect(exported).not.toContain('Whose words are these?');
      expect(exported).not.toContain('Dana Reviewer');
    }
  });

  it('refuses an empty comment and deletes a thread with its comments', () => {
    expect(CommentBody.safeParse('   ').success).toBe(false);
    const ws = fixture.workspace;
    const thread = ws.comments.start(briefingId, 'comment-anchor-tmp', 'x', 'Temporary.');
    ws.comments.deleteThread(thread.id);
    expect(ws.comments.list(briefingId).some((held) => held.id === thread.id)).toBe(false);
    expect(() => ws.comments.reply(thread.id, 'late')).toThrow(/no longer exists/);
  });
});
