/**
 * Mastodon's rate limit (rack-attack): a budget of requests per fixed window, per token (or per
 * address without one). Every answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset` (ISO 8601, when the window ends); past the budget the answer is 429 with
 * `Retry-After`. Mastodon's default: 300 requests per 5 minutes.
 */
import type { ContractClock } from './contract-clock';

export interface RateBudget {
  readonly limit: number;
  readonly periodSeconds: number;
}

export const MASTODON_RATE_BUDGET: RateBudget = { limit: 300, periodSeconds: 300 };

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
}

export interface RateLimiter {
  take(key: string): RateDecision;
  /** A new budget; every count starts afresh. */
  setBudget(budget: RateBudget): void;
  budget(): RateBudget;
}

/** Rails' `iso8601(6)`: microseconds, `Z`. */
function iso6(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function createRateLimiter(clock: ContractClock, initial: RateBudget): RateLimiter {
  let current = initial;
  let counts = new Map<string, { window: number; count: number }>();
  return {
    take(key) {
      const periodMs = current.periodSeconds * 1000;
      const now = clock.now();
      const window = Math.floor(now / periodMs);
      const entry = counts.get(key);
      const count = entry !== undefined && entry.window === window ? entry.count + 1 : 1;
      counts.set(key, { window, count });
      const resetAt = (window + 1) * periodMs;
      const headers: Record<string, string> = {
        'x-ratelimit-limit': String(current.limit),
        'x-ratelimit-remaining': String(Math.max(0, current.limit - count)),
        'x-ratelimit-reset': iso6(resetAt),
      };
      const allowed = count <= current.limit;
      if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
      return { allowed, headers };
    },
    setBudget(budget) {
      if (!(budget.limit >= 0) || !(budget.periodSeconds > 0)) {
        throw new Error(`not a rate budget: ${JSON.stringify(budget)}`);
      }
      current = budget;
      counts = new Map();
    },
    budget: () => current,
  };
}
