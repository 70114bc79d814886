import type { Page } from '@playwright/test';

/**
 * Keystroke → next paint, in the page: from the keydown event's timestamp to a message posted
 * from the next animation frame (which runs after that frame's style, layout and paint).
 * Page-side code is a string: bench/ is type-checked without the DOM library.
 */
const PROBE = `(() => {
  const samples = [];
  window.__latencies = samples;
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => samples.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }, true);
})()`;

export async function installLatencyProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE);
}

/** Types `count` characters (words and spaces) with a typist's pause between keys; returns the latencies. */
export async function typeAndMeasure(page: Page, count: number, pauseMs: number): Promise<number[]> {
  const text = 'the analysts assessed pressure on the regime ';
  for (let i = 0; i < count; i += 1) {
    const char = text[i % text.length] ?? 'x';
    await page.keyboard.press(char === ' ' ? 'Space' : char);
    await page.waitForTimeout(pauseMs);
  }
  await page.waitForTimeout(200);
  return (await page.evaluate('window.__latencies.slice()')) as number[];
}
