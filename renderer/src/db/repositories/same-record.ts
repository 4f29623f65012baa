/**
 * Deep equality for stored records (plain JSON-like values: objects, arrays, strings, numbers,
 * booleans, null). Writing `next` over `stored` changes nothing when this is true, so the write
 * can be skipped. Key order does not matter; a key set to `undefined` differs from a missing key
 * (IndexedDB stores them differently).
 */
export function sameRecord(stored: unknown, next: unknown): boolean {
  if (Object.is(stored, next)) return true;
  if (typeof stored !== 'object' || typeof next !== 'object' || stored === null || next === null)
    return false;
  if (Array.isArray(stored) !== Array.isArray(next)) return false;
  const a = stored as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameRecord(a[key], b[key]));
}
