import { describe, expect, it } from 'vitest';
import {
  DELIVERY_PRESETS,
  FOCUS_PRESETS,
  scheduleFromPresets,
} from '@shared/schedule/schedule-presets';
import { defaultScheduleSettings } from '@shared/schedule';
import { listTimes, scheduleSummary } from './welcome-summary';

const preset = (id: string) => {
  const found = DELIVERY_PRESETS.find((p) => p.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};
const focus = (...ids: string[]) => FOCUS_PRESETS.filter((p) => ids.includes(p.id));

describe('the welcome’s line of resulting times', () => {
  it('lists times the way people say them', () => {
    expect(listTimes([])).toBe('');
    expect(listTimes(['09:00'])).toBe('09:00');
    expect(listTimes(['08:30', '17:30'])).toBe('08:30 and 17:30');
    expect(listTimes(['09:00', '13:00', '18:00'])).toBe('09:00, 13:00 and 18:00');
  });

  it('says "every day" when every day is alike', () => {
    expect(scheduleSummary(scheduleFromPresets(preset('twice-a-day'), []))).toBe(
      'Deliveries every day at 08:30 and 17:30.',
    );
    expect(
      scheduleSummary(scheduleFromPresets(preset('twice-a-day'), focus('deep-work-mornings'))),
    ).toBe('Deliveries every day at 08:30 and 17:30.');
  });

  it('shows where a focus window moves a delivery', () => {
    expect(
      scheduleSummary(scheduleFromPresets(preset('three-a-day'), focus('deep-work-mornings'))),
    ).toBe(
      'Deliveries on weekdays at 12:00, 13:00 and 18:00, and at weekends at 09:00, 13:00 and 18:00.',
    );
    expect(scheduleSummary(scheduleFromPresets(preset('once-a-day'), focus('family-time')))).toBe(
      'Deliveries every day at 18:00.',
    );
  });

  it('says when weekends stay quiet', () => {
    expect(scheduleSummary(scheduleFromPresets(preset('weekdays-only'), []))).toBe(
      'Deliveries on weekdays at 09:00 and 17:00; none at weekends.',
    );
  });

  it('falls back to each day for an irregular week', () => {
    const settings = defaultScheduleSettings();
    settings.deliveries['3'] = ['10:00'];
    expect(scheduleSummary(settings)).toBe(
      'Deliveries on Monday at 09:00, 13:00 and 18:00; Tuesday at 09:00, 13:00 and 18:00; Wednesday at 10:00; Thursday at 09:00, 13:00 and 18:00; Friday at 09:00, 13:00 and 18:00; Saturday at 09:00, 13:00 and 18:00; Sunday at 09:00, 13:00 and 18:00.',
    );
  });
});
