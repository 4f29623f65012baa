/** How often time in a session is added while it is on screen. */
export const SESSION_STEP_MS = 15_000;

/**
 * The time to add for one step, from the last step at `last` to `now`: the time between, but no
 * more than two steps. Timers stop while the computer sleeps (and a throttled page runs them
 * late): the time across such a gap was not spent in the session, so it is not added.
 */
export function sessionStepMs(last: number, now: number): number {
  const between = now - last;
  if (!Number.isFinite(between) || between <= 0) return 0;
  return Math.min(between, 2 * SESSION_STEP_MS);
}
