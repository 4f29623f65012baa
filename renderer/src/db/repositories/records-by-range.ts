/**
 * The records with these ids, in the order asked (ids with no record are left out). One index
 * range that holds most of them is read first (`range`: one large read instead of one request
 * per id); whatever it misses is read `byId`. The range only makes it faster, never different.
 */
export async function recordsByRange<T extends { readonly id: string }>(
  ids: readonly string[],
  range: (() => Promise<readonly T[]>) | null,
  byId: (ids: string[]) => Promise<readonly (T | undefined)[]>,
): Promise<T[]> {
  const wanted = new Set(ids);
  const found = new Map<string, T>();
  if (range !== null && wanted.size > 0) {
    for (const record of await range()) if (wanted.has(record.id)) found.set(record.id, record);
  }
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) {
    for (const record of await byId(missing)) {
      if (record !== undefined) found.set(record.id, record);
    }
  }
  return ids.flatMap((id) => {
    const record = found.get(id);
    return record === undefined ? [] : [record];
  });
}

/** A range read stops after this many records per id asked: a wide range costs at most that. */
export const RANGE_READ_FACTOR = 3;
