import { WarrantError } from '../src/contract/warrant-error';

/**
 * Decides which known migrations still need applying. The applied list must be a prefix of
 * the known one: anything else means the file was written by a newer or divergent build,
 * and touching it could destroy data.
 */
export function planMigrations(known: readonly string[], applied: readonly string[], fileLabel: string): string[] {
  const knownSet = new Set(known);
  const unknown = applied.filter((id) => !knownSet.has(id));
  if (unknown.length > 0) {
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${fileLabel}: it was saved by a newer version of Warrant (it has ${unknown.length === 1 ? 'a change' : 'changes'} this version does not know: ${unknown.slice(0, 3).join(', ')}). Update Warrant to open it.`,
    );
  }
  const isPrefix = applied.every((id, index) => known[index] === id);
  if (!isPrefix) {
    throw new WarrantError(
      'workspace_unavailable',
      `Cannot open ${fileLabel}: its structure does not match any version of Warrant (its changes were applied out of order). It was left untouched.`,
    );
  }
  return known.slice(applied.length);
}
