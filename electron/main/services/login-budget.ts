import type { Clock } from './clock';

/**
 * How many times Slowpost logs in to each Bluesky server. The service allows 30 logins in 5
 * minutes and 300 in a day for an account; Slowpost logs in only when the user signs in (a sync
 * resumes or refreshes the saved session instead), so reaching these means something is wrong or
 * someone keeps trying: past them, a sign-in is refused before it is sent, with a sentence saying
 * when to try again. Every attempt counts, refused or not (the server counts them too).
 *
 * Kept per server origin, in memory for as long as the app runs.
 */

export interface LoginWindow {
  readonly ms: number;
  readonly max: number;
}

export const BLUESKY_LOGIN_WINDOWS: readonly LoginWindow[] = [
  { ms: 5 * 60_000, max: 30 },
  { ms: 24 * 60 * 60_000, max: 300 },
];

export type LoginAdmission =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface LoginBudget {
  /** Counts one login to `origin` when the budget allows it; otherwise says how long to wait. */
  take(origin: string): LoginAdmission;
  /** Logins counted for `origin` within the longest window. */
  count(origin: string): number;
}

export function createLoginBudget(options: {
  readonly clock: Pick<Clock, 'now'>;
  readonly windows?: readonly LoginWindow[];
}): LoginBudget {
  const windows = options.windows ?? BLUESKY_LOGIN_WINDOWS;
  const longest = Math.max(...windows.map((w) => w.ms));
  const logins = new Map<string, number[]>();

  function recent(origin: string, now: number): number[] {
    const kept = (logins.get(origin) ?? []).filter((at) => at > now - longest);
    logins.set(origin, kept);
    return kept;
  }

  return {
    take(origin) {
      const now = options.clock.now();
      const times = recent(origin, now);
      let wait = 0;
      for (const window of windows) {
        const inside = times.filter((at) => at > now - window.ms);
        if (inside.length >= window.max) {
          // The oldest login that must leave the window before one more fits.
          const oldest = inside[inside.length - window.max] ?? now;
          wait = Math.max(wait, oldest + window.ms - now);
        }
      }
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      times.push(now);
      return { ok: true };
    },
    count: (origin) => recent(origin, options.clock.now()).length,
  };
}
