// A shared briefing's own records between two workbenches whose workspaces are different files:
// Ana shares a briefing with a judgement and an evidence link; Bea, a fresh workspace that joins,
// gets the briefing row (filled with the shared body), the judgement and the link (a reader too, whose
// edit is refused); edits of
// different fields of the judgement made offline on both sides merge, each named in the change logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, BriefingSummary } from '../../src/domain/briefing';
import type { Judgement, JudgementChange } from '../../src/domain/judgement';
import type { Quote } from '../../src/domain/quote';
import type { Source } from '../../src/domain/source';
import type { RunningTeamServer } from '../../main/team/team-server';
import type { RunningBrowserHost } from '../../main/web-host/browser-host';
import { eventually } from './helpers/team';
import { attempt, call, startTeam, startWorkbench, TEAM_PASSWORD as PASSWORD } from './helpers/team-setup';
import { TempDirs } from './helpers/temp-workspace';

const temp = new TempDirs();
let server: RunningTeamServer;
const hosts: RunningBrowserHost[] = [];

async function startHost(name: string): Promise<RunningBrowserHost> {
  const host = await startWorkbench(temp, name);
  hosts.push(host);
  return host;
}

async function offline(host: RunningBrowserHost): Promise<() => Promise<void>> {
  const hub = (await host.team()).hub();
  if (!hub) throw new Error('A joined host should have a hub.');
  hub.disconnect();
  await eventually(async () => expect(await call(host, 'team.status', {})).toMatchObject({ state: 'offline' }));
  return () => hub.reconnect();
}

const draftOf = (judgement: Judgement) => ({
  statement: judgement.statement,
  likelihood: judgement.likelihood,
  confidence: judgement.confidence,
  rationale: judgement.rationale,
});

beforeAll(async () => {
  server = await startTeam(temp.make(), { ana: 'analyst', bea: 'analyst', reed: 'reader' });
});

afterAll(async () => {
  for (const host of hosts) await host.close();
  await server.close();
  temp.cleanup();
});

describe('a shared briefing’s records', () => {
  it('reach fresh workspaces that join (a reader’s edit refused), and merge a judgement’s fields changed offline on both sides, naming who', async () => {
    const [ana, bea, reed] = await Promise.all([startHost('Ana'), startHost('Bea'), startHost('Reed')]);
    const source = await call<Source>(ana, 'sources.create', { draft: { title: 'Harbour log' } });
    const quote = await call<Quote>(ana, 'quotes.create', { draft: { sourceId: source.id, text: 'Three frigates docked.' } });
    // A product type of Ana's own: Bea's workspace has only the built-in ones, so it travels with the briefing.
    const type = await call<{ id: string }>(ana, 'productTypes.create', {
      name: 'Maritime note',
      wordLimit: 800,
      sections: [{ heading: 'Key Judgements', cap: null }],
    });
    const briefing = await call<Briefing>(ana, 'briefings.create', { title: 'Naval activity, May', typeId: type.id });
    const judgement = await call<Judgement>(ana, 'judgements.create', {
      briefingId: briefing.id,
      draft: { statement: 'The fleet will sail within a week.', likelihood: 'likely', confidence: 'moderate' },
    });
    await call(ana, 'judgements.link', {
      judgementId: judgement.id,
      item: { kind: 'quote', id: quote.id },
      link: { stance: 'supports', note: 'Port log' },
    });
    // A briefing not shared stays Ana's alone.
    const solo = await call<Briefing>(ana, 'briefings.create', { title: 'Not for the team', typeId: 'briefing' });
    await call(ana, 'team.join', { serverUrl: server.httpUrl, user: 'ana', password: PASSWORD });
    await call(ana, 'team.share', {});
    await call(ana, 'briefings.share', { id: briefing.id });
    const body = (await call<Briefing>(ana, 'briefings.get', { id: briefing.id })).bodyText;

    // Bea's workspace is new: she joins and the briefing appears in her list, filled with its body.
    await call(bea, 'team.join', { serverUrl: server.httpUrl, user: 'bea', password: PASSWORD });
    await eventually(async () => {
      const { items } = await call<{ items: BriefingSummary[] }>(bea, 'briefings.list', {});
      expect(items.map((item) => ({ title: item.title, typeName: item.typeName, wordLimit: item.wordLimit }))).toEqual([
        { title: 'Naval activity, May', typeName: 'Maritime note', wordLimit: 800 },
      ]);
      expect((await call<Briefing>(bea, 'briefings.get', { id: briefing.id })).bodyText).toBe(body);
    });
    expect(body).toContain('Key Judgements');
    // Its first body is not a change of Bea's: no revision keeps the empty text it waited with.
    expect(bea.session.current.revisions.list(briefing.id)).toEqual([]);
    const received = await call<{ items: Judgement[] }>(bea, 'judgements.list', { briefingId: briefing.id });
    expect(received.items).toHaveLength(1);
    expect(received.items[0]).toMatchObject({
      id: judgement.id,
      statement: 'The fleet will sail within a week.',
      likelihood: 'likely',
      confidence: 'moderate',
    });
    expect(received.items[0]?.evidence).toMatchObject([{ stance: 'supports', note: 'Port log', item: { kind: 'quote', id: quote.id } }]);
    expect((await call<{ shared: boolean }>(bea, 'briefings.sharing', { id: briefing.id })).shared).toBe(true);
    await expect(call(bea, 'briefings.get', { id: solo.id })).rejects.toThrow(/no longer exists/);

    // A reader gets it too, and the host refuses her edit of it (the server would drop it).
    await call(reed, 'team.join', { serverUrl: server.httpUrl, user: 'reed', password: PASSWORD });
    await eventually(async () => expect((await call<Judgement>(reed, 'judgements.get', { id: judgement.id })).confidence).toBe('moderate'));
    const seenByReed = await call<Judgement>(reed, 'judgements.get', { id: judgement.id });
    expect(
      await attempt(reed, 'judgements.update', {
        id: judgement.id,
        baseVersion: seenByReed.version,
        draft: { ...draftOf(seenByReed), rationale: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    // Both offline: Bea rewrites the statement, Ana lowers the confidence; then both reconnect.
    const [anaBack, beaBack] = await Promise.all([offline(ana), offline(bea)]);
    const seenByBea = received.items[0] as Judgement;
    await call(bea, 'judgements.update', {
      id: judgement.id,
      baseVersion: seenByBea.version,
      draft: { ...draftOf(seenByBea), statement: 'The fleet will sail within ten days.' },
    });
    const seenByAna = await call<Judgement>(ana, 'judgements.get', { id: judgement.id });
    await call(ana, 'judgements.update', {
      id: judgement.id,
      baseVersion: seenByAna.version,
      draft: { ...draftOf(seenByAna), confidence: 'low' },
    });
    await Promise.all([anaBack(), beaBack()]);
    for (const host of [ana, bea]) {
      await eventually(async () =>
        expect(await call<Judgement>(host, 'judgements.get', { id: judgement.id })).toMatchObject({
          statement: 'The fleet will sail within ten days.',
          confidence: 'low',
          likelihood: 'likely',
        }),
      );
      const { items } = await call<{ items: JudgementChange[] }>(host, 'judgements.changes', { judgementId: judgement.id });
      const who = (field: string): string | undefined =>
        items.find((entry) => entry.changes.some((change) => change.field === field))?.analyst;
      expect(who('statement')).toBe('bea');
      expect(who('confidence')).toBe('ana');
      const log = host.session.current.libraryProjection.changesOf('judgements', judgement.id);
      expect(log.find((change) => change.field === 'statement')?.author).toBe('bea');
      expect(log.find((change) => change.field === 'confidence')?.author).toBe('ana');
    }
  });
});
