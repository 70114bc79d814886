import type { Browser, Page } from '@playwright/test';

/** Chromium's timeline categories: enough to split the main thread into script, style, layout and paint. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, when Chromium recorded it: what a loaded machine does not inflate. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

/**
 * Self time per event name on the page's main thread (an event's time minus the events nested in
 * it), so "UpdateLayoutTree" is style recalculation alone and "FunctionCall" is script alone. The
 * time is the thread's CPU time where Chromium records it, which a loaded machine inflates far less
 * than wall-clock latency: the figure to compare variants by on a shared machine.
 */
export async function stopTrace(browser: Browser, keys: number): Promise<string> {
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) return 'no renderer main thread in the trace';
  const slices = events
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const calls = new Map<string, number>();
  const open: { event: TraceEvent; end: number }[] = [];
  for (const event of slices) {
    const end = event.ts + (event.dur ?? 0);
    while (open.length > 0 && (open[open.length - 1]?.end ?? 0) <= event.ts) open.pop();
    const parent = open[open.length - 1];
    const cost = event.tdur ?? event.dur ?? 0;
    if (parent) self.set(parent.event.name, (self.get(parent.event.name) ?? 0) - cost);
    self.set(event.name, (self.get(event.name) ?? 0) + cost);
    calls.set(event.name, (calls.get(event.name) ?? 0) + 1);
    // BENCH_TRACE_UNDER=<event name>: also the chains of events that run inside it, to see who called it.
    if (process.env.BENCH_TRACE_UNDER && parent) {
      const chain = [...open.map((o) => o.event.name), event.name].join(' > ');
      if (chain.includes(process.env.BENCH_TRACE_UNDER))
        self.set(`  ${chain}`, (self.get(`  ${chain}`) ?? 0) + (event.tdur ?? event.dur ?? 0));
    }
    open.push({ event, end });
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return [
    'Main-thread self time per keystroke (µs of CPU time where Chromium records it), calls per keystroke:',
    ...rows.map(([name, us]) => `${(us / keys).toFixed(0).padStart(8)} ${((calls.get(name) ?? 0) / keys).toFixed(1).padStart(6)}  ${name}`),
  ].join('\n');
}
