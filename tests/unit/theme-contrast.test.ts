import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Both themes' colours live as custom properties at the top of renderer/styles.css. This reads
 * the light set (the first `:root`) and the dark set (the `:root` inside the
 * `prefers-color-scheme: dark` query) and holds the main text pairs to WCAG AA (4.5:1 for text).
 */
const css = readFileSync(join(__dirname, '../../renderer/styles.css'), 'utf8');

function variablesOf(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi))
    found.set(match[1] as string, (match[2] as string).toLowerCase());
  return found;
}

function themes(): { light: Map<string, string>; dark: Map<string, string> } {
  const lightBlock = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const darkBlock = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const light = variablesOf(lightBlock);
  // A dark value falls back to the light one where the dark set leaves it unchanged.
  const dark = new Map([...light, ...variablesOf(darkBlock)]);
  return { light, dark };
}

function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** Text colour on background: the pairs a page is read in. */
const TEXT_PAIRS: readonly [string, string][] = [
  ['ink', 'paper'],
  ['ink', 'canvas'],
  ['ink', 'chrome'],
  ['ink', 'judgement-bg'],
  ['ink', 'evidence-bg'],
  ['ink', 'snapshot-bg'],
  ['ink', 'hover'],
  ['ink', 'selected-bg'],
  ['ink', 'mark'],
  ['muted', 'paper'],
  ['muted', 'canvas'],
  ['muted', 'chrome'],
  ['link', 'paper'],
  ['link', 'canvas'],
  ['link', 'accent-bg'],
  ['accent-ink', 'accent'],
  ['danger', 'paper'],
  ['danger', 'danger-bg'],
  ['del-ink', 'danger-bg'],
  ['ins-ink', 'ok-bg'],
  ['ok', 'paper'],
  ['warn-ink', 'paper'],
  ['warn-ink-strong', 'warn-bg'],
  ['ink', 'warn-bg'],
  ['tip-ink', 'tip-bg'],
  ['tip-muted', 'tip-bg'],
  ['tip-ink', 'toast-error-bg'],
  ['quote-ink', 'paper'],
  ['judgement-accent', 'judgement-bg'],
];

describe('theme colours', () => {
  const { light, dark } = themes();

  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('gives the dark theme its own value for every colour it uses as a surface or text', () => {
    expect(light.size).toBeGreaterThan(40);
    for (const name of ['ink', 'muted', 'paper', 'canvas', 'link', 'danger', 'line']) expect(dark.get(name)).not.toBe(light.get(name));
  });

  for (const [name, set] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keeps the main text pairs at AA contrast in the ${name} theme`, () => {
      const failing = TEXT_PAIRS.flatMap(([text, surface]) => {
        const fg = set.get(text);
        const bg = set.get(surface);
        if (!fg || !bg) return [`${text} on ${surface}: missing`];
        const ratio = contrast(fg, bg);
        return ratio >= 4.5 ? [] : [`${text} (${fg}) on ${surface} (${bg}): ${ratio.toFixed(2)}`];
      });
      expect(failing).toEqual([]);
    });
  }
});
