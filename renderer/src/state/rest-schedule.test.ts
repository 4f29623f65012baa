import { describe, expect, it } from 'vitest';
import { createRestSchedule } from './rest-schedule';

/** A clock the test moves by hand: `soon` runs on `paint()`, `later` when its time comes. */
function manualClock() {
  let now = 0;
  let soon: Array<() => void> = [];
  let timers: Array<{ at: number; run: () => void }> = [];
  return {
    clock: {
      now: () => now,
      soon: (run: () => void) => soon.push(run),
      later: (run: () => void, ms: number) => timers.push({ at: now + ms, run }),
    },
    paint() {
      const due = soon;
      soon = [];
      due.forEach((run) => run());
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = end;
    },
  };
}

describe('a schedule that waits for a run of changes to rest', () => {
  it('follows what is scheduled before any change at once (nothing has moved yet)', () => {
    const time = manualClock();
    const schedule = createRestSchedule(1_000, time.clock);
    const runs: number[] = [];
    schedule.schedule(() => runs.push(time.clock.now()));
    time.paint();
    expect(runs).toEqual([0]);
  });

  it('follows a change after a quiet spell at once (after the next paint)', () => {
    const time = manualClock();
    const schedule = createRestSchedule(1_000, time.clock);
    const runs: number[] = [];
    schedule.changed();
    schedule.schedule(() => runs.push(time.clock.now()));
    expect(runs).toEqual([]);
    time.paint();
    expect(runs).toEqual([0]);
  });

  it('follows a quick run of changes once, when the run has rested', () => {
    const time = manualClock();
    const schedule = createRestSchedule(1_000, time.clock);
    const runs: number[] = [];
    const run = () => runs.push(time.clock.now());
    schedule.changed();
    schedule.schedule(run);
    time.paint();
    // Keys every 120 ms: nothing is written while they come…
    for (let key = 0; key < 10; key++) {
      time.advance(120);
      schedule.changed();
      if (key === 0) schedule.schedule(run);
      time.paint();
    }
    expect(runs).toEqual([0]);
    // …and once, a second after the last one.
    time.advance(999);
    expect(runs).toEqual([0]);
    time.advance(1);
    expect(runs).toEqual([0, 2_200]);
    // Quiet again: the next change is followed at once.
    time.advance(5_000);
    schedule.changed();
    schedule.schedule(run);
    time.paint();
    expect(runs).toEqual([0, 2_200, 7_200]);
  });
});
