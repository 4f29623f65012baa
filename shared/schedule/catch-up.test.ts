import { describe, expect, it } from 'vitest';
import { CATCH_UP_MAX_DAYS, catchUp } from './catch-up';
import {
  DEFAULT_SCHEDULE_SETTINGS,
  type FocusWindow,
  type ScheduleSettings,
} from './schedule-settings';

const at = (iso: string): number => Date.parse(iso);
const d = DEFAULT_SCHEDULE_SETTINGS;

function everyDay(times: string[], focusWindows: FocusWindow[] = []): ScheduleSettings {
  const deliveries = {} as ScheduleSettings['deliveries'];
  for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) deliveries[key] = [...times];
  return { deliveries, focusWindows };
}

describe('catchUp', () => {
  it('folds every slot slept through into ONE delivery for the latest', () => {
    // Last delivery Sunday 18:00; asleep until Monday 19:00 through 09:00, 13:00, 18:00.
    const result = catchUp(at('2026-01-04T18:00:00Z'), at('2026-01-05T19:00:00Z'), 'UTC', d);
    expect(result).toEqual({ due: true, slot: at('2026-01-05T18:00:00Z'), missed: 3 });
    // Having delivered it (recording either now or the slot), nothing more is due until 09:00.
    expect(catchUp(at('2026-01-05T19:00:00Z'), at('2026-01-05T19:00:05Z'), 'UTC', d).due).toBe(
      false,
    );
    expect(catchUp(at('2026-01-05T18:00:00Z'), at('2026-01-06T08:59:59Z'), 'UTC', d)).toEqual({
      due: false,
      slot: null,
      missed: 0,
    });
  });

  it('counts an on-time delivery as one slot, due exactly at the slot', () => {
    expect(catchUp(at('2026-01-05T09:00:00Z'), at('2026-01-05T13:00:00Z'), 'UTC', d)).toEqual({
      due: true,
      slot: at('2026-01-05T13:00:00Z'),
      missed: 1,
    });
    expect(catchUp(at('2026-01-05T09:00:00Z'), at('2026-01-05T12:59:59.999Z'), 'UTC', d).due).toBe(
      false,
    );
  });

  it('is not due when the clock went backwards', () => {
    expect(catchUp(at('2026-01-05T19:00:00Z'), at('2026-01-05T10:00:00Z'), 'UTC', d)).toEqual({
      due: false,
      slot: null,
      missed: 0,
    });
  });

  it('uses moved slots: a slot inside a focus window is due at the window end', () => {
    const s = everyDay(['09:00'], [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '12:00' }]);
    expect(catchUp(at('2026-01-05T07:00:00Z'), at('2026-01-05T11:00:00Z'), 'UTC', s).due).toBe(
      false,
    );
    expect(catchUp(at('2026-01-05T07:00:00Z'), at('2026-01-05T12:00:00Z'), 'UTC', s)).toEqual({
      due: true,
      slot: at('2026-01-05T12:00:00Z'),
      missed: 1,
    });
  });

  it('counts missed slots over at most CATCH_UP_MAX_DAYS after a very long absence', () => {
    const result = catchUp(0, at('2026-01-01T00:00:00Z'), 'UTC', d);
    expect(result.due).toBe(true);
    expect(result.slot).toBe(at('2025-12-31T18:00:00Z'));
    expect(result.missed).toBe(CATCH_UP_MAX_DAYS * 3);
  });
});
