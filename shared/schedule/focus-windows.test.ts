import { describe, expect, it } from 'vitest';
import { isInFocusWindow } from './focus-windows';
import type { FocusWindow, ScheduleSettings } from './schedule-settings';

const at = (iso: string): number => Date.parse(iso);

function withWindows(focusWindows: FocusWindow[]): ScheduleSettings {
  const deliveries = {} as ScheduleSettings['deliveries'];
  for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) deliveries[key] = ['09:00'];
  return { deliveries, focusWindows };
}

const focus = (iso: string, zone: string, settings: ScheduleSettings): string | false => {
  const state = isInFocusWindow(at(iso), zone, settings);
  return state.inFocus ? new Date(state.endsAt).toISOString() : false;
};

describe('isInFocusWindow', () => {
  const deepWork = withWindows([{ days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }]);

  it('is half-open: the start is inside, the end is outside', () => {
    // Monday 2026-01-05.
    expect(focus('2026-01-05T08:59:59.999Z', 'UTC', deepWork)).toBe(false);
    expect(focus('2026-01-05T09:00:00Z', 'UTC', deepWork)).toBe('2026-01-05T12:00:00.000Z');
    expect(focus('2026-01-05T11:59:59.999Z', 'UTC', deepWork)).toBe('2026-01-05T12:00:00.000Z');
    expect(focus('2026-01-05T12:00:00Z', 'UTC', deepWork)).toBe(false);
  });

  it('only on the window’s days, in the zone’s local time', () => {
    expect(focus('2026-01-10T10:00:00Z', 'UTC', deepWork)).toBe(false); // Saturday
    expect(focus('2026-01-05T10:00:00Z', 'America/New_York', deepWork)).toBe(false); // 05:00 EST
    expect(focus('2026-01-05T15:00:00Z', 'America/New_York', deepWork)).toBe(
      '2026-01-05T17:00:00.000Z',
    );
  });

  it('covers the next morning for a cross-midnight window, also from Sunday into Monday', () => {
    const sundayNight = withWindows([{ days: [7], start: '21:00', end: '07:00' }]);
    expect(focus('2026-01-11T20:59:00Z', 'UTC', sundayNight)).toBe(false);
    expect(focus('2026-01-11T23:00:00Z', 'UTC', sundayNight)).toBe('2026-01-12T07:00:00.000Z');
    expect(focus('2026-01-12T06:00:00Z', 'UTC', sundayNight)).toBe('2026-01-12T07:00:00.000Z');
    expect(focus('2026-01-12T07:00:00Z', 'UTC', sundayNight)).toBe(false);
    // Saturday night has no window.
    expect(focus('2026-01-10T23:00:00Z', 'UTC', sundayNight)).toBe(false);
  });

  it('reports the end of the whole chain of back-to-back windows', () => {
    const chain = withWindows([
      { days: [1, 2, 3, 4, 5, 6, 7], start: '21:00', end: '24:00' },
      { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '06:30' },
    ]);
    expect(focus('2026-01-05T22:00:00Z', 'UTC', chain)).toBe('2026-01-06T06:30:00.000Z');
    expect(focus('2026-01-06T00:00:00Z', 'UTC', chain)).toBe('2026-01-06T06:30:00.000Z');
  });

  it('ignores a zero-length window (start = end)', () => {
    const zero = withWindows([{ days: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '07:00' }]);
    expect(focus('2026-01-05T07:00:00Z', 'UTC', zero)).toBe(false);
    expect(focus('2026-01-05T10:00:00Z', 'UTC', zero)).toBe(false);
  });

  it('never ends (Infinity) when the windows cover the whole week', () => {
    const covered = withWindows([
      { days: [1, 2, 3, 4, 5, 6, 7], start: '12:00', end: '24:00' },
      { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '12:00' },
    ]);
    expect(isInFocusWindow(at('2026-01-05T10:00:00Z'), 'UTC', covered)).toEqual({
      inFocus: true,
      endsAt: Infinity,
    });
  });

  it('maps window edges through DST like delivery times', () => {
    // New York 2026-03-08: 02:00–04:00 starts at the gap end 03:00 EDT (07:00Z), ends 08:00Z.
    const gap = withWindows([{ days: [7], start: '02:00', end: '04:00' }]);
    expect(focus('2026-03-08T06:59:00Z', 'America/New_York', gap)).toBe(false);
    expect(focus('2026-03-08T07:00:00Z', 'America/New_York', gap)).toBe('2026-03-08T08:00:00.000Z');
    // New York 2026-11-01: 00:30–01:30 ends at the first 01:30 (05:30Z); the repeated 01:00–01:30
    // EST (06:00Z–06:30Z) is after the window.
    const repeat = withWindows([{ days: [7], start: '00:30', end: '01:30' }]);
    expect(focus('2026-11-01T05:00:00Z', 'America/New_York', repeat)).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(focus('2026-11-01T06:15:00Z', 'America/New_York', repeat)).toBe(false);
  });
});
