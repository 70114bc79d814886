import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BodySaveSchema, BriefingMetaSchema, type Briefing } from '../../src/domain/briefing';
import { describeCounts, type JudgementDraft } from '../../src/domain/judgement';
import { countSerialized, type SerializedCountNode } from '../../src/briefing/word-count';
import { failure, LibraryFixture } from './helpers/library';

const lib = new LibraryFixture();

beforeEach(() => {
  lib.open();
  lib.ws.settings.update({ analystName: 'A. Analyst' });
});

afterEach(() => {
  lib.close();
});

function briefing(title = 'NATO Secretary General in Tokyo and Seoul'): Briefing {
  return lib.ws.briefings.create({ title, typeId: 'briefing', author: 'A. Analyst', marking: 'TLP:CLEAR', date: '2017-11-01' });
}

const draft = (changes: Partial<JudgementDraft> = {}): JudgementDraft => ({
  statement: '',
  likelihood: null,
  confidence: null,
  rationale: '',
  ...changes,
});

/** A body with citations of the given targets in its Summary, and a judgement block in Key Judgements. */
function bodyCiting(refs: { kind: 'quote' | 'source'; id: string }[], judgementIds: string[] = []) {
  const root = {
    type: 'root',
    children: [
      {
        type: 'section',
        sectionId: 's1',
        role: 'body',
        cap: null,
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Summary' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Pressure is key.' },
              ...refs.map((ref) => ({ type: 'citation', targetKind: ref.kind, targetId: ref.id })),
            ],
          },
        ],
      },
      {
        type: 'section',
        sectionId: 's4',
        role: 'body',
        cap: 150,
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Key Judgements' }] },
          ...judgementIds.map((id) => ({ type: 'judgement', judgementId: id, statement: 'Japan will deepen ties with NATO.' })),
        ],
      },
    ],
  };
  return BodySaveSchema.parse({
    id: 'x',
    body: JSON.stringify({ root }),
    bodyText: 'Pressure is key.\n',
    wordCount: countSerialized(root as SerializedCountNode).total,
  });
}

describe('key judgements', () => {
  it('are created in order, updated, reordered and kept across reopening', () => {
    const b = briefing();
    const one = lib.ws.judgements.create(
      b.id,
      draft({ statement: 'Pyongyang will keep testing missiles.', likelihood: 'very-likely', confidence: 'moderate' }),
    );
    const two = lib.ws.judgements.create(b.id, draft({ statement: 'Japan and NATO will sign a new partnership programme.' }));
    const three = lib.ws.judgements.create(b.id, draft());
    expect(lib.ws.judgements.list(b.id).items.map((j) => j.id)).toEqual([one.id, two.id, three.id]);
    lib.ws.judgements.update(
      two.id,
      draft({
        statement: 'Japan and NATO will sign a new partnership programme.',
        likelihood: 'likely',
        confidence: 'high',
        rationale: 'Both sides said so.',
      }),
    );
    lib.ws.judgements.reorder(b.id, [three.id, one.id, two.id]);
    lib.reopen();
    const listed = lib.ws.judgements.list(b.id);
    expect(listed.yardstick).toBe('icd203');
    expect(listed.items.map((j) => [j.id, j.position])).toEqual([
      [three.id, 0],
      [one.id, 1],
      [two.id, 2],
    ]);
    expect(listed.items[2]).toMatchObject({ likelihood: 'likely', confidence: 'high', rationale: 'Both sides said so.' });
  });

  it('refuses a likelihood of the other yardstick with a field error, and writes nothing', () => {
    const b = briefing();
    const j = lib.ws.judgements.create(b.id, draft({ statement: 'S', likelihood: 'likely' }));
    const error = failure(() => lib.ws.judgements.update(j.id, draft({ statement: 'Changed', likelihood: 'realistic-possibility' })));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.fields?.['draft.likelihood']).toMatch(/UK PHIA yardstick; this briefing uses US ICD 203/);
    expect(failure(() => lib.ws.judgements.update(j.id, draft({ likelihood: 'nonsense' }))).details?.fields?.['draft.likelihood']).toBe(
      'Choose a term of the US ICD 203 yardstick.',
    );
    expect(lib.ws.judgements.get(j.id)).toMatchObject({ statement: 'S', likelihood: 'likely' });
    expect(lib.ws.judgementChanges.list(j.id)).toEqual([]);
    expect(failure(() => lib.ws.judgements.reorder(b.id, [j.id, j.id])).code).toBe('invalid_input');
  });

  it('map to the nearest term when the briefing changes yardstick', () => {
    const b = briefing();
    const a = lib.ws.judgements.create(b.id, draft({ likelihood: 'very-likely' }));
    const c = lib.ws.judgements.create(b.id, draft({ likelihood: 'roughly-even-chance' }));
    lib.ws.briefings.updateMeta(b.id, BriefingMetaSchema.parse({ ...b, yardstick: 'phia', tagIds: [] }));
    expect(lib.ws.judgements.get(a.id).likelihood).toBe('highly-likely');
    expect(lib.ws.judgements.get(c.id).likelihood).toBe('realistic-possibility');
    expect(lib.ws.judgementChanges.list(a.id)[0]?.changes).toEqual([{ field: 'likelihood', from: 'very-likely', to: 'highly-likely' }]);
  });

  it('go to the trash and come back from it; a trashed briefing hides its judgements', () => {
    const b = briefing();
    const j = lib.ws.judgements.create(b.id, draft({ statement: 'NATO will open an office in Tokyo.' }));
    lib.ws.judgements.trash(j.id);
    expect(lib.ws.judgements.list(b.id).items).toEqual([]);
    expect(lib.ws.trash.list()).toEqual([
      expect.objectContaining({ kind: 'judgement', id: j.id, label: 'NATO will open an office in Tokyo.', detail: `in ${b.title}` }),
    ]);
    lib.ws.trash.restore({ kind: 'judgement', id: j.id });
    expect(lib.ws.judgements.list(b.id).items.map((item) => item.id)).toEqual([j.id]);
    lib.ws.judgements.trash(j.id);
    lib.ws.briefings.trash(b.id);
    expect(lib.ws.trash.list().map((item) => item.kind)).toEqual(['briefing']);
    lib.ws.trash.empty();
    expect(lib.raw().prepare('SELECT count(*) FROM judgements').pluck().get()).toBe(0);
  });
});

describe('evidence links and counts', () => {
  it('count supporting items by independent sources, joined by derived-from links', () => {
    const b = briefing();
    const j = lib.ws.judgements.create(b.id, draft({ statement: 'NATO will keep up pressure on Pyongyang.' }));
    const speech = lib.source({ title: 'Speech at the National Press Club', reliability: 'B' });
    const report = lib.source({ title: 'Report on the speech', reliability: 'C' });
    const other = lib.source({ title: 'Joint press conference', reliability: 'A' });
    const q1 = lib.quote(speech.id, { text: 'Pressure is key.', credibility: '2' });
    const q2 = lib.quote(report.id, { text: 'Stoltenberg said pressure was key.', credibility: '3' });
    const q3 = lib.quote(other.id, { text: 'We support a peaceful, negotiated solution.', credibility: '2' });
    lib.ws.evidence.link(j.id, { kind: 'quote', id: q1.id }, { stance: 'supports', note: 'In his own words.' });
    lib.ws.evidence.link(j.id, { kind: 'quote', id: q2.id }, { stance: 'supports', note: '' });
    const against = lib.ws.evidence.link(j.id, { kind: 'quote', id: q3.id }, { stance: 'contradicts', note: '' });
    expect(against.item).toMatchObject({
      kind: 'quote',
      state: 'live',
      sourceTitle: 'Joint press conference',
      reliability: 'A',
      credibility: '2',
    });
    expect(describeCounts(lib.ws.judgements.get(j.id).counts)).toBe('2 supporting quotes from 2 independent sources, 1 contradicting');

    lib.ws.derivations.link(report.id, speech.id);
    const counted = lib.ws.judgements.get(j.id).counts;
    expect(counted.supports).toEqual({ quotes: 2, sources: 0, independentSources: 1 });
    expect(describeCounts(counted)).toBe('2 supporting quotes from 1 independent source, 1 contradicting');

    lib.ws.evidence.link(j.id, { kind: 'source', id: other.id }, { stance: 'supports', note: '' });
    expect(lib.ws.judgements.get(j.id).counts.supports).toEqual({ quotes: 2, sources: 1, independentSources: 2 });

    expect(failure(() => lib.ws.evidence.link(j.id, { kind: 'quote', id: q1.id }, { stance: 'context', note: '' })).code).toBe(
      'invalid_input',
    );
    const changed = lib.ws.evidence.update(against.id, { stance: 'context', note: 'Says nothing about pressure.' });
    expect(changed).toMatchObject({ stance: 'context', note: 'Says nothing about pressure.' });
    lib.ws.evidence.unlink(against.id);
    expect(lib.ws.judgements.get(j.id).evidence).toHaveLength(3);

    // A trashed quote shows as trashed and stops counting; gone for good it shows as missing.
    lib.ws.quotes.trash(q2.id);
    const afterTrash = lib.ws.judgements.get(j.id);
    expect(afterTrash.evidence.find((link) => link.item.id === q2.id)?.item.state).toBe('trashed');
    expect(afterTrash.counts.supports.quotes).toBe(1);
    lib.ws.trash.empty();
    expect(lib.ws.judgements.get(j.id).evidence.find((link) => link.item.id === q2.id)?.item.state).toBe('missing');
    expect(failure(() => lib.ws.evidence.link(j.id, { kind: 'quote', id: q2.id }, { stance: 'supports', note: '' })).code).toBe(
      'not_found',
    );
  });
});

describe('the change log', () => {
  it('groups one session’s edits into one entry, keeping the first old value', () => {
    const b = briefing();
    const j = lib.ws.judgements.create(
      b.id,
      draft({ statement: 'NATO will deepen ties with Japan.', likelihood: 'likely', confidence: 'low' }),
    );
    lib.ws.judgements.update(
      j.id,
      draft({ statement: 'NATO will deepen ties with Japan and South Korea.', likelihood: 'likely', confidence: 'low' }),
      undefined,
      'opening-1',
    );
    lib.ws.judgements.update(
      j.id,
      draft({ statement: 'NATO will deepen ties with Japan and the Republic of Korea.', likelihood: 'very-likely', confidence: 'low' }),
      undefined,
      'opening-1',
    );
    lib.ws.judgements.update(
      j.id,
      draft({
        statement: 'NATO will deepen ties with Japan and the Republic of Korea.',
        likelihood: 'very-likely',
        confidence: 'low',
        rationale: 'Only rationale.',
      }),
      undefined,
      'opening-1',
    );
    let log = lib.ws.judgementChanges.list(j.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ analyst: 'A. Analyst' });
    expect(log[0]?.changes).toEqual([
      { field: 'statement', from: 'NATO will deepen ties with Japan.', to: 'NATO will deepen ties with Japan and the Republic of Korea.' },
      { field: 'likelihood', from: 'likely', to: 'very-likely' },
    ]);

    // Eleven idle minutes end a session even in the same opening; another analyst starts another.
    lib.advance(11 * 60);
    lib.ws.judgements.update(
      j.id,
      draft({
        statement: 'NATO will deepen ties with Japan and the Republic of Korea.',
        likelihood: 'very-likely',
        confidence: 'moderate',
      }),
      undefined,
      'opening-1',
    );
    lib.ws.settings.update({ analystName: 'B. Reviewer' });
    lib.ws.judgements.update(
      j.id,
      draft({ statement: 'NATO will deepen ties with Japan and the Republic of Korea.', likelihood: 'very-likely', confidence: 'high' }),
      undefined,
      'opening-1',
    );
    log = lib.ws.judgementChanges.list(j.id);
    expect(log.map((entry) => [entry.analyst, entry.changes])).toEqual([
      ['B. Reviewer', [{ field: 'confidence', from: 'moderate', to: 'high' }]],
      ['A. Analyst', [{ field: 'confidence', from: 'low', to: 'moderate' }]],
      ['A. Analyst', expect.any(Array)],
    ]);
  });

  it('starts a new entry when the briefing is opened again, and a restore is an entry of its own', () => {
    const b = briefing();
    const j = lib.ws.judgements.create(b.id, draft({ statement: 'Talks will resume.' }));
    // First opening: the analyst chooses "likely".
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'likely' }), undefined, 'opening-1');
    const revision = lib.ws.revisions.snapshot(b.id, 'Before review');
    // A minute later, the briefing reopened: the analyst settles on an even chance.
    lib.advance(60);
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'roughly-even-chance' }), undefined, 'opening-2');
    lib.advance(60);
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'likely' }), undefined, 'opening-2');
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'roughly-even-chance' }), undefined, 'opening-2');
    const summary = () =>
      lib.ws.judgementChanges.list(j.id).map((entry) => [entry.kind, entry.note, entry.changes.map((c) => `${c.from} → ${c.to}`)]);
    expect(summary()).toEqual([
      ['edit', '', ['likely → roughly-even-chance']],
      ['edit', '', ['null → likely']],
    ]);

    // Restoring the revision is its own entry, and the next edit (same opening) does not fold into it.
    lib.ws.revisions.restore(revision.id);
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'unlikely' }), undefined, 'opening-2');
    expect(summary()).toEqual([
      ['edit', '', ['likely → unlikely']],
      ['restore', 'Restored from Before review', ['roughly-even-chance → likely']],
      ['edit', '', ['likely → roughly-even-chance']],
      ['edit', '', ['null → likely']],
    ]);
  });

  it('keeps a save without an editing session as an entry of its own', () => {
    const b = briefing();
    const j = lib.ws.judgements.create(b.id, draft({ statement: 'Talks will resume.' }));
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'likely' }));
    lib.ws.judgements.update(j.id, draft({ statement: 'Talks will resume.', likelihood: 'unlikely' }));
    expect(lib.ws.judgementChanges.list(j.id).map((entry) => entry.changes)).toEqual([
      [{ field: 'likelihood', from: 'likely', to: 'unlikely' }],
      [{ field: 'likelihood', from: null, to: 'likely' }],
    ]);
  });
});

describe('revisions and back-links', () => {
  it('capture judgements with their links, and restoring brings them back', () => {
    const b = briefing();
    const source = lib.source({ title: 'Speech', reliability: 'B' });
    const quote = lib.quote(source.id, { text: 'Japan is a natural partner.', credibility: '2' });
    const kept = lib.ws.judgements.create(
      b.id,
      draft({ statement: 'Japan will stay a close partner.', likelihood: 'likely', confidence: 'high' }),
    );
    lib.ws.evidence.link(kept.id, { kind: 'quote', id: quote.id }, { stance: 'supports', note: 'Direct.' });
    const revision = lib.ws.revisions.snapshot(b.id, 'Before review');

    lib.ws.judgements.update(kept.id, draft({ statement: 'Japan may drift away.', likelihood: 'unlikely', confidence: 'low' }));
    lib.ws.evidence.unlink(lib.ws.judgements.get(kept.id).evidence[0]?.id ?? '');
    const added = lib.ws.judgements.create(b.id, draft({ statement: 'Added after the revision.' }));
    expect(lib.ws.revisions.judgementsOf(revision.id)?.map((j) => j.statement)).toEqual(['Japan will stay a close partner.']);

    lib.ws.revisions.restore(revision.id);
    const restored = lib.ws.judgements.list(b.id).items;
    expect(restored.map((j) => j.id)).toEqual([kept.id]);
    expect(restored[0]).toMatchObject({ statement: 'Japan will stay a close partner.', likelihood: 'likely', confidence: 'high' });
    expect(restored[0]?.evidence.map((link) => [link.item.id, link.stance, link.note])).toEqual([[quote.id, 'supports', 'Direct.']]);
    expect(lib.ws.trash.list().map((item) => item.id)).toContain(added.id);
    // The text it replaced was kept with its judgements, so the restore can be undone.
    const before = lib.ws.revisions.list(b.id).find((item) => item.name === 'Before restoring');
    expect(lib.ws.revisions.judgementsOf(before?.id ?? '')?.map((j) => j.statement)).toEqual([
      'Japan may drift away.',
      'Added after the revision.',
    ]);
  });

  it('list every briefing citing a quote or source and every judgement linking it', () => {
    const b = briefing('Tokyo visit');
    const other = briefing('Seoul visit');
    const source = lib.source({ title: 'Speech', reliability: 'B' });
    const quote = lib.quote(source.id, { text: 'Pressure is key.', credibility: '2' });
    const j = lib.ws.judgements.create(other.id, draft({ statement: 'Pressure will continue.' }));
    lib.ws.evidence.link(j.id, { kind: 'quote', id: quote.id }, { stance: 'supports', note: '' });
    lib.ws.briefings.saveBody({ ...bodyCiting([{ kind: 'quote', id: quote.id }]), id: b.id });
    expect(lib.ws.backLinks.usedIn({ kind: 'quote', id: quote.id })).toEqual({
      briefings: [{ briefingId: b.id, title: 'Tokyo visit', status: 'draft', viaQuoteId: null }],
      judgements: [
        {
          judgementId: j.id,
          briefingId: other.id,
          briefingTitle: 'Seoul visit',
          statement: 'Pressure will continue.',
          stance: 'supports',
          viaQuoteId: null,
        },
      ],
    });
    expect(lib.ws.backLinks.usedIn({ kind: 'source', id: source.id }).briefings).toEqual([
      { briefingId: b.id, title: 'Tokyo visit', status: 'draft', viaQuoteId: quote.id },
    ]);
    // Removing the citation from the body removes the back-link.
    lib.ws.briefings.saveBody({ ...bodyCiting([]), id: b.id });
    expect(lib.ws.backLinks.usedIn({ kind: 'quote', id: quote.id }).briefings).toEqual([]);
  });

  it('counts a judgement block’s statement as body text of its section', () => {
    const count = countSerialized(JSON.parse(bodyCiting([], ['j1']).body).root as SerializedCountNode);
    expect(count.sections.find((section) => section.heading === 'Key Judgements')?.words).toBe(6);
  });
});
