import type { Clock } from './clock';

/**
 * One rate-limit record per account, kept by the gateway so that sync and sending share it.
 *
 * - The server's `X-RateLimit-Limit/Remaining/Reset` headers are read from every answer. Sending
 *   a post has a budget of its own on Mastodon (its answers carry that budget's headers), so it is
 *   kept apart from the budget every other request draws on.
 * - Sync keeps a reserve for sending: once the shared budget falls to the reserve (a fifth of the
 *   limit), sync requests wait for the reset; sending may use the rest.
 * - A 429 from the server holds back every request of that account until its `Retry-After`
 *   (seconds or an HTTP date; without one, the budget's reset, else a minute), clamped to
 *   between one second and six hours.
 * - Requests in flight count against the budget before their answers arrive, so a burst of
 *   parallel requests cannot overdraw it.
 *
 * Pure: time comes from the injected clock.
 */

export type RequestKind = 'sync' | 'send';

/** Sending a post (Mastodon) or creating a record (AT Protocol); everything else is sync. */
export function requestKind(method: string, pathname: string): RequestKind {
  if (method.toUpperCase() !== 'POST') return 'sync';
  return pathname === '/api/v1/statuses' || pathname === '/xrpc/com.atproto.repo.createRecord'
    ? 'send'
    : 'sync';
}

export interface Budget {
  readonly limit: number;
  readonly remaining: number;
  /** When the server refills the budget (epoch ms). */
  readonly resetAt: number;
}

export interface RateLimitStatus {
  /** What every request but sending draws on; null when unknown or past its reset. */
  readonly shared: Budget | null;
  /** Sending's own budget; null when unknown or past its reset. */
  readonly sending: Budget | null;
  /** Every request of the account waits until then after a 429; null when none applies. */
  readonly heldUntil: number | null;
}

export type Admission =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Whole seconds, at least 1: what the gateway puts in `Retry-After`. */
      readonly retryAfterSeconds: number;
      readonly reason: 'retry-after' | 'reserve' | 'exhausted';
    };

export interface RateLimits {
  /** May a request of this kind go now? When it may, it is counted against the budget. */
  admit(accountId: string, kind: RequestKind): Admission;
  /** Reads the server's answer: its rate-limit headers, and a 429's `Retry-After`. */
  record(accountId: string, kind: RequestKind, status: number, headers: Headers): void;
  status(accountId: string): RateLimitStatus;
  forget(accountId: string): void;
}

export interface RateLimitOptions {
  readonly clock: Pick<Clock, 'now'>;
  /** The share of the limit sync leaves for sending (default 0.2). */
  readonly reserveFraction?: number;
  /** The longest any wait may be (default six hours). */
  readonly maxWaitMs?: number;
  /** The wait after a 429 that names none (default one minute). */
  readonly defaultRetryAfterMs?: number;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;

interface AccountState {
  shared: Budget | null;
  sending: Budget | null;
  heldUntil: number | null;
}

export function createRateLimits(options: RateLimitOptions): RateLimits {
  const reserveFraction = options.reserveFraction ?? 0.2;
  const maxWaitMs = options.maxWaitMs ?? 6 * HOUR;
  const defaultRetryAfterMs = options.defaultRetryAfterMs ?? 60 * SECOND;
  const accounts = new Map<string, AccountState>();

  const now = (): number => options.clock.now();
  const clampUntil = (at: number): number =>
    Math.min(Math.max(at, now() + SECOND), now() + maxWaitMs);

  function state(accountId: string): AccountState {
    let found = accounts.get(accountId);
    if (found === undefined) {
      found = { shared: null, sending: null, heldUntil: null };
      accounts.set(accountId, found);
    }
    // Whatever has reached its reset no longer says anything.
    const t = now();
    if (found.shared !== null && found.shared.resetAt <= t) found.shared = null;
    if (found.sending !== null && found.sending.resetAt <= t) found.sending = null;
    if (found.heldUntil !== null && found.heldUntil <= t) found.heldUntil = null;
    return found;
  }

  const waitFor = (until: number): number => Math.max(1, Math.ceil((until - now()) / SECOND));

  return {
    admit(accountId, kind) {
      const s = state(accountId);
      if (s.heldUntil !== null) {
        return { ok: false, retryAfterSeconds: waitFor(s.heldUntil), reason: 'retry-after' };
      }
      if (kind === 'send' && s.sending !== null && s.sending.remaining <= 0) {
        return { ok: false, retryAfterSeconds: waitFor(s.sending.resetAt), reason: 'exhausted' };
      }
      if (s.shared !== null) {
        const reserve = kind === 'sync' ? Math.ceil(s.shared.limit * reserveFraction) : 0;
        if (s.shared.remaining <= reserve) {
          return {
            ok: false,
            retryAfterSeconds: waitFor(s.shared.resetAt),
            reason: kind === 'sync' && s.shared.remaining > 0 ? 'reserve' : 'exhausted',
          };
        }
        s.shared = { ...s.shared, remaining: s.shared.remaining - 1 };
      }
      if (kind === 'send' && s.sending !== null) {
        s.sending = { ...s.sending, remaining: s.sending.remaining - 1 };
      }
      return { ok: true };
    },

    record(accountId, kind, status, headers) {
      const s = state(accountId);
      const budget = readBudget(headers, now(), clampUntil);
      if (budget !== null) {
        if (kind === 'send') s.sending = budget;
        else s.shared = budget;
      }
      if (status === 429) {
        const retryAt = readRetryAfter(headers.get('retry-after'), now());
        const until = clampUntil(retryAt ?? budget?.resetAt ?? now() + defaultRetryAfterMs);
        s.heldUntil = Math.max(s.heldUntil ?? 0, until);
      }
    },

    status(accountId) {
      const s = state(accountId);
      return { shared: s.shared, sending: s.sending, heldUntil: s.heldUntil };
    },

    forget(accountId) {
      accounts.delete(accountId);
    },
  };
}

const WHOLE_NUMBER = /^\s*\d{1,15}\s*$/;

/** A budget from the three headers, or null when any is missing or makes no sense. */
function readBudget(
  headers: Headers,
  now: number,
  clampUntil: (at: number) => number,
): Budget | null {
  const limitText = headers.get('x-ratelimit-limit');
  const remainingText = headers.get('x-ratelimit-remaining');
  const resetAt = readReset(headers.get('x-ratelimit-reset'), now);
  if (limitText === null || remainingText === null || resetAt === null) return null;
  if (!WHOLE_NUMBER.test(limitText) || !WHOLE_NUMBER.test(remainingText)) return null;
  const limit = Number(limitText);
  const remaining = Number(remainingText);
  if (limit <= 0 || resetAt <= now) return null;
  return { limit, remaining: Math.min(remaining, limit), resetAt: clampUntil(resetAt) };
}

/**
 * `X-RateLimit-Reset`: Mastodon sends an ISO 8601 instant; some compatible servers send epoch
 * seconds, others the seconds left.
 */
function readReset(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (WHOLE_NUMBER.test(value)) {
    const n = Number(value);
    return n > 1_000_000_000 ? n * SECOND : now + n * SECOND;
  }
  return readDate(value);
}

/** `Retry-After`: whole seconds, or an HTTP date. Null when absent or unreadable. */
export function readRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (WHOLE_NUMBER.test(value)) return now + Number(value) * SECOND;
  return readDate(value);
}

/**
 * An HTTP date or an ISO 8601 instant. `Date.parse` alone takes almost anything ("-3" is a year),
 * so a date must at least name a four-digit year and hold a letter (a weekday, a month, or `T`).
 */
function readDate(value: string): number | null {
  if (!/\d{4}/.test(value) || !/[A-Za-z]/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}
