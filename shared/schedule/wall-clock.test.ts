import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  instantOfLocalTime,
  isKnownTimeZone,
  localDayOf,
  weekdayOfLocalDay,
  zoneNamed,
} from './wall-clock';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const at = (iso: string): number => Date.parse(iso);
const dayOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const HH_MM = (h: number, m: number): number => h * 60 + m;

function instant(zone: string, isoDate: string, h: number, m: number): string {
  return new Date(instantOfLocalTime(zoneNamed(zone), dayOf(isoDate), HH_MM(h, m))).toISOString();
}

describe('instantOfLocalTime', { timeout: HEAVY_TEST_MS }, () => {
  it('maps an ordinary local time to its instant', () => {
    expect(instant('Europe/London', '2026-01-15', 9, 0)).toBe('2026-01-15T09:00:00.000Z');
    expect(instant('Europe/London', '2026-07-15', 9, 0)).toBe('2026-07-15T08:00:00.000Z');
    expect(instant('Asia/Kathmandu', '2026-01-15', 9, 0)).toBe('2026-01-15T03:15:00.000Z');
    expect(instant('Pacific/Chatham', '2026-07-15', 9, 0)).toBe('2026-07-14T20:15:00.000Z');
    expect(instant('Pacific/Chatham', '2026-01-15', 9, 0)).toBe('2026-01-14T19:15:00.000Z');
  });

  it('maps a time skipped by spring-forward to the end of the gap', () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
    expect(instant('America/New_York', '2026-03-08', 2, 0)).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('America/New_York', '2026-03-08', 2, 30)).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('America/New_York', '2026-03-08', 2, 59)).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('America/New_York', '2026-03-08', 3, 0)).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('America/New_York', '2026-03-08', 1, 59)).toBe('2026-03-08T06:59:00.000Z');
    // London, 2026-03-29: 01:00 GMT jumps to 02:00 BST (01:00Z).
    expect(instant('Europe/London', '2026-03-29', 1, 30)).toBe('2026-03-29T01:00:00.000Z');
    // Lord Howe, 2026-10-04: 02:00 (+10:30) jumps to 02:30 (+11:00) — a 30-minute gap.
    expect(instant('Australia/Lord_Howe', '2026-10-04', 2, 15)).toBe('2026-10-03T15:30:00.000Z');
    expect(instant('Australia/Lord_Howe', '2026-10-04', 2, 30)).toBe('2026-10-03T15:30:00.000Z');
    // Chatham, 2026-09-27: 02:45 (+12:45) jumps to 03:45 (+13:45).
    expect(instant('Pacific/Chatham', '2026-09-27', 3, 0)).toBe('2026-09-26T14:00:00.000Z');
  });

  it('maps a time repeated by fall-back to its first occurrence', () => {
    // New York, 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
    expect(instant('America/New_York', '2026-11-01', 1, 30)).toBe('2026-11-01T05:30:00.000Z');
    expect(instant('America/New_York', '2026-11-01', 2, 0)).toBe('2026-11-01T07:00:00.000Z');
    // Lord Howe, 2026-04-05: 02:00 (+11) falls back to 01:30 (+10:30); 01:45 happens twice.
    expect(instant('Australia/Lord_Howe', '2026-04-05', 1, 45)).toBe('2026-04-04T14:45:00.000Z');
  });

  it('accepts minutes past the end of the day (next morning)', () => {
    expect(instant('UTC', '2026-01-15', 24 + 7, 0)).toBe('2026-01-16T07:00:00.000Z');
    expect(instant('UTC', '2026-01-15', 24, 0)).toBe('2026-01-16T00:00:00.000Z');
  });

  const ZONES = [
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'UTC',
  ];
  /** The local wall-clock reading at `t`, as minutes since 1970-01-01 00:00 local. */
  const wallMinutes = (zone: string, t: number): number => {
    const local = DateTime.fromMillis(t, { zone });
    return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) / 60_000;
  };
  const day2024 = dayOf('2024-01-01');
  const day2031 = dayOf('2031-01-01');

  it('is the first instant at which the clock shows that time or later (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: day2024, max: day2031 }),
        fc.oneof(fc.integer({ min: 0, max: 2879 }), fc.integer({ min: 0, max: 240 })),
        (zone, day, minute) => {
          const target = day * 1440 + minute;
          const t = instantOfLocalTime(IANAZone.create(zone), day, minute);
          expect(t % 60_000).toBe(0);
          expect(wallMinutes(zone, t)).toBeGreaterThanOrEqual(target);
          // Nothing shortly before shows the time yet (covers both occurrences of a repeat).
          for (const back of [1, 15, 30, 45, 60, 90, 120]) {
            expect(wallMinutes(zone, t - back * 60_000)).toBeLessThan(target);
          }
          // Either the clock shows exactly that time, or the time was skipped by a gap.
          if (wallMinutes(zone, t) !== target) {
            expect(IANAZone.create(zone).offset(t - 1)).toBeLessThan(
              IANAZone.create(zone).offset(t),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never maps a later local time to an earlier instant (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: day2024, max: day2031 }),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        (zone, day, a, b) => {
          const z = IANAZone.create(zone);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(instantOfLocalTime(z, day, lo)).toBeLessThanOrEqual(
            instantOfLocalTime(z, day, hi),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('local days', { timeout: HEAVY_TEST_MS }, () => {
  it('gives the local calendar day and ISO weekday of an instant', () => {
    const ny = zoneNamed('America/New_York');
    // 2026-01-05T03:00Z is still Sunday 4 January in New York.
    expect(localDayOf(ny, at('2026-01-05T03:00:00Z'))).toBe(dayOf('2026-01-04'));
    expect(weekdayOfLocalDay(dayOf('2026-01-04'))).toBe(7);
    expect(weekdayOfLocalDay(dayOf('2026-01-05'))).toBe(1);
    expect(localDayOf(zoneNamed('Pacific/Chatham'), at('2026-01-05T11:00:00Z'))).toBe(
      dayOf('2026-01-06'),
    );
  });

  it('knows IANA zone names and refuses others', () => {
    expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(() => zoneNamed('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
