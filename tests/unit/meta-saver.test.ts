import { describe, expect, it } from 'vitest';
import { SerialSaver } from '../../renderer/briefings/meta-saver';

/** A stand-in host that stores a value per save and answers when the test lets it. */
function host(startVersion: number) {
  let stored = startVersion;
  const sent: { value: string; baseVersion: number }[] = [];
  const gates: (() => void)[] = [];
  const send = (value: string, baseVersion: number): Promise<number> => {
    sent.push({ value, baseVersion });
    return new Promise((resolve, reject) => {
      gates.push(() => {
        if (baseVersion !== stored) reject(new Error(`conflict: ${baseVersion} is not ${stored}`));
        else resolve((stored += 1));
      });
    });
  };
  const answerNext = async (): Promise<void> => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { send, sent, answerNext };
}

describe('SerialSaver', () => {
  it('sends quick successive changes one after another, each naming the version the last one stored', async () => {
    const server = host(3);
    const failures: unknown[] = [];
    const saver = new SerialSaver<string>(3);
    saver.connect({ send: server.send, onFailure: (failure) => failures.push(failure) });
    const done = saver.request('tag A');
    saver.request('tag A, tag B');
    saver.request('tag A, tag B, tag C');
    expect(server.sent).toEqual([{ value: 'tag A', baseVersion: 3 }]);
    await server.answerNext();
    // The two waiting states fold into the newest: each is the whole set of fields.
    expect(server.sent).toEqual([
      { value: 'tag A', baseVersion: 3 },
      { value: 'tag A, tag B, tag C', baseVersion: 4 },
    ]);
    await server.answerNext();
    await done;
    expect(saver.baseVersion).toBe(5);
    expect(failures).toEqual([]);
  });

  it('stops at a refused save and hands the newest unsaved value to the owner', async () => {
    const server = host(7);
    const refused: string[] = [];
    const saver = new SerialSaver<string>(6);
    saver.connect({ send: server.send, onFailure: (_failure, mine) => refused.push(mine) });
    const done = saver.request('mine, first');
    saver.request('mine, newest');
    await server.answerNext();
    await done;
    expect(refused).toEqual(['mine, newest']);
    expect(server.sent).toHaveLength(1);
  });

  it('sends what waits when the page goes, naming the version the save in flight will leave', async () => {
    const server = host(1);
    const saver = new SerialSaver<string>(1);
    saver.connect({ send: server.send, onFailure: () => undefined });
    void saver.request('first');
    saver.request('second');
    saver.leave();
    expect(server.sent).toEqual([
      { value: 'first', baseVersion: 1 },
      { value: 'second', baseVersion: 2 },
    ]);
    await server.answerNext();
    await server.answerNext();
    saver.leave();
    expect(server.sent).toHaveLength(2);
  });
});
