import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** `editing`: this tab holds the briefing; `read-only`: another tab does; `waiting`: asked it to hand over. */
export type EditMode = 'editing' | 'read-only' | 'waiting';

type HandOver = { type: 'hand-over' };

/**
 * One editor per briefing across the tabs of a browser (Web Locks): the first tab to open a
 * briefing holds its lock; a later tab opens it read-only and may ask for it ("Edit here
 * instead"), after which the holder saves, lets go and turns read-only itself. Separate browsers
 * and hosts share no locks: there the versions on every save stop a silent overwrite.
 */
export function useBriefingLock(
  briefingId: string,
  saveAllRef: RefObject<(() => Promise<void>) | null>,
): { mode: EditMode; editHere: () => void } {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const [mode, setMode] = useState<EditMode>(locks ? 'waiting' : 'editing');
  const request = useRef<(wait: boolean) => void>(() => undefined);
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (!locks) return;
    const name = `warrant-briefing-editor:${briefingId}`;
    const messages = new BroadcastChannel(name);
    channel.current = messages;
    let disposed = false;
    let release: (() => void) | null = null;

    request.current = (wait: boolean): void => {
      void locks.request(name, wait ? {} : { ifAvailable: true }, (lock) => {
        if (disposed) return undefined;
        if (!lock) {
          setMode('read-only');
          return undefined;
        }
        setMode('editing');
        // Held until this tab closes the briefing or hands it over.
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      });
    };
    messages.onmessage = (event: MessageEvent<HandOver>) => {
      if (event.data.type !== 'hand-over' || !release) return;
      const letGo = release;
      release = null;
      // Whatever was typed here is saved before the other tab may write.
      const saved = saveAllRef.current?.() ?? Promise.resolve();
      void saved
        .catch(() => undefined)
        .finally(() => {
          if (disposed) return;
          setMode('read-only');
          letGo();
        });
    };
    request.current(false);
    return () => {
      disposed = true;
      release?.();
      messages.close();
      channel.current = null;
    };
  }, [locks, briefingId, saveAllRef]);

  const editHere = useCallback(() => {
    setMode('waiting');
    channel.current?.postMessage({ type: 'hand-over' } satisfies HandOver);
    request.current(true);
  }, []);

  return { mode, editHere };
}
