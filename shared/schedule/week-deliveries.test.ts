import { describe, expect, it } from 'vitest';
import { DELIVERY_PRESETS, FOCUS_PRESETS, scheduleFromPresets } from './schedule-presets';
import { deliveriesThroughWeek } from './week-deliveries';

const delivery = (id: string) => {
  const preset = DELIVERY_PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new Error(id);
  return preset;
};
const focus = (...ids: string[]) => FOCUS_PRESETS.filter((p) => ids.includes(p.id));

describe('deliveriesThroughWeek', () => {
  it('lists the configured times when no window moves them', () => {
    const week = deliveriesThroughWeek(scheduleFromPresets(delivery('twice-a-day'), []));
    for (const day of [1, 2, 3, 4, 5, 6, 7] as const) expect(week[day]).toEqual(['08:30', '17:30']);
  });

  it('shows deliveries where focus windows move them', () => {
    const week = deliveriesThroughWeek(
      scheduleFromPresets(delivery('three-a-day'), focus('deep-work-mornings')),
    );
    expect(week[1]).toEqual(['12:00', '13:00', '18:00']);
    expect(week[5]).toEqual(['12:00', '13:00', '18:00']);
    expect(week[6]).toEqual(['09:00', '13:00', '18:00']);
  });

  it('counts a slot moved past midnight on the day it arrives', () => {
    const settings = scheduleFromPresets(delivery('once-a-day'), focus('quiet-evenings'));
    settings.deliveries['3'] = ['22:00'];
    const week = deliveriesThroughWeek(settings);
    expect(week[3]).toEqual([]);
    expect(week[4]).toEqual(['07:00', '18:00']);
  });

  it('leaves quiet days empty', () => {
    const week = deliveriesThroughWeek(scheduleFromPresets(delivery('weekdays-only'), []));
    expect(week[6]).toEqual([]);
    expect(week[7]).toEqual([]);
  });
});
