import { describe, expect, it } from 'vitest';
import { defaultScheduleSettings } from '@shared/schedule';
import type { ScheduleSettings } from '@shared/schedule';
import { createManualClock } from './clock';
import { createDeliveryClock } from './delivery-clock';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const ZONE = 'Europe/London';
/** 2026-11-25 (a Wednesday) at hh:mm London time (UTC in November). */
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);

function setup(
  start: number,
  schedule: ScheduleSettings = defaultScheduleSettings(),
  last: number | null = null,
  confirm = true,
) {
  const clock = createManualClock(start);
  const due: { slot: number; missed: number }[] = [];
  const statuses: (number | null)[] = [];
  const deliveryClock: ReturnType<typeof createDeliveryClock> = createDeliveryClock({
    clock,
    onDue: (slot, missed) => {
      due.push({ slot, missed });
      if (confirm) deliveryClock.confirm(slot); // the renderer stored the delivery
    },
    onStatus: (status) => statuses.push(status.nextDeliveryAt),
  });
  const status = deliveryClock.configure({ schedule, timeZone: ZONE, lastDeliveredSlot: last });
  return { clock, due, statuses, deliveryClock, status };
}

describe('the delivery clock', { timeout: HEAVY_TEST_MS }, () => {
  it('knows the next delivery and fires at each slot of a day, once', () => {
    const { clock, due, status } = setup(at(7));
    expect(status.nextDeliveryAt).toBe(at(9));
    for (let minute = 7 * 60; minute <= 23 * 60; minute += 1) clock.set(at(0) + minute * 60_000);
    expect(due.map((d) => d.slot)).toEqual([at(9), at(13), at(18)]);
    expect(due.every((d) => d.missed === 1)).toBe(true);
  });

  it('fires nothing for the past on the very first run', () => {
    const { due } = setup(at(20));
    expect(due).toEqual([]);
  });

  it('after sleeping through several deliveries, makes one catch-up on resume', () => {
    const { clock, due, deliveryClock } = setup(at(8));
    // Asleep from 08:00 until 19:30: no timer runs; then the OS reports resume.
    clock.sleepUntil(at(19, 30));
    deliveryClock.check();
    expect(due).toEqual([{ slot: at(18), missed: 3 }]);
    // Looking again, and the stale timers finally firing, deliver nothing more…
    deliveryClock.check();
    clock.set(at(19, 31));
    expect(due).toHaveLength(1);
    // …and the next evening slot tomorrow morning comes as usual.
    clock.set(at(9, 0, 26));
    expect(due.map((d) => d.slot)).toEqual([at(18), at(9, 0, 26)]);
  });

  it('announces a due slot again until the renderer confirms it (nothing is lost while reloading)', () => {
    const { clock, due, deliveryClock } = setup(at(8), defaultScheduleSettings(), null, false);
    clock.set(at(9));
    clock.set(at(9, 0) + 30_000);
    expect(due).toHaveLength(1); // not more than once a minute
    clock.set(at(9, 2));
    expect(due.map((d) => d.slot)).toEqual([at(9), at(9)]);
    // A page that (re)configures the clock is told at once, without waiting out the minute.
    deliveryClock.configure({
      schedule: defaultScheduleSettings(),
      timeZone: ZONE,
      lastDeliveredSlot: null,
    });
    expect(due).toHaveLength(3);
    deliveryClock.confirm(at(9));
    clock.set(at(9, 10));
    expect(due).toHaveLength(3);
  });

  it('catches up once at launch for deliveries missed while the app was closed', () => {
    const { due } = setup(at(10, 30, 27), defaultScheduleSettings(), at(18, 0, 25));
    expect(due).toEqual([{ slot: at(9, 0, 27), missed: 4 }]);
  });

  it('delivers nothing inside a focus window and picks up at its end', () => {
    const schedule: ScheduleSettings = {
      ...defaultScheduleSettings(),
      focusWindows: [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '12:00' }],
    };
    const { clock, due, status } = setup(at(8), schedule);
    expect(status.nextDeliveryAt).toBe(at(12));
    for (let minute = 8 * 60; minute <= 12 * 60 + 5; minute += 1)
      clock.set(at(0) + minute * 60_000);
    expect(due.map((d) => d.slot)).toEqual([at(12)]);
  });

  it('reports focus time and when it ends', () => {
    const schedule: ScheduleSettings = {
      ...defaultScheduleSettings(),
      focusWindows: [{ days: [3], start: '10:00', end: '12:30' }],
    };
    const { status } = setup(at(11), schedule);
    expect(status.focusEndsAt).toBe(at(12, 30));
  });

  it('follows a time-zone change (travel): 09:00 is 09:00 where the user is now', () => {
    const { deliveryClock } = setup(at(7));
    const status = deliveryClock.configure({
      schedule: defaultScheduleSettings(),
      timeZone: 'America/New_York',
      lastDeliveredSlot: null,
    });
    // 07:00 London is 02:00 in New York: the next delivery is 09:00 New York = 14:00 UTC.
    expect(status.nextDeliveryAt).toBe(at(14));
  });

  it('keeps a timer armed, and re-arms within a minute even for far-away deliveries', () => {
    const { clock } = setup(at(7), {
      deliveries: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] },
      focusWindows: [],
    });
    expect(clock.pendingTimers()).toBe(1);
  });
});
