import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensurePrivateDataDir } from '../paths';

const FILE_NAME = 'web-ports.json';
/** Enough for every workspace one analyst serves; the oldest are forgotten first. */
const MAX_ENTRIES = 50;

/**
 * The port `warrant web` last served each workspace on. A restart that gets the same port serves
 * the same origin, so a tab left open reconnects when given the new address (only its token
 * differs) and a page opened later finds the drafts kept in that origin's storage.
 */
export class PortMemory {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, FILE_NAME);
  }

  private read(): Record<string, number> {
    try {
      const value: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
      const ports: Record<string, number> = {};
      for (const [path, port] of Object.entries(value)) {
        if (Number.isInteger(port) && (port as number) > 0 && (port as number) <= 65535) ports[path] = port as number;
      }
      return ports;
    } catch {
      // Missing or unreadable: a free port is picked, as on a first start.
      return {};
    }
  }

  recall(workspacePath: string): number | null {
    return this.read()[resolve(workspacePath)] ?? null;
  }

  /** Best effort: a read-only data folder costs only the same address next time. */
  remember(workspacePath: string, port: number): void {
    const key = resolve(workspacePath);
    const entries = Object.entries(this.read()).filter(([path]) => path !== key);
    entries.push([key, port]);
    try {
      ensurePrivateDataDir(this.dataDir);
      writeFileSync(this.file, `${JSON.stringify(Object.fromEntries(entries.slice(-MAX_ENTRIES)), null, 1)}\n`, { mode: 0o600 });
    } catch {
      // Nothing else depends on it.
    }
  }
}
