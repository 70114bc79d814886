import type Database from 'better-sqlite3';

/**
 * The route of the workspace's last place, read straight from its table: the browser host asks it
 * before (and without) loading the repositories and zod. Null when none is kept or it does not
 * read as one; db/repositories/last-place.ts validates the whole place for everything else.
 */
export function lastPlaceRoute(db: Database.Database): string | null {
  try {
    const value = db.prepare('SELECT value FROM last_place WHERE id = 1').pluck().get();
    if (typeof value !== 'string') return null;
    const place: unknown = JSON.parse(value);
    const route = typeof place === 'object' && place !== null ? (place as { route?: unknown }).route : null;
    return typeof route === 'string' ? route : null;
  } catch {
    return null;
  }
}
