import { describe, expect, it } from 'vitest';
import { deliverySlotsBetween } from './delivery-slots';
import {
  DEFAULT_SCHEDULE_SETTINGS,
  type FocusWindow,
  type ScheduleSettings,
} from './schedule-settings';

const at = (iso: string): number => Date.parse(iso);

function everyDay(times: string[], focusWindows: FocusWindow[] = []): ScheduleSettings {
  const deliveries = {} as ScheduleSettings['deliveries'];
  for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) deliveries[key] = [...times];
  return { deliveries, focusWindows };
}

const between = (from: string, to: string, zone: string, settings: ScheduleSettings): string[] =>
  deliverySlotsBetween(at(from), at(to), zone, settings).map((t) => new Date(t).toISOString());

describe('deliverySlotsBetween', () => {
  it('lists deliveries in (from, to]: from excluded, to included', () => {
    expect(
      between('2026-01-05T09:00:00Z', '2026-01-06T09:00:00Z', 'UTC', DEFAULT_SCHEDULE_SETTINGS),
    ).toEqual(['2026-01-05T13:00:00.000Z', '2026-01-05T18:00:00.000Z', '2026-01-06T09:00:00.000Z']);
    expect(
      between('2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', 'UTC', DEFAULT_SCHEDULE_SETTINGS),
    ).toEqual([]);
    expect(
      between('2026-01-06T10:00:00Z', '2026-01-05T10:00:00Z', 'UTC', DEFAULT_SCHEDULE_SETTINGS),
    ).toEqual([]);
  });

  it('moves slots out of focus windows and lists each instant once', () => {
    const s = everyDay(
      ['08:30', '09:00', '10:00', '15:00'],
      [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '10:00' }],
    );
    expect(between('2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z', 'UTC', s)).toEqual([
      '2026-01-05T10:00:00.000Z',
      '2026-01-05T15:00:00.000Z',
    ]);
  });

  it('includes a slot from before `from` that a window moved past it', () => {
    const s = everyDay(['09:00'], [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '12:00' }]);
    expect(between('2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z', 'UTC', s)).toEqual([
      '2026-01-05T12:00:00.000Z',
    ]);
    expect(between('2026-01-05T10:00:00Z', '2026-01-05T11:59:59Z', 'UTC', s)).toEqual([]);
    expect(between('2026-01-05T12:00:00Z', '2026-01-06T11:59:59Z', 'UTC', s)).toEqual([]);
  });

  it('delivers a fall-back repeated time once and a spring-forward skipped time once', () => {
    const ny = 'America/New_York';
    expect(
      between('2026-11-01T00:00:00Z', '2026-11-01T12:00:00Z', ny, everyDay(['01:30'])),
    ).toEqual(['2026-11-01T05:30:00.000Z']);
    expect(
      between(
        '2026-03-08T00:00:00Z',
        '2026-03-08T12:00:00Z',
        ny,
        everyDay(['02:10', '02:40', '03:00']),
      ),
    ).toEqual(['2026-03-08T07:00:00.000Z']);
  });

  it('is empty when there is nothing to deliver', () => {
    expect(between('2026-01-05T00:00:00Z', '2026-02-05T00:00:00Z', 'UTC', everyDay([]))).toEqual(
      [],
    );
  });
});
