import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Source, SourceDraftSchema } from '../../src/domain/source';
import { failure, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();
let speech: Source;
let report: Source;
let blog: Source;

beforeEach(() => {
  lib.open();
  speech = lib.source({ title: 'A: Speech at Keio University', kind: 'speech', reliability: 'A' });
  report = lib.source({ title: 'B: Kyodo report on the speech', reliability: 'C' });
  blog = lib.source({ title: 'C: Blog post quoting Kyodo', kind: 'social_media_post' });
});

afterEach(() => {
  lib.close();
});

function link(source: Source) {
  return { id: source.id, title: source.title, reliability: source.reliability };
}

describe('derived-from links', () => {
  it('links a source to what it is derived from and lists the link from both ends', () => {
    // link(sourceId, originId): the report is derived from (reports on) the speech.
    lib.ws.derivations.link(report.id, speech.id);
    expect(lib.ws.derivations.linksOf(report.id)).toEqual({ derivedFrom: [link(speech)], reportedBy: [] });
    expect(lib.ws.derivations.linksOf(speech.id)).toEqual({ derivedFrom: [], reportedBy: [link(report)] });
    expect(lib.ws.derivations.linksOf(blog.id)).toEqual({ derivedFrom: [], reportedBy: [] });
  });

  it('lists several links on one end sorted by title, and ignores a repeated link', () => {
    lib.ws.derivations.link(blog.id, report.id);
    lib.ws.derivations.link(blog.id, speech.id);
    lib.ws.derivations.link(blog.id, speech.id);
    expect(lib.ws.derivations.linksOf(blog.id).derivedFrom).toEqual([link(speech), link(report)]);
    expect(lib.raw().prepare('SELECT count(*) FROM source_derivations').pluck().get()).toBe(2);
  });

  it('refuses a self-link with a field error', () => {
    const error = failure(() => lib.ws.derivations.link(speech.id, speech.id));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.originId).toBe('Choose another source.');
    expect(lib.ws.derivations.linksOf(speech.id)).toEqual({ derivedFrom: [], reportedBy: [] });
  });

  it('refuses a direct loop (B from A, then A from B)', () => {
    lib.ws.derivations.link(report.id, speech.id);
    const error = failure(() => lib.ws.derivations.link(speech.id, report.id));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.originId).toBe('This would make a reporting loop.');
    expect(lib.ws.derivations.linksOf(speech.id)).toEqual({ derivedFrom: [], reportedBy: [link(report)] });
  });

  it('refuses a longer loop (B from A, C from B, then A from C) but allows the same direction', () => {
    lib.ws.derivations.link(report.id, speech.id);
    lib.ws.derivations.link(blog.id, report.id);
    expect(failure(() => lib.ws.derivations.link(speech.id, blog.id)).code).toBe('invalid_input');
    // C from A directly is a shortcut, not a loop.
    lib.ws.derivations.link(blog.id, speech.id);
    expect(lib.ws.derivations.linksOf(blog.id).derivedFrom).toEqual([link(speech), link(report)]);
    expect(lib.ws.derivations.linksOf(speech.id).derivedFrom).toEqual([]);
  });

  it('unlinks, after which the reverse link is allowed', () => {
    lib.ws.derivations.link(report.id, speech.id);
    lib.ws.derivations.unlink(report.id, speech.id);
    expect(lib.ws.derivations.linksOf(report.id)).toEqual({ derivedFrom: [], reportedBy: [] });
    expect(lib.ws.derivations.linksOf(speech.id)).toEqual({ derivedFrom: [], reportedBy: [] });
    lib.ws.derivations.link(speech.id, report.id);
    expect(lib.ws.derivations.linksOf(speech.id).derivedFrom).toEqual([link(report)]);
    // Unlinking what is not linked is harmless.
    lib.ws.derivations.unlink(blog.id, speech.id);
  });

  it('hides links to trashed sources, shows them again on restore, and drops them when purged', () => {
    lib.ws.derivations.link(report.id, speech.id);
    lib.ws.derivations.link(blog.id, report.id);
    lib.ws.sources.trash(report.id);
    expect(lib.ws.derivations.linksOf(speech.id)).toEqual({ derivedFrom: [], reportedBy: [] });
    expect(lib.ws.derivations.linksOf(blog.id)).toEqual({ derivedFrom: [], reportedBy: [] });
    lib.ws.trash.restore({ kind: 'source', id: report.id });
    expect(lib.ws.derivations.linksOf(speech.id).reportedBy).toEqual([link(report)]);
    lib.ws.sources.trash(report.id);
    lib.ws.trash.empty();
    expect(lib.raw().prepare('SELECT count(*) FROM source_derivations').pluck().get()).toBe(0);
  });

  it('refuses to link to or from a trashed or unknown source', () => {
    lib.ws.sources.trash(blog.id);
    expect(failure(() => lib.ws.derivations.link(blog.id, speech.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.derivations.link(speech.id, blog.id)).code).toBe('not_found');
    expect(failure(() => lib.ws.derivations.link(speech.id, 'no-such-source')).code).toBe('not_found');
  });

  it('shows the current title and grade of the other end', () => {
    lib.ws.derivations.link(report.id, speech.id);
    const updated = lib.ws.sources.update(
      speech.id,
      SourceDraftSchema.parse({ ...speech, title: 'A: Speech (transcript)', reliability: 'B' }),
    );
    expect(lib.ws.derivations.linksOf(report.id).derivedFrom).toEqual([link(updated)]);
  });
});
