import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from './local-time';
import {
  DEFAULT_SCHEDULE_SETTINGS,
  defaultScheduleSettings,
  type FocusWindow,
  type ScheduleSettings,
} from './schedule-settings';
import { validateSchedule, type ScheduleProblem } from './validate-schedule';

function everyDay(times: string[], focusWindows: FocusWindow[] = []): ScheduleSettings {
  const deliveries = {} as ScheduleSettings['deliveries'];
  for (const key of ['1', '2', '3', '4', '5', '6', '7'] as const) deliveries[key] = [...times];
  return { deliveries, focusWindows };
}

function problemsOf(input: unknown, timeZone?: string): readonly ScheduleProblem[] {
  const result = validateSchedule(input, timeZone === undefined ? {} : { timeZone });
  return result.ok ? [] : result.problems;
}

const ALL_DAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

describe('validateSchedule accepts sensible settings', () => {
  it('accepts the defaults', () => {
    expect(validateSchedule(DEFAULT_SCHEDULE_SETTINGS, { timeZone: 'Europe/London' })).toEqual({
      ok: true,
      value: DEFAULT_SCHEDULE_SETTINGS,
    });
  });

  it('accepts the product brief’s windows: weekdays 09:00–12:00 and every day after 21:00', () => {
    const s = everyDay(
      ['09:00', '13:00', '18:00'],
      [
        { label: 'Deep work', days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
        { label: 'Evening', days: ALL_DAYS, start: '21:00', end: '24:00' },
      ],
    );
    expect(problemsOf(s)).toEqual([]);
  });

  it('returns times and window days sorted', () => {
    const s = everyDay(['18:00', '09:00'], [{ days: [5, 1, 3], start: '21:00', end: '07:00' }]);
    const result = validateSchedule(s);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.deliveries['1']).toEqual(['09:00', '18:00']);
    expect(result.value.focusWindows[0]?.days).toEqual([1, 3, 5]);
  });

  it('does not call back-to-back windows overlapping, nor a nightly window with itself', () => {
    const s = everyDay(
      ['09:00'],
      [
        { days: ALL_DAYS, start: '21:00', end: '24:00' },
        { days: ALL_DAYS, start: '00:00', end: '06:00' },
        { days: [1, 2, 3, 4, 5], start: '06:00', end: '07:00' },
      ],
    );
    expect(problemsOf(s)).toEqual([]);
    expect(
      problemsOf(everyDay(['09:00'], [{ days: ALL_DAYS, start: '22:00', end: '08:00' }])),
    ).toEqual([]);
  });
});

describe('validateSchedule explains what is wrong', () => {
  it('input that is not settings at all', () => {
    const problems = problemsOf('every morning');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('(root)');
    expect(problems[0]?.message).toMatch(/^Schedule settings: expected schedule settings/);
  });

  it('malformed times, naming the day or window and the text', () => {
    const s = defaultScheduleSettings();
    s.deliveries['3'] = ['09:00', '9:30'];
    s.focusWindows = [{ days: [1], start: '24:00', end: '25:00' }];
    const problems = problemsOf(s);
    expect(problems).toContainEqual({
      path: 'deliveries.3[1]',
      message:
        'Wednesday, delivery time 2: "9:30" is not a time of day; write it as HH:MM between 00:00 and 23:59, e.g. "09:00".',
    });
    expect(problems.map((p) => p.path)).toEqual([
      'deliveries.3[1]',
      'focusWindows[0].start',
      'focusWindows[0].end',
    ]);
    expect(problems[1]?.message).toMatch(/^Focus window 1, start: "24:00" is not a time of day/);
    expect(problems[2]?.message).toMatch(/^Focus window 1, end: "25:00" is not a valid end time/);
  });

  it('unknown days and weekdays', () => {
    const s = {
      ...defaultScheduleSettings(),
      focusWindows: [{ days: [0], start: '09:00', end: '10:00' }],
    };
    const problems = problemsOf({ ...s, deliveries: { ...s.deliveries, '8': ['09:00'] } });
    expect(problems.map((p) => p.path)).toEqual(['deliveries', 'focusWindows[0].days[0]']);
    expect(problems[0]?.message).toContain('unknown day "8"');
    expect(problems[1]?.message).toBe(
      'Focus window 1, day 1: 0 is not a weekday; use 1 (Monday) to 7 (Sunday).',
    );
  });

  it('no deliveries at all', () => {
    expect(problemsOf(everyDay([]))).toEqual([
      {
        path: 'deliveries',
        message:
          'There are no delivery times on any day, so nothing would ever be delivered. Add at least one time, e.g. 09:00.',
      },
    ]);
  });

  it('a time listed twice on a day', () => {
    const s = defaultScheduleSettings();
    s.deliveries['2'] = ['09:00', '13:00', '09:00'];
    expect(problemsOf(s)).toEqual([
      {
        path: 'deliveries.2[2]',
        message: 'Tuesday lists the delivery time 09:00 more than once; keep it once.',
      },
    ]);
  });

  it('a day listed twice in a window, and a zero-length window', () => {
    const s = everyDay(
      ['09:00'],
      [{ label: 'Gym', days: [2, 4, 2], start: '07:00', end: '07:00' }],
    );
    expect(problemsOf(s)).toEqual([
      {
        path: 'focusWindows[0].days[2]',
        message: 'Focus window 1 ("Gym", 07:00–07:00) lists Tuesday more than once.',
      },
      {
        path: 'focusWindows[0].end',
        message:
          'Focus window 1 ("Gym", 07:00–07:00) starts and ends at 07:00, so it never applies. For a whole day, use 00:00–24:00.',
      },
    ]);
  });

  it('windows overlapping on the same day', () => {
    const s = everyDay(
      ['13:00'],
      [
        { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
        { days: [1, 3, 6], start: '11:00', end: '12:30' },
      ],
    );
    expect(problemsOf(s)).toEqual([
      {
        path: 'focusWindows[1]',
        message:
          'Focus window 1 (09:00–12:00) and focus window 2 (11:00–12:30) overlap on Monday and Wednesday from 11:00 to 12:00. Merge them into one window or change one so they no longer overlap.',
      },
    ]);
  });

  it('a cross-midnight window spilling into the next day’s window, also Sunday into Monday', () => {
    const s = everyDay(
      ['13:00'],
      [
        { days: [7], start: '22:00', end: '07:00' },
        { days: [1], start: '06:00', end: '08:00' },
      ],
    );
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('overlap on Monday from 06:00 to 07:00');
  });

  it('two cross-midnight windows overlapping across midnight', () => {
    const s = everyDay(
      ['13:00'],
      [
        { days: [5], start: '21:00', end: '07:00' },
        { days: [5], start: '23:00', end: '01:00' },
      ],
    );
    expect(problemsOf(s)[0]?.message).toContain(
      'overlap from 23:00 on Friday until 01:00 the next day',
    );
  });

  it('focus windows that swallow every delivery of the week', () => {
    const s = everyDay([], [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '10:00' }]);
    for (const key of ['1', '2', '3', '4', '5'] as const) s.deliveries[key] = ['09:00'];
    expect(problemsOf(s)).toEqual([
      {
        path: 'focusWindows',
        message:
          'Every delivery time falls inside a focus window, so every delivery would be pushed to the end of a window. Leave at least one delivery time outside your focus windows.',
      },
    ]);
    // One delivery outside a window is enough.
    s.deliveries['6'] = ['09:00'];
    expect(problemsOf(s)).toEqual([]);
  });

  it('focus windows covering the whole week', () => {
    const s = everyDay(
      ['09:00'],
      [
        { days: ALL_DAYS, start: '07:00', end: '19:00' },
        { days: ALL_DAYS, start: '19:00', end: '07:00' },
      ],
    );
    expect(problemsOf(s).map((p) => p.message)).toEqual([
      'Your focus windows cover the whole week, so nothing could ever be delivered. Leave some time outside focus.',
    ]);
  });

  it('an unknown time zone, together with other problems', () => {
    const problems = problemsOf(everyDay([]), 'Mars/Olympus_Mons');
    expect(problems.map((p) => p.path)).toEqual(['timeZone', 'deliveries']);
    expect(problems[0]?.message).toBe(
      '"Mars/Olympus_Mons" is not a time zone this computer knows. Use an IANA name such as "Europe/London".',
    );
    expect(problemsOf(DEFAULT_SCHEDULE_SETTINGS, 'Pacific/Chatham')).toEqual([]);
  });
});
