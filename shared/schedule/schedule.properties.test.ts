/**
 * Property tests of the schedule rules against a deliberately simple reference: walk the clock
 * forward minute by minute, read the local wall clock with luxon, and fire events whenever the
 * wall clock reaches (or jumps past) a delivery time or a window edge.
 */
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { catchUp } from './catch-up';
import { deliverySlotsBetween } from './delivery-slots';
import { isInFocusWindow } from './focus-windows';
import type { IsoWeekday } from './local-time';
import { nextDelivery } from './next-delivery';
import type { FocusWindow, ScheduleSettings } from './schedule-settings';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ZONES = [
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
] as const;
type Zone = (typeof ZONES)[number];

/** How far the reference walks back before `now`: longer than any chain of focus windows. */
const LOOKBACK = 16 * DAY;
/** How far ahead of `now` the properties look. */
const HORIZON = 3 * DAY;

// --- Reference ------------------------------------------------------------------------------

interface ReferenceTimeline {
  readonly deliveries: readonly number[];
  /** Focus-window occurrences whose start the walk saw: [start, end); end Infinity if unseen. */
  readonly focus: readonly { start: number; end: number }[];
}

const toMinutes = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
/** ISO weekday of a local day number (day 0 = Thursday 1970-01-01). */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/**
 * Offset in minutes at `t`. Looked up every six hours; where it differs at both ends of a block,
 * the one change inside is found by bisection (no zone changes offset twice within six hours).
 */
function offsetLookup(zoneName: string): (t: number) => number {
  const zone = IANAZone.create(zoneName);
  const BLOCK = 6 * HOUR;
  const blocks = new Map<number, { before: number; after: number; change: number }>();
  return (t) => {
    const start = Math.floor(t / BLOCK) * BLOCK;
    let block = blocks.get(start);
    if (block === undefined) {
      const before = zone.offset(start);
      const after = zone.offset(start + BLOCK);
      let [lo, hi] = [start, start + BLOCK]; // offset(lo) = before, offset(hi) = after
      while (before !== after && hi - lo > MIN) {
        const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
        if (zone.offset(mid) === before) lo = mid;
        else hi = mid;
      }
      block = { before, after, change: before === after ? Infinity : hi };
      blocks.set(start, block);
    }
    return t < block.change ? block.before : block.after;
  };
}

function referenceTimeline(
  zone: string,
  settings: ScheduleSettings,
  from: number,
  to: number,
): ReferenceTimeline {
  const offsetAt = offsetLookup(zone);
  const deliveryMinutes = new Map<number, Set<number>>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    const times = settings.deliveries[String(weekday) as keyof ScheduleSettings['deliveries']];
    deliveryMinutes.set(weekday, new Set(times.map(toMinutes)));
  }
  const windows = settings.focusWindows.flatMap((w) => {
    const start = toMinutes(w.start);
    const end = toMinutes(w.end); // "24:00" is 1440
    if (end === start) return []; // zero-length: never applies
    return [{ days: new Set<number>(w.days), start, end: end > start ? end : end + 1440 }];
  });

  const deliveries: number[] = [];
  const focus: { start: number; end: number }[] = [];
  const open = new Map<string, number>();
  let pending = false;
  let t = Math.ceil(from / MIN) * MIN;
  let highest = t / MIN + offsetAt(t) - 1; // the latest wall-clock minute already reached
  for (; t <= to; t += MIN) {
    const wall = t / MIN + offsetAt(t);
    let slot = false;
    for (let x = highest + 1; x <= wall; x++) {
      const day = Math.floor(x / 1440);
      const minute = x - day * 1440;
      if (deliveryMinutes.get(weekdayOf(day))?.has(minute) === true) slot = true;
      windows.forEach((w, i) => {
        if (minute === w.start && w.days.has(weekdayOf(day))) open.set(`${i}@${day}`, t);
        for (const startDay of [day, day - 1]) {
          if (startDay * 1440 + w.end === x && w.days.has(weekdayOf(startDay))) {
            const key = `${i}@${startDay}`;
            const start = open.get(key);
            if (start !== undefined) focus.push({ start, end: t });
            open.delete(key);
          }
        }
      });
    }
    highest = Math.max(highest, wall);
    if (slot || pending) {
      pending = open.size > 0;
      if (!pending) deliveries.push(t);
    }
  }
  // Occurrences still open when the walk stops end somewhere after it.
  for (const start of open.values()) focus.push({ start, end: Infinity });
  return { deliveries, focus };
}

// --- Generators -----------------------------------------------------------------------------

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Local times around each zone's DST changes (the skipped or repeated hour and its edges), as
 * [first, last] minutes of the day. Kathmandu and UTC have none.
 */
const CHANGE_HOURS: Readonly<Record<Zone, readonly [number, number] | null>> = {
  'Europe/London': [30, 150], // 01:00–02:00 skipped (March) / repeated (October)
  'America/New_York': [30, 210], // 02:00–03:00 skipped, 01:00–02:00 repeated
  'Australia/Lord_Howe': [60, 180], // 02:00–02:30 skipped, 01:30–02:00 repeated
  'Pacific/Chatham': [120, 270], // 02:45–03:45 skipped and repeated
  'Asia/Kathmandu': null,
  UTC: null,
};

/** Times of day: anywhere, round, or (often) around the zone's DST changes. */
function minuteOfDayIn(zone: Zone): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: 0, max: 1439 });
  const round = fc.constantFrom(0, 60, 90, 120, 150, 180, 540, 720, 780, 1080, 1260, 1439);
  const hours = CHANGE_HOURS[zone];
  const aroundChange = hours === null ? anywhere : fc.integer({ min: hours[0], max: hours[1] });
  return fc.oneof(anywhere, round, aroundChange, aroundChange);
}

function settingsIn(zone: Zone): fc.Arbitrary<ScheduleSettings> {
  const time = minuteOfDayIn(zone).map(hhmm);
  const end = fc.oneof(
    { weight: 5, arbitrary: time },
    { weight: 1, arbitrary: fc.constant('24:00') },
  );
  const window: fc.Arbitrary<FocusWindow> = fc.record({
    days: fc.uniqueArray(fc.constantFrom<IsoWeekday>(1, 2, 3, 4, 5, 6, 7), {
      minLength: 1,
      maxLength: 7,
    }),
    start: time,
    end,
  });
  const deliveries = fc.oneof(
    // The same times every day …
    fc.array(time, { minLength: 1, maxLength: 4 }).map((times) => {
      const out = {} as ScheduleSettings['deliveries'];
      for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) out[key] = [...times];
      return out;
    }),
    // … or each day its own (possibly none, possibly repeated).
    fc.record({
      '1': fc.array(time, { maxLength: 3 }),
      '2': fc.array(time, { maxLength: 3 }),
      '3': fc.array(time, { maxLength: 3 }),
      '4': fc.array(time, { maxLength: 3 }),
      '5': fc.array(time, { maxLength: 3 }),
      '6': fc.array(time, { maxLength: 3 }),
      '7': fc.array(time, { maxLength: 3 }),
    }),
  );
  return fc.record({ deliveries, focusWindows: fc.array(window, { maxLength: 3 }) });
}

const FIRST = Date.UTC(2024, 0, 1);
const LAST = Date.UTC(2031, 0, 1);

/** Instants where each zone's offset changes in 2024–2030 (to within six hours). */
function transitionsOf(zoneName: Zone): number[] {
  const zone = IANAZone.create(zoneName);
  const found: number[] = [];
  let previous = zone.offset(FIRST);
  for (let t = FIRST; t < LAST; t += 6 * HOUR) {
    const offset = zone.offset(t);
    if (offset !== previous) found.push(t);
    previous = offset;
  }
  return found;
}
const TRANSITIONS = new Map(ZONES.map((zone) => [zone, transitionsOf(zone)]));

/**
 * A zone, an instant (anywhere in 2024–2030, or mostly a little before a DST change so that the
 * horizon crosses it) and settings biased towards that zone's DST hours.
 */
const scenario = fc.constantFrom(...ZONES).chain((zone) => {
  const transitions = TRANSITIONS.get(zone) ?? [];
  const anywhere = fc.integer({ min: FIRST, max: LAST });
  const nearChange =
    transitions.length === 0
      ? anywhere
      : fc
          .tuple(fc.constantFrom(...transitions), fc.integer({ min: -2.5 * DAY, max: DAY }))
          .map(([change, delta]) => change + delta);
  return fc.record({
    zone: fc.constant(zone),
    now: fc.oneof(anywhere, nearChange, nearChange),
    settings: settingsIn(zone),
  });
});

function referenceAround(zone: string, settings: ScheduleSettings, now: number) {
  const timeline = referenceTimeline(zone, settings, now - LOOKBACK, now + HORIZON);
  return {
    focus: timeline.focus,
    upcoming: timeline.deliveries.filter((t) => t > now && t <= now + HORIZON),
  };
}

// --- Properties -----------------------------------------------------------------------------

describe('schedule rules (properties)', { timeout: HEAVY_TEST_MS }, () => {
  it('the reference itself handles a known DST case', () => {
    const s: ScheduleSettings = {
      deliveries: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': ['01:30', '02:30'] },
      focusWindows: [],
    };
    const now = Date.parse('2026-03-07T12:00:00Z');
    expect(referenceAround('America/New_York', s, now).upcoming).toEqual([
      Date.parse('2026-03-08T06:30:00Z'),
      Date.parse('2026-03-08T07:00:00Z'),
    ]);
    const fall = Date.parse('2026-10-31T12:00:00Z');
    expect(referenceAround('America/New_York', s, fall).upcoming).toEqual([
      Date.parse('2026-11-01T05:30:00Z'),
      Date.parse('2026-11-01T07:30:00Z'),
    ]);
  });

  it('(a) no delivery is ever inside a focus window', () => {
    fc.assert(
      fc.property(scenario, ({ zone, now, settings }) => {
        const deliveries = deliverySlotsBetween(now, now + HORIZON, zone, settings);
        const { focus } = referenceAround(zone, settings, now);
        for (const delivery of deliveries) {
          expect(isInFocusWindow(delivery, zone, settings)).toEqual({ inFocus: false });
          for (const window of focus) {
            expect(window.start <= delivery && delivery < window.end).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('(a′) isInFocusWindow agrees with the reference, endsAt being the end of the chain', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: HORIZON }),
        ({ zone, now, settings }, delta) => {
          const instant = now + delta;
          const { focus } = referenceAround(zone, settings, now);
          let end = instant;
          for (let moved = true; moved;) {
            moved = false;
            for (const w of focus) {
              if (w.start <= end && end < w.end) {
                end = w.end;
                moved = true;
              }
            }
          }
          const state = isInFocusWindow(instant, zone, settings);
          if (end === instant) expect(state).toEqual({ inFocus: false });
          else if (end <= now + HORIZON) expect(state).toEqual({ inFocus: true, endsAt: end });
          else expect(state.inFocus).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('(b) nextDelivery is strictly after now and is the true next slot', () => {
    fc.assert(
      fc.property(scenario, ({ zone, now, settings }) => {
        const next = nextDelivery(now, zone, settings);
        const [expected] = referenceAround(zone, settings, now).upcoming;
        if (expected !== undefined) {
          expect(next).toBe(expected);
        } else if (next !== null) {
          expect(next).toBeGreaterThan(now + HORIZON);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('(c) iterating nextDelivery never repeats an instant and equals deliverySlotsBetween', () => {
    fc.assert(
      fc.property(scenario, ({ zone, now, settings }) => {
        const stepped: number[] = [];
        let at = now;
        for (let step = 0; step < 8; step++) {
          const next = nextDelivery(at, zone, settings);
          if (next === null || next > now + HORIZON) break;
          expect(next).toBeGreaterThan(at);
          stepped.push(next);
          at = next;
        }
        const listed = deliverySlotsBetween(now, now + HORIZON, zone, settings);
        expect(stepped).toEqual(listed.slice(0, stepped.length));
        if (stepped.length < 8) expect(stepped).toEqual(listed);
        expect(listed).toEqual(referenceAround(zone, settings, now).upcoming);
      }),
      { numRuns: 60 },
    );
  });

  it('(d) sleeping through N deliveries gives exactly one catch-up delivery', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: HORIZON - HOUR }),
        ({ zone, now: asleepAt, settings }, sleep) => {
          const wake = asleepAt + sleep;
          const slept = referenceAround(zone, settings, asleepAt).upcoming.filter((t) => t <= wake);
          const first = catchUp(asleepAt, wake, zone, settings);
          expect(first).toEqual({
            due: slept.length > 0,
            slot: slept[slept.length - 1] ?? null,
            missed: slept.length,
          });
          // Delivered at `wake` (or recorded as the slot): checking again a moment later finds
          // nothing, and the next slot after waking is an ordinary single delivery.
          const recorded = first.slot ?? asleepAt;
          expect(catchUp(wake, wake + 1000, zone, settings).due).toBe(
            deliverySlotsBetween(wake, wake + 1000, zone, settings).length > 0,
          );
          expect(catchUp(recorded, wake, zone, settings).due).toBe(false);
          const following = nextDelivery(wake, zone, settings);
          if (following !== null) {
            expect(catchUp(wake, following - 1, zone, settings).due).toBe(false);
            expect(catchUp(wake, following, zone, settings)).toEqual({
              due: true,
              slot: following,
              missed: 1,
            });
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
