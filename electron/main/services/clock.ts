/**
 * Time as the main-process services see it. The app uses the system clock; tests and the loopback
 * test host use a manual one they move by hand, so a whole day runs in a second.
 */
export interface Clock {
  now(): number;
  /** Calls back after `ms` (a timer may fire late, or — across sleep — not at all). */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

export interface ManualClock extends Clock {
  set(now: number): void;
  /** Moves time without running any timer, as a sleeping machine does. */
  sleepUntil(now: number): void;
  /** Timers still waiting (they fire when `set` passes their time). */
  pendingTimers(): number;
}

export function createManualClock(start: number): ManualClock {
  let current = start;
  let timers: { at: number; callback: () => void }[] = [];
  return {
    now: () => current,
    setTimer(callback, ms) {
      const timer = { at: current + Math.max(0, ms), callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    set(now) {
      current = now;
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.callback();
    },
    sleepUntil(now) {
      current = now;
    },
    pendingTimers: () => timers.length,
  };
}
