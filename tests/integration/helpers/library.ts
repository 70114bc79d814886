import Database from 'better-sqlite3';
import { join } from 'node:path';
import { type NewSnapshot } from '../../../db/repositories/snapshots';
import { Workspace } from '../../../db/workspace';
import { WarrantError } from '../../../src/contract/errors';
import { type Quote, QuoteDraftSchema, type QuoteDraftInput } from '../../../src/domain/quote';
import { type SearchResults } from '../../../src/domain/search';
import { type SnapshotInfo } from '../../../src/domain/snapshot';
import { type Source, SourceDraftSchema, type SourceDraftInput, type SourceFilter } from '../../../src/domain/source';
import { type Tag, TagColourSchema, TagPathSchema } from '../../../src/domain/tag';
import { TempDirs } from './temp-workspace';

/**
 * One real temporary workspace per test, with a clock one second further on at every read (so
 * records have a known order), raw SQLite connections for tampering and inspection, and
 * builders that parse every draft through its zod schema, as the contract does before a
 * repository sees it.
 */
export class LibraryFixture {
  readonly temp = new TempDirs();
  path = '';
  private current: Workspace | undefined;
  private readonly raws: Database.Database[] = [];
  private tick = 0;

  /** beforeEach: a fresh workspace file. */
  open(): Workspace {
    this.tick = 0;
    this.path = join(this.temp.make(), 'library.warrant');
    this.current = Workspace.open(this.path, { create: true, now: () => this.clock() });
    return this.current;
  }

  /** afterEach: closes everything and removes the files. */
  close(): void {
    this.closeRaw();
    this.current?.close();
    this.current = undefined;
    this.temp.cleanup();
  }

  get ws(): Workspace {
    if (!this.current) throw new Error('The test workspace is not open.');
    return this.current;
  }

  /** Moves the clock on by `seconds` (e.g. past a session window). */
  advance(seconds: number): void {
    this.tick += seconds;
  }

  clock(): string {
    this.tick += 1;
    return new Date(Date.UTC(2026, 0, 1, 0, 0, this.tick)).toISOString();
  }

  /** Closes the workspace (and raw connections) and opens the same file again. */
  reopen(): Workspace {
    this.shut();
    this.current = Workspace.open(this.path, { now: () => this.clock() });
    return this.current;
  }

  /** Closes the workspace and raw connections, leaving the file for a later `reopen()`. */
  shut(): void {
    this.closeRaw();
    this.current?.close();
    this.current = undefined;
  }

  /** A second, plain connection to the same file (closed before the workspace closes). */
  raw(): Database.Database {
    const db = new Database(this.path);
    db.pragma('busy_timeout = 5000');
    this.raws.push(db);
    return db;
  }

  source(input: Partial<SourceDraftInput> = {}): Source {
    return this.ws.sources.create(SourceDraftSchema.parse({ title: 'NATO Secretary General visits Tokyo', kind: 'news_report', ...input }));
  }

  quote(sourceId: string, input: Partial<QuoteDraftInput> = {}): Quote {
    return this.ws.quotes.create(QuoteDraftSchema.parse({ sourceId, text: 'North Korea is a global threat.', ...input }));
  }

  /** A quote selected in the snapshot: its span is where `text` first occurs (in code points). */
  selectedQuote(sourceId: string, text: string, input: Partial<QuoteDraftInput> = {}): Quote {
    return this.quote(sourceId, { text, span: spanOf(this.ws.snapshots.text(sourceId).text, text), ...input });
  }

  tag(path: string, color?: string): Tag {
    return this.ws.tags.create(TagPathSchema.parse(path), color === undefined ? null : TagColourSchema.parse(color));
  }

  /** Attaches a snapshot whose bytes are the UTF-8 of its text unless given. */
  snapshot(sourceId: string, text: string, overrides: Partial<NewSnapshot> = {}): SnapshotInfo {
    return this.ws.snapshots.attach(sourceId, {
      fileName: 'capture.txt',
      mediaType: 'text/plain',
      bytes: new TextEncoder().encode(text),
      text,
      pageOffsets: null,
      ...overrides,
    });
  }

  search(text: string, filter: SourceFilter = {}, limit = 20): SearchResults {
    return this.ws.search.search(text, filter, limit);
  }

  private closeRaw(): void {
    for (const db of this.raws.splice(0)) if (db.open) db.close();
  }
}

/** Code-point span of the first occurrence of `needle` in `haystack`. */
export function spanOf(haystack: string, needle: string): { start: number; end: number } {
  const at = haystack.indexOf(needle);
  if (at < 0) throw new Error(`“${needle}” is not in the text.`);
  const start = [...haystack.slice(0, at)].length;
  return { start, end: start + [...needle].length };
}

/** Runs `action`, which must fail with a WarrantError, and returns that error. */
export function failure(action: () => unknown): WarrantError {
  try {
    action();
  } catch (error) {
    if (error instanceof WarrantError) return error;
    throw error;
  }
  throw new Error('Expected the call to fail with a WarrantError, but it succeeded.');
}

export function ids(items: readonly { id: string }[]): string[] {
  return items.map((item) => item.id);
}

export function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}
