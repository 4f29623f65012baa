import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from './local-time';
import { nextDelivery } from './next-delivery';
import {
  DEFAULT_SCHEDULE_SETTINGS,
  type FocusWindow,
  type ScheduleSettings,
} from './schedule-settings';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** The same delivery times every day, plus focus windows. */
function everyDay(times: string[], focusWindows: FocusWindow[] = []): ScheduleSettings {
  const deliveries = {} as ScheduleSettings['deliveries'];
  for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) deliveries[key] = [...times];
  return { deliveries, focusWindows };
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const next = (now: string, zone: string, settings: ScheduleSettings): string | null =>
  iso(nextDelivery(at(now), zone, settings));

describe('nextDelivery with the default schedule', () => {
  it('is the next of 09:00, 13:00, 18:00, strictly after now', () => {
    const d = DEFAULT_SCHEDULE_SETTINGS;
    expect(next('2026-01-05T08:00:00Z', 'UTC', d)).toBe('2026-01-05T09:00:00.000Z');
    expect(next('2026-01-05T09:00:00Z', 'UTC', d)).toBe('2026-01-05T13:00:00.000Z');
    expect(next('2026-01-05T08:59:59.999Z', 'UTC', d)).toBe('2026-01-05T09:00:00.000Z');
    expect(next('2026-01-05T18:00:00Z', 'UTC', d)).toBe('2026-01-06T09:00:00.000Z');
    // London in summer is UTC+1.
    expect(next('2026-07-01T07:30:00Z', 'Europe/London', d)).toBe('2026-07-01T08:00:00.000Z');
  });

  it('uses ISO weekdays: a Sunday-only delivery happens on Sunday', () => {
    const sundayOnly = everyDay([]);
    sundayOnly.deliveries['7'] = ['10:00'];
    // 2026-01-05 is a Monday; the next Sunday is 2026-01-11.
    expect(next('2026-01-05T08:00:00Z', 'UTC', sundayOnly)).toBe('2026-01-11T10:00:00.000Z');
  });

  it('is null when nothing can ever be delivered', () => {
    expect(nextDelivery(at('2026-01-05T08:00:00Z'), 'UTC', everyDay([]))).toBeNull();
    const allFocus = everyDay(
      ['09:00'],
      [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
    );
    expect(nextDelivery(at('2026-01-05T08:00:00Z'), 'UTC', allFocus)).toBeNull();
  });

  it('rejects an unknown zone and a non-finite now', () => {
    expect(() => nextDelivery(0, 'Mars/Olympus_Mons', DEFAULT_SCHEDULE_SETTINGS)).toThrow(
      RangeError,
    );
    expect(() => nextDelivery(Number.NaN, 'UTC', DEFAULT_SCHEDULE_SETTINGS)).toThrow(RangeError);
  });
});

describe('nextDelivery with focus windows', () => {
  const deepWork = everyDay(
    ['09:00', '13:00', '18:00'],
    [{ label: 'Deep work', days: WEEKDAYS, start: '09:00', end: '12:00' }],
  );

  it('moves the 09:00 delivery to 12:00 on weekdays, not on weekends', () => {
    // Monday 2026-01-05.
    expect(next('2026-01-05T08:00:00Z', 'UTC', deepWork)).toBe('2026-01-05T12:00:00.000Z');
    expect(next('2026-01-05T10:00:00Z', 'UTC', deepWork)).toBe('2026-01-05T12:00:00.000Z');
    expect(next('2026-01-05T12:00:00Z', 'UTC', deepWork)).toBe('2026-01-05T13:00:00.000Z');
    // Saturday 2026-01-10 and Sunday 2026-01-11.
    expect(next('2026-01-10T08:00:00Z', 'UTC', deepWork)).toBe('2026-01-10T09:00:00.000Z');
    expect(next('2026-01-11T08:00:00Z', 'UTC', deepWork)).toBe('2026-01-11T09:00:00.000Z');
  });

  it('applies a window in local time of the zone', () => {
    // 09:00 in New York in January is 14:00Z; the window ends at 12:00 EST = 17:00Z.
    expect(next('2026-01-05T12:00:00Z', 'America/New_York', deepWork)).toBe(
      '2026-01-05T17:00:00.000Z',
    );
  });

  it('moves deliveries inside a cross-midnight window to its end the next morning, merged', () => {
    // Friday night 21:00 until Saturday 07:00: Friday's 22:00 and Saturday's 06:00 both land at
    // Saturday 07:00, once.
    const nights = everyDay(
      ['06:00', '13:00', '22:00'],
      [{ days: [5], start: '21:00', end: '07:00' }],
    );
    expect(next('2026-01-09T20:00:00Z', 'UTC', nights)).toBe('2026-01-10T07:00:00.000Z');
    expect(next('2026-01-10T07:00:00Z', 'UTC', nights)).toBe('2026-01-10T13:00:00.000Z');
    // Thursday night has no window: 22:00 and then 06:00 as usual.
    expect(next('2026-01-08T20:00:00Z', 'UTC', nights)).toBe('2026-01-08T22:00:00.000Z');
    expect(next('2026-01-08T22:00:00Z', 'UTC', nights)).toBe('2026-01-09T06:00:00.000Z');
  });

  it('merges deliveries that move to the same window end with one already there', () => {
    const morning = everyDay(
      ['08:30', '09:00', '10:00', '15:00'],
      [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '10:00' }],
    );
    expect(next('2026-01-05T07:00:00Z', 'UTC', morning)).toBe('2026-01-05T10:00:00.000Z');
    expect(next('2026-01-05T10:00:00Z', 'UTC', morning)).toBe('2026-01-05T15:00:00.000Z');
  });

  it('keeps moving through chained and overlapping windows', () => {
    const chained = everyDay(
      ['09:00', '15:00'],
      [
        { days: [1], start: '08:00', end: '10:00' },
        { days: [1], start: '10:00', end: '11:00' },
        { days: [1], start: '10:30', end: '11:45' },
      ],
    );
    expect(next('2026-01-05T07:00:00Z', 'UTC', chained)).toBe('2026-01-05T11:45:00.000Z');
    // On Tuesday there are no windows.
    expect(next('2026-01-06T07:00:00Z', 'UTC', chained)).toBe('2026-01-06T09:00:00.000Z');
  });

  it('ends an "after 21:00" window (21:00–24:00) at midnight', () => {
    const evenings = everyDay(
      ['09:00', '22:00'],
      [{ days: [1, 2, 3, 4, 5, 6, 7], start: '21:00', end: '24:00' }],
    );
    expect(next('2026-01-05T20:00:00Z', 'UTC', evenings)).toBe('2026-01-06T00:00:00.000Z');
    expect(next('2026-01-06T00:00:00Z', 'UTC', evenings)).toBe('2026-01-06T09:00:00.000Z');
  });

  it('carries a Sunday-night window over into Monday', () => {
    const sundayNight = everyDay(['06:00', '09:00'], [{ days: [7], start: '22:00', end: '07:00' }]);
    // Sunday 2026-01-11 22:00 until Monday 2026-01-12 07:00.
    expect(next('2026-01-11T12:00:00Z', 'UTC', sundayNight)).toBe('2026-01-12T07:00:00.000Z');
    // Sunday morning itself is not in focus (the Saturday has no window).
    expect(next('2026-01-11T00:00:00Z', 'UTC', sundayNight)).toBe('2026-01-11T06:00:00.000Z');
  });
});

describe('nextDelivery across daylight-saving changes', () => {
  it('Europe/London spring-forward: 01:30 (skipped) happens once, at 02:00 BST', () => {
    const s = everyDay(['01:30']);
    expect(next('2026-03-28T12:00:00Z', 'Europe/London', s)).toBe('2026-03-29T01:00:00.000Z');
    expect(next('2026-03-29T01:00:00Z', 'Europe/London', s)).toBe('2026-03-30T00:30:00.000Z');
  });

  it('America/New_York spring-forward: 02:30 (skipped) happens once, at 03:00 EDT', () => {
    const s = everyDay(['02:30', '03:00']);
    expect(next('2026-03-08T05:00:00Z', 'America/New_York', s)).toBe('2026-03-08T07:00:00.000Z');
    // 03:00 EDT is the same instant: merged, so the next one is the next night.
    expect(next('2026-03-08T07:00:00Z', 'America/New_York', s)).toBe('2026-03-09T06:30:00.000Z');
  });

  it('America/New_York fall-back: 01:30 (repeated) fires once, at its first occurrence', () => {
    const s = everyDay(['01:30']);
    expect(next('2026-11-01T04:00:00Z', 'America/New_York', s)).toBe('2026-11-01T05:30:00.000Z');
    // Not again at 01:30 EST (06:30Z): next is Monday 01:30 EST.
    expect(next('2026-11-01T05:30:00Z', 'America/New_York', s)).toBe('2026-11-02T06:30:00.000Z');
  });

  it('Australia/Lord_Howe: 30-minute shifts both ways', () => {
    // 2026-10-04: 02:00 (+10:30) jumps to 02:30 (+11:00); 02:15 happens at the jump.
    const spring = everyDay(['02:15']);
    expect(next('2026-10-03T12:00:00Z', 'Australia/Lord_Howe', spring)).toBe(
      '2026-10-03T15:30:00.000Z',
    );
    expect(next('2026-10-03T15:30:00Z', 'Australia/Lord_Howe', spring)).toBe(
      '2026-10-04T15:15:00.000Z',
    );
    // 2026-04-05: 02:00 (+11:00) falls back to 01:30 (+10:30); 01:45 fires once.
    const autumn = everyDay(['01:45']);
    expect(next('2026-04-04T12:00:00Z', 'Australia/Lord_Howe', autumn)).toBe(
      '2026-04-04T14:45:00.000Z',
    );
    expect(next('2026-04-04T14:45:00Z', 'Australia/Lord_Howe', autumn)).toBe(
      '2026-04-05T15:15:00.000Z',
    );
  });

  it('Asia/Kathmandu (+05:45)', () => {
    expect(next('2026-01-05T00:00:00Z', 'Asia/Kathmandu', DEFAULT_SCHEDULE_SETTINGS)).toBe(
      '2026-01-05T03:15:00.000Z',
    );
    expect(next('2026-01-05T03:15:00Z', 'Asia/Kathmandu', DEFAULT_SCHEDULE_SETTINGS)).toBe(
      '2026-01-05T07:15:00.000Z',
    );
  });

  it('Pacific/Chatham (+12:45 winter, +13:45 summer, 02:45 → 03:45)', () => {
    const d = DEFAULT_SCHEDULE_SETTINGS;
    expect(next('2026-07-01T00:00:00Z', 'Pacific/Chatham', d)).toBe('2026-07-01T00:15:00.000Z');
    expect(next('2026-01-15T00:00:00Z', 'Pacific/Chatham', d)).toBe('2026-01-15T04:15:00.000Z');
    // 2026-09-27 03:00 local does not exist: it happens at 03:45 (+13:45) = 14:00Z.
    expect(next('2026-09-26T12:00:00Z', 'Pacific/Chatham', everyDay(['03:00']))).toBe(
      '2026-09-26T14:00:00.000Z',
    );
  });

  it('a focus window ending inside the gap ends at the gap end', () => {
    // New York 2026-03-08: window 01:00–02:30 ends at 03:00 EDT (07:00Z); 01:30 moves there.
    const s = everyDay(['01:30'], [{ days: [7], start: '01:00', end: '02:30' }]);
    expect(next('2026-03-08T05:00:00Z', 'America/New_York', s)).toBe('2026-03-08T07:00:00.000Z');
  });
});

describe('nextDelivery when travelling', () => {
  it('treats delivery times as wall-clock times of the zone in effect', () => {
    const now = '2026-01-05T08:00:00Z'; // Monday
    const d = DEFAULT_SCHEDULE_SETTINGS;
    expect(next(now, 'Europe/London', d)).toBe('2026-01-05T09:00:00.000Z');
    // 03:00 in New York: the next is 09:00 EST.
    expect(next(now, 'America/New_York', d)).toBe('2026-01-05T14:00:00.000Z');
    // 17:00 in Tokyo: the next is 18:00 JST.
    expect(next(now, 'Asia/Tokyo', d)).toBe('2026-01-05T09:00:00.000Z');
    // 13:45 in Kathmandu: the next is 18:00 NPT.
    expect(next(now, 'Asia/Kathmandu', d)).toBe('2026-01-05T12:15:00.000Z');
  });
});
