/**
 * When to do something that follows a value the user changes, often in quick runs (the open
 * conversation, on every j, k or triage key): the first change after a quiet spell is followed
 * at once (`soon`, e.g. after the next frame), and changes that come on its heels wait until
 * none has come for `restMs` — a run of keystrokes costs one write, made once the keys rest.
 */
export interface RestSchedule {
  /** The value changed now. */
  changed(): void;
  /** Schedules `run` (once per call) as the changes so far call for. */
  schedule(run: () => void): void;
}

export interface RestScheduleClock {
  readonly now: () => number;
  readonly soon: (run: () => void) => void;
  readonly later: (run: () => void, ms: number) => void;
}

export function createRestSchedule(restMs: number, clock: RestScheduleClock): RestSchedule {
  let lastChange = -Infinity;
  let previousChange = -Infinity;
  return {
    changed() {
      previousChange = lastChange;
      lastChange = clock.now();
    },
    schedule(run) {
      // Quiet: no change yet, or the last one came long after the one before it.
      if (previousChange === -Infinity || lastChange - previousChange >= restMs) {
        clock.soon(run);
        return;
      }
      // In a run of changes: once none has come for `restMs` (each one puts it off).
      const whenRested = (): void => {
        const waited = clock.now() - lastChange;
        if (waited >= restMs) run();
        else clock.later(whenRested, restMs - waited);
      };
      clock.later(whenRested, restMs);
    },
  };
}
