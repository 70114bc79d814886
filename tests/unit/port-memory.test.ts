import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortMemory } from '../../main/web-host/port-memory';

describe('the port warrant web last served a workspace on', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'warrant-ports-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is recalled per workspace file, by its absolute path', () => {
    const memory = new PortMemory(join(dir, 'data'));
    expect(memory.recall('/w/a.warrant')).toBeNull();
    memory.remember('/w/a.warrant', 41234);
    memory.remember('/w/b.warrant', 41235);
    memory.remember('/w/a.warrant', 41236);
    expect(new PortMemory(join(dir, 'data')).recall('/w/x/../a.warrant')).toBe(41236);
    expect(memory.recall('/w/b.warrant')).toBe(41235);
  });

  it('treats an unreadable or tampered file as no memory, and forgets the oldest beyond fifty', () => {
    const memory = new PortMemory(dir);
    writeFileSync(join(dir, 'web-ports.json'), '{broken');
    expect(memory.recall('/w/a.warrant')).toBeNull();
    writeFileSync(join(dir, 'web-ports.json'), JSON.stringify({ '/w/a.warrant': 'eighty', '/w/b.warrant': 70000 }));
    expect(memory.recall('/w/a.warrant')).toBeNull();
    expect(memory.recall('/w/b.warrant')).toBeNull();
    for (let index = 0; index < 60; index += 1) memory.remember(`/w/${index}.warrant`, 40000 + index);
    const kept = Object.keys(JSON.parse(readFileSync(join(dir, 'web-ports.json'), 'utf8')) as object);
    expect(kept).toHaveLength(50);
    expect(memory.recall('/w/0.warrant')).toBeNull();
    expect(memory.recall('/w/59.warrant')).toBe(40059);
  });
});
