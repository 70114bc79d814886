import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RecentWorkspace } from '../src/contract/operations';

export const MAX_RECENT = 10;

/** Puts `path` first, without duplicates, keeping at most `max` entries. */
export function withRecent(list: readonly string[], path: string, max = MAX_RECENT): string[] {
  return [path, ...list.filter((entry) => entry !== path)].slice(0, max);
}

/** The recently opened workspaces, kept in a small JSON file in the user's data folder. */
export class RecentWorkspaces {
  constructor(private readonly file: string) {}

  paths(): string[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  list(): RecentWorkspace[] {
    return this.paths().map((path) => ({ name: basename(path), path }));
  }

  add(path: string): void {
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(withRecent(this.paths(), path), null, 2));
  }
}
