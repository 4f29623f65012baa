/**
 * Mastodon ids are opaque strings, but ordered: Mastodon's are numbers written in decimal (a
 * longer one is larger), snac's too; other servers' sort as text (GoToSocial's ULIDs).
 */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The newer of two ids (either may be null). */
export function newerId(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareIds(a, b) >= 0 ? a : b;
}

/** The network's id inside a local id (`${accountId}|${networkId}`), or null for another account's. */
export function networkIdOf(localId: string, accountId: string): string | null {
  const prefix = `${accountId}|`;
  return localId.startsWith(prefix) && localId.length > prefix.length
    ? localId.slice(prefix.length)
    : null;
}
