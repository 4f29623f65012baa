/**
 * How long to wait before trying again to store what the user wrote, after `failures` failed
 * attempts in a row (≥ 1): soon at first, then at most every 30 seconds. Typing tries again at
 * once, whatever the delay.
 */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

export function saveRetryDelayMs(failures: number): number {
  const index = Math.min(Math.max(1, Math.floor(failures)), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[index] ?? 30_000;
}
