/**
 * Ids shaped as Mastodon's: statuses and accounts get snowflake ids (milliseconds << 16, plus a
 * sequence), strings of 18 digits that do not fit in a JavaScript number; notifications and
 * follows count up from 1, as their database rows do. All ids are compared as big integers.
 */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `value` is an id Mastodon would accept in a URL or `max_id` (digits only). */
export function isId(value: string): boolean {
  return /^\d{1,20}$/.test(value);
}

export function createSnowflakes(): (atMilliseconds: number) => string {
  let last = 0n;
  return (atMilliseconds) => {
    const candidate = BigInt(Math.max(0, Math.floor(atMilliseconds))) << 16n;
    last = candidate > last ? candidate : last + 1n;
    return last.toString();
  };
}

export function createCounter(): () => number {
  let last = 0;
  return () => ++last;
}
