import { describe, expect, it } from 'vitest';
import { movedDelivery } from './moved-delivery';
import { nextDelivery } from './next-delivery';
import type { FocusWindow, ScheduleSettings } from './schedule-settings';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number): string => new Date(t).toISOString();
const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

function everyDay(times: string[], focusWindows: FocusWindow[] = []): ScheduleSettings {
  const deliveries = {} as ScheduleSettings['deliveries'];
  for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) deliveries[key] = [...times];
  return { deliveries, focusWindows };
}

const deepWork: FocusWindow = {
  label: 'Deep work',
  days: [...WEEKDAYS],
  start: '09:00',
  end: '12:00',
};

/** The next delivery after `now`, and why it moved (if it did). */
function explain(now: string, zone: string, settings: ScheduleSettings) {
  const next = nextDelivery(at(now), zone, settings);
  if (next === null) throw new Error('no delivery');
  const moved = movedDelivery(next, zone, settings);
  return {
    next: iso(next),
    from: moved === null ? null : iso(moved.scheduledFor),
    windows: moved?.windows.map((w) => w.label ?? `${w.start}–${w.end}`) ?? [],
  };
}

describe('movedDelivery', () => {
  it('says which slot a focus window moved, and which window', () => {
    // 2026-01-05 is a Monday.
    expect(
      explain('2026-01-05T07:00:00Z', 'UTC', everyDay(['09:00', '13:00'], [deepWork])),
    ).toEqual({
      next: '2026-01-05T12:00:00.000Z',
      from: '2026-01-05T09:00:00.000Z',
      windows: ['Deep work'],
    });
  });

  it('is null for a delivery at its own time', () => {
    const settings = everyDay(['09:00', '13:00'], [deepWork]);
    expect(explain('2026-01-05T12:30:00Z', 'UTC', settings).from).toBeNull();
    // Saturday: deep work is weekdays only.
    expect(explain('2026-01-10T07:00:00Z', 'UTC', settings).from).toBeNull();
  });

  it('is null when a slot moved onto another slot (that one is on time)', () => {
    const settings = everyDay(['09:00', '12:00'], [deepWork]);
    expect(explain('2026-01-05T07:00:00Z', 'UTC', settings)).toEqual({
      next: '2026-01-05T12:00:00.000Z',
      from: null,
      windows: [],
    });
  });

  it('names the earliest slot when several landed on one delivery', () => {
    const settings = everyDay(['09:00', '10:00', '11:30'], [deepWork]);
    expect(explain('2026-01-05T07:00:00Z', 'UTC', settings).from).toBe('2026-01-05T09:00:00.000Z');
  });

  it('names every window of a chain of back-to-back windows, in order', () => {
    const settings = everyDay(
      ['09:00'],
      [
        { label: 'Deep work', days: [...EVERY_DAY], start: '10:00', end: '12:00' },
        { label: 'Stand-up', days: [...EVERY_DAY], start: '08:30', end: '10:00' },
        { days: [...EVERY_DAY], start: '12:00', end: '12:30' },
      ],
    );
    const explained = explain('2026-01-05T07:00:00Z', 'UTC', settings);
    expect(explained).toEqual({
      next: '2026-01-05T12:30:00.000Z',
      from: '2026-01-05T09:00:00.000Z',
      windows: ['Stand-up', 'Deep work', '12:00–12:30'],
    });
  });

  it('follows a window crossing midnight: a late slot arrives the next morning', () => {
    const settings = everyDay(
      ['08:00', '22:00'],
      [{ label: 'Quiet evenings', days: [...EVERY_DAY], start: '21:00', end: '07:00' }],
    );
    expect(explain('2026-01-05T18:00:00Z', 'UTC', settings)).toEqual({
      next: '2026-01-06T07:00:00.000Z',
      from: '2026-01-05T22:00:00.000Z',
      windows: ['Quiet evenings'],
    });
    // Asked after midnight, inside the window: still the 22:00 slot of the day before.
    expect(explain('2026-01-06T01:00:00Z', 'UTC', settings).from).toBe('2026-01-05T22:00:00.000Z');
  });

  it('works in a zone with an offset', () => {
    // Berlin is UTC+1 in winter: 09:00 local is 08:00Z, moved to 12:00 local (11:00Z).
    expect(
      explain('2026-01-05T06:00:00Z', 'Europe/Berlin', everyDay(['09:00'], [deepWork])),
    ).toEqual({
      next: '2026-01-05T11:00:00.000Z',
      from: '2026-01-05T08:00:00.000Z',
      windows: ['Deep work'],
    });
  });

  it('is null for an instant that is no delivery of the schedule', () => {
    const settings = everyDay(['09:00'], [deepWork]);
    expect(movedDelivery(at('2026-01-05T11:00:00Z'), 'UTC', settings)).toBeNull();
  });
});
