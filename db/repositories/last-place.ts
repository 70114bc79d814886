import { LastPlaceSchema, type LastPlace } from '../../src/domain/place';
import type { StoreContext } from '../store-context';

/**
 * The place a restart returns to. Kept in the workspace, not the page's storage: the browser
 * host's address gets a new port on each start (a new origin, with empty storage), and the file
 * is what the desktop app and `warrant web` share. A received workspace opens where its sender
 * was, which is harmless: a place is an address, never text.
 */
export class LastPlaceRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Null when none was kept or what was kept does not read as a place. */
  get(): LastPlace | null {
    const value = this.ctx.db.prepare('SELECT value FROM last_place WHERE id = 1').pluck().get();
    if (typeof value !== 'string') return null;
    try {
      const parsed = LastPlaceSchema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  set(place: LastPlace): void {
    this.ctx.db
      .prepare('INSERT INTO last_place (id, value) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value')
      .run(JSON.stringify(place));
    this.ctx.afterWrite();
  }
}
