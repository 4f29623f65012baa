/**
 * The order a person reads in: by priority tier; inside a tier, everything with the same person
 * together (the group whose newest item is newest comes first); inside a group, newest first.
 * Ties fall back to ids, so the order never depends on the input order.
 */

export interface Orderable {
  readonly personId: string;
  readonly threadId: string;
  readonly latestAt: number;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newestFirst(a: Orderable, b: Orderable): number {
  return (
    b.latestAt - a.latestAt || byText(a.threadId, b.threadId) || byText(a.personId, b.personId)
  );
}

/** Groups by person, then newest first, within each tier (lower tiers first). */
export function orderForReading<T extends Orderable>(
  items: readonly T[],
  tierOf: (item: T) => number,
): T[] {
  const tiers = new Map<number, Map<string, T[]>>();
  for (const item of items) {
    const tier = tierOf(item);
    let groups = tiers.get(tier);
    if (groups === undefined) {
      groups = new Map();
      tiers.set(tier, groups);
    }
    const group = groups.get(item.personId);
    if (group === undefined) groups.set(item.personId, [item]);
    else group.push(item);
  }

  const ordered: T[] = [];
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    const groups = [...(tiers.get(tier)?.values() ?? [])].map((group) => group.sort(newestFirst));
    groups.sort((a, b) => {
      const [newestA] = a;
      const [newestB] = b;
      if (newestA === undefined || newestB === undefined) return a.length - b.length;
      return newestFirst(newestA, newestB);
    });
    for (const group of groups) ordered.push(...group);
  }
  return ordered;
}
