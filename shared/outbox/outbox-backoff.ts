/**
 * Retry delays for the outbox: exponential backoff with full jitter
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 *
 *   ceiling(n) = min(capMs, baseMs * 2^(n - 1))      n = attempts made so far (1 after the first)
 *   delay(n)   = floor(random() * ceiling(n))         uniformly in [0, ceiling(n)), so never above capMs
 *
 * A rate-limit answer with Retry-After overrides the jitter from below:
 *
 *   delay = max(min(retryAfterMs, maxRetryAfterMs), jittered delay)
 *
 * Pure: the caller passes the random source, so tests are deterministic.
 */

export interface BackoffPolicy {
  /** The ceiling after the first failed attempt. */
  readonly baseMs: number;
  /** No jittered delay is ever longer than this. */
  readonly capMs: number;
  /**
   * A server's Retry-After is honoured up to this long. Longer values are clamped so that a broken
   * header (say, a year) cannot park a reply forever; Mastodon's longest window is 3 hours.
   */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 2_000,
  capMs: 15 * 60_000,
  maxRetryAfterMs: 6 * 60 * 60_000,
};

/** 2^30 × 2 s is far beyond any cap; stops the power from overflowing to Infinity. */
const MAX_EXPONENT = 30;

/** The upper bound of the jittered delay after `attempts` attempts (≥ 1). */
export function backoffCeilingMs(
  attempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const n = Math.max(1, Math.floor(attempts));
  const exponent = Math.min(n - 1, MAX_EXPONENT);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** A random() result forced into [0, 1), whatever the source returned (NaN counts as 0). */
export function unitInterval(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}

/**
 * How long to wait before the next attempt, after `attempts` attempts have failed transiently.
 * `retryAfterMs` is the server's Retry-After, when it sent one.
 */
export function backoffDelayMs(
  attempts: number,
  random: () => number,
  retryAfterMs: number | null = null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const jittered = Math.floor(unitInterval(random()) * backoffCeilingMs(attempts, policy));
  if (retryAfterMs === null || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) {
    return jittered;
  }
  return Math.max(Math.ceil(Math.min(retryAfterMs, policy.maxRetryAfterMs)), jittered);
}
