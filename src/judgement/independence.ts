/**
 * Independent sources: sources joined by derived-from links (in either direction, transitively)
 * are one strand of reporting and count once. A news story resting on a speech adds no
 * corroboration to the speech.
 */
export function countIndependent(sourceIds: Iterable<string>, derivations: Iterable<readonly [string, string]>): number {
  return independentGroups(sourceIds, derivations).size;
}

/**
 * Maps each given source to a representative of its strand. Derivations may mention sources
 * outside `sourceIds`: a chain through an unlisted source still joins its ends.
 */
export function independentGroups(sourceIds: Iterable<string>, derivations: Iterable<readonly [string, string]>): Map<string, string[]> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    let walk = id;
    while (walk !== root) {
      const next = parent.get(walk) as string;
      parent.set(walk, root);
      walk = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const [from, to] of derivations) {
    if (!parent.has(from)) parent.set(from, from);
    if (!parent.has(to)) parent.set(to, to);
    union(from, to);
  }
  const groups = new Map<string, string[]>();
  for (const id of new Set(sourceIds)) {
    const root = parent.has(id) ? find(id) : id;
    const members = groups.get(root);
    if (members) members.push(id);
    else groups.set(root, [id]);
  }
  return groups;
}
