import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingMetaInput } from '../../src/domain/briefing';
import { errorCodeOf } from '../../renderer/app/error-message';
import { SerialSaver } from '../../renderer/briefings/meta-saver';
import { newBriefing } from './support/editor';
import { inProcessHostPerFile } from './support/hosts';

// The real handlers judge the versions each save names (a stale one is refused as a conflict),
// in process so a test can hold the host's answer while the page queues more changes.
const host = inProcessHostPerFile();

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function metaOf(briefing: Briefing, patch: Partial<BriefingMetaInput>): BriefingMetaInput {
  const { title, typeId, status, author, date, marking, summary, yardstick } = briefing;
  return { title, typeId, status, author, date: date ?? '', marking, summary, yardstick, tagIds: [], ...patch };
}

/** A title block's saver wired as the title block wires it: the save, and what the page does as it goes. */
async function titleBlock() {
  const briefing = await newBriefing(host.client);
  const failures: unknown[] = [];
  const saver = new SerialSaver<BriefingMetaInput>(briefing.metaVersion);
  saver.connect({
    send: async (meta, baseVersion) => (await host.client.call('briefings.updateMeta', { id: briefing.id, meta, baseVersion })).metaVersion,
    onFailure: (failure) => failures.push(failure),
  });
  const leave = (): void => saver.leave();
  window.addEventListener('pagehide', leave);
  const stored = (): Promise<Briefing> => host.value<Briefing>('briefings.get', { id: briefing.id });
  return { briefing, saver, failures, stored, detach: () => window.removeEventListener('pagehide', leave) };
}

describe('the title block saver against the real handlers', () => {
  it('stores quick successive changes without a conflict: each save names the version the last one left', async () => {
    const { briefing, saver, failures, stored, detach } = await titleBlock();
    const release = host.hold();
    const done = saver.request(metaOf(briefing, { marking: 'TLP:GREEN' }));
    saver.request(metaOf(briefing, { marking: 'TLP:GREEN', author: 'A. Analyst' }));
    saver.request(metaOf(briefing, { marking: 'TLP:AMBER', author: 'A. Analyst' }));
    await settle();
    expect(host.count('briefings.updateMeta')).toBe(1);
    release();
    await done;
    // The two changes that waited went as one (each carries every field).
    expect(host.count('briefings.updateMeta')).toBe(2);
    expect(failures).toEqual([]);
    const after = await stored();
    expect(after).toMatchObject({ marking: 'TLP:AMBER', author: 'A. Analyst', metaVersion: briefing.metaVersion + 2 });
    expect(saver.baseVersion).toBe(after.metaVersion);
    detach();
  });

  it('sends the waiting change as the page goes, naming the version the save in flight will leave', async () => {
    const { briefing, saver, failures, stored, detach } = await titleBlock();
    const release = host.hold();
    const done = saver.request(metaOf(briefing, { summary: 'First draft.' }));
    saver.request(metaOf(briefing, { summary: 'Second draft.' }));
    await settle();
    window.dispatchEvent(new Event('pagehide'));
    // The queue gets no further turn once the page is gone: both are on their way now.
    expect(host.count('briefings.updateMeta')).toBe(2);
    release();
    await done;
    await settle();
    expect(failures).toEqual([]);
    expect(await stored()).toMatchObject({ summary: 'Second draft.', metaVersion: briefing.metaVersion + 2 });
    detach();
  });

  it('stops at a save refused because another window saved first, and hands over the newest change', async () => {
    const { briefing, saver, failures, stored, detach } = await titleBlock();
    const mine: BriefingMetaInput[] = [];
    saver.connect({
      send: async (meta, baseVersion) =>
        (await host.client.call('briefings.updateMeta', { id: briefing.id, meta, baseVersion })).metaVersion,
      onFailure: (failure, newest) => {
        failures.push(failure);
        mine.push(newest);
      },
    });
    await host.value('briefings.updateMeta', {
      id: briefing.id,
      meta: metaOf(briefing, { marking: 'theirs' }),
      baseVersion: briefing.metaVersion,
    });
    await saver.request(metaOf(briefing, { marking: 'mine' }));
    expect(failures.map(errorCodeOf)).toEqual(['conflict']);
    expect(mine.map((meta) => meta.marking)).toEqual(['mine']);
    expect((await stored()).marking).toBe('theirs');
    detach();
  });
});
