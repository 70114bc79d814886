import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLABORATOR_COLOURS, collaboratorColour } from '../../renderer/editor/plugins/collaboration/collaborator-colour';

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

describe('co-writers’ colours', () => {
  it('keep a white name readable (AA) on every colour, and the label edge is the theme’s ink', () => {
    for (const colour of COLLABORATOR_COLOURS) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    const css = readFileSync(join(__dirname, '../../renderer/editor/plugins/collaboration/co-writing.css'), 'utf8');
    expect(css).toMatch(/\.co-writing-cursors span > span \{\s*outline: 1px solid var\(--ink\);/);
  });

  it('gives a user the same colour every time, and different users mostly different ones', () => {
    expect(collaboratorColour('ana')).toBe(collaboratorColour('ana'));
    const users = ['ana', 'bob', 'carla', 'dmitri', 'eun-ji', 'farah'];
    expect(new Set(users.map(collaboratorColour)).size).toBeGreaterThanOrEqual(4);
  });
});
