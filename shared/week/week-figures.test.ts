import { describe, expect, it } from 'vitest';
import type { Delivery } from '../domain/delivery';
import type { SessionTime } from '../domain/session-time';
import { defaultScheduleSettings, type ScheduleSettings } from '../schedule/schedule-settings';
import { weekFigures, type SentMessage, type WeekInput } from './week-figures';
import { weekContaining, weekFromKey, weekKey, weekShiftedBy } from './week-range';
import { deliveriesSummary, focusSummary, sessionsSummary, writingSummary } from './week-wording';

const ZONE = 'Europe/London';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Monday 23 November 2026 to Sunday 29 November, London (UTC in winter).
const at = (day: number, hh: number, mm = 0) => Date.UTC(2026, 10, day, hh, mm);

function delivery(
  kind: Delivery['kind'],
  deliveredAt: number,
  extra: Partial<Delivery> = {},
): Delivery {
  return {
    id: `${kind}-${deliveredAt}`,
    kind,
    scheduledFor: deliveredAt,
    deliveredAt,
    releasedUpTo: deliveredAt,
    missedSlots: 0,
    itemCount: 3,
    conversationCount: 2,
    carriedCount: 0,
    openedEarly: null,
    openedAt: deliveredAt,
    closedAt: deliveredAt + 10 * MINUTE,
    ...extra,
  };
}

const early = (deliveredAt: number, reason: string) =>
  delivery('early', deliveredAt, { openedEarly: { at: deliveredAt, reason } });

const session = (startedAt: number, minutes: number): SessionTime => ({
  id: `slot-${startedAt}`,
  startedAt,
  lastAt: startedAt + minutes * MINUTE,
  activeMs: minutes * MINUTE,
});

const sent = (
  sentAt: number,
  threadId: string,
  recipient: SentMessage['recipient'],
  answers = true,
): SentMessage => ({ sentAt, threadId, answers, recipient });

/** Weekday mornings 09:00–12:00 are for deep work. */
function withDeepWork(): ScheduleSettings {
  return {
    ...defaultScheduleSettings(),
    focusWindows: [{ label: 'Deep work', days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }],
  };
}

/** The scripted week: Monday to Saturday noon, seen on Saturday 29 Nov at 12:00. */
function scriptedWeek(overrides: Partial<WeekInput> = {}): WeekInput {
  const mira = { key: 'link-mira', name: 'Mira Okafor' };
  const jonas = { key: 'mastodon|jonas', name: 'Jonas Berg' };
  return {
    week: weekContaining(at(25, 12), ZONE),
    zone: ZONE,
    now: at(28, 12),
    budgetMinutes: 20,
    schedule: withDeepWork(),
    since: at(20, 8),
    deliveries: [
      delivery('scheduled', at(22, 18)), // the Sunday before: another week
      delivery('scheduled', at(23, 13)),
      delivery('scheduled', at(23, 18)),
      early(at(24, 10, 30), 'Waiting for Mira about Saturday'), // inside Tuesday's deep work
      delivery('catch-up', at(25, 7, 45), { scheduledFor: at(24, 18), missedSlots: 2 }),
      early(at(26, 20), 'Checking the meetup time'),
      delivery('scheduled', at(27, 13)),
    ],
    sessions: [
      session(at(22, 18), 40), // the Sunday before
      session(at(23, 13, 2), 12),
      session(at(23, 18, 5), 26),
      session(at(24, 10, 31), 5),
      session(at(25, 7, 46), 18),
      session(at(26, 20, 1), 0.4), // a glance: counts as a minute
      session(at(27, 13), 9),
    ],
    sent: [
      sent(at(22, 18, 20), 't0', mira), // the Sunday before
      sent(at(23, 13, 10), 't1', mira),
      sent(at(23, 18, 15), 't1', mira), // the same conversation again
      sent(at(25, 7, 50), 't2', jonas),
      // Mira on her other network (linked as one person): a new conversation, not an answer.
      sent(at(27, 13, 5), 't3', mira, false),
    ],
    ...overrides,
  };
}

describe('weekFigures', () => {
  it('counts the scripted week: deliveries and why, session time, answers, people, focus', () => {
    const figures = weekFigures(scriptedWeek());
    expect(figures.deliveries).toEqual({
      total: 6,
      onTime: 3,
      caughtUp: 1,
      early: 2,
      first: 0,
      earlyReasons: [
        { at: at(24, 10, 30), reason: 'Waiting for Mira about Saturday' },
        { at: at(26, 20), reason: 'Checking the meetup time' },
      ],
    });
    expect(figures.sessions).toEqual({
      count: 6,
      minutes: 12 + 26 + 5 + 18 + 1 + 9,
      budgetMinutes: 20,
      withinBudget: 5,
      longest: 26,
    });
    expect(figures.answered).toBe(2);
    expect(figures.people).toEqual(['Mira Okafor', 'Jonas Berg']);
    // Monday to Friday 09:00–12:00; Tuesday's had an early opening inside it.
    expect(figures.focus.map((f) => f.kept)).toEqual([true, false, true, true, true]);
    expect(figures.focusKept).toBe(4);
    expect(figures.current).toBe(true);
    expect(figures.days.map((d) => d.deliveries.length)).toEqual([2, 1, 1, 1, 1, 0, 0]);
    expect(figures.days.map((d) => d.sent)).toEqual([2, 0, 1, 0, 1, 0, 0]);
    expect(figures.days[0]?.sessions.map((s) => s.minutes)).toEqual([12, 26]);
  });

  it('says it in words a screen reader reads for each chart', () => {
    const figures = weekFigures(scriptedWeek());
    expect(deliveriesSummary(figures)).toBe(
      '6 deliveries: 3 on time, 1 caught up after a pause and 2 opened early.',
    );
    expect(sessionsSummary(figures)).toBe(
      '71 minutes in 6 sessions, against a budget of 20 minutes a session; 5 of 6 stayed within it.',
    );
    expect(writingSummary(figures)).toBe(
      '2 conversations answered; you wrote to Mira Okafor and Jonas Berg.',
    );
    expect(focusSummary(figures)).toBe('4 of 5 focus windows so far were kept.');
  });

  it('counts only windows that have ended, and none before the first delivery', () => {
    // Seen on Wednesday 10:00: Monday's and Tuesday's have passed, Wednesday's is still on.
    const midweek = weekFigures(scriptedWeek({ now: at(25, 10) }));
    expect(midweek.focus).toHaveLength(2);
    // Slowpost was first used on Tuesday afternoon: Monday's and Tuesday's are not counted.
    const newcomer = weekFigures(scriptedWeek({ since: at(24, 15) }));
    expect(newcomer.focus.map((f) => f.start)).toEqual([at(25, 9), at(26, 9), at(27, 9)]);
    expect(weekFigures(scriptedWeek({ since: null })).focus).toEqual([]);
  });

  it('a session that starts inside a focus window breaks it too', () => {
    const figures = weekFigures(
      scriptedWeek({ sessions: [session(at(26, 11, 30), 4)], deliveries: [] }),
    );
    expect(figures.focus.map((f) => f.kept)).toEqual([true, true, true, false, true]);
  });

  it('a past week is over: no "so far", and its own records only', () => {
    const input = scriptedWeek();
    const before = weekShiftedBy(input.week, -1, ZONE);
    const figures = weekFigures({ ...input, week: before, now: at(28, 12) });
    expect(figures.current).toBe(false);
    expect(figures.deliveries.total).toBe(1);
    expect(figures.sessions.minutes).toBe(40);
    expect(figures.people).toEqual(['Mira Okafor']);
    // Windows from the first delivery (Friday 20 Nov 08:00) on: Friday's only.
    expect(focusSummary(figures)).toBe('The one focus window was kept.');
  });

  it('an empty week says so calmly', () => {
    const figures = weekFigures(
      scriptedWeek({ deliveries: [], sessions: [], sent: [], schedule: defaultScheduleSettings() }),
    );
    expect(deliveriesSummary(figures)).toBe('No deliveries this week.');
    expect(sessionsSummary(figures)).toBe('No time in sessions this week.');
    expect(writingSummary(figures)).toBe('No conversations answered; nobody written to this week.');
    expect(focusSummary(figures)).toBe('No focus windows have passed yet this week.');
  });

  it('without a budget every session is within it', () => {
    const figures = weekFigures(scriptedWeek({ budgetMinutes: 0 }));
    expect(figures.sessions.withinBudget).toBe(6);
    expect(sessionsSummary(figures)).toBe('71 minutes in 6 sessions, with no time budget set.');
  });

  it('a first delivery is named as such', () => {
    const figures = weekFigures(scriptedWeek({ deliveries: [delivery('welcome', at(25, 6))] }));
    expect(deliveriesSummary(figures)).toBe('1 delivery: 1 first delivery.');
  });
});

describe('week ranges', () => {
  it('runs Monday 00:00 to Monday 00:00 in the user zone', () => {
    const week = weekContaining(at(25, 12), ZONE);
    expect(week.start).toBe(at(23, 0));
    expect(week.end).toBe(at(30, 0));
    expect(week.days).toHaveLength(7);
    // Sunday 23:30 in New York is Monday in London: the zone decides.
    const ny = weekContaining(Date.UTC(2026, 10, 30, 4, 30), 'America/New_York');
    expect(ny.start).toBe(Date.UTC(2026, 10, 23, 5, 0));
  });

  it('is a day shorter by an hour across the spring change, and longer in autumn', () => {
    // Clocks go forward in London on Sunday 29 March 2026, back on Sunday 25 October.
    const spring = weekContaining(Date.UTC(2026, 2, 25, 12), ZONE);
    expect(spring.end - spring.start).toBe(167 * HOUR);
    const sunday = spring.days[6];
    expect(sunday === undefined ? 0 : sunday.end - sunday.start).toBe(23 * HOUR);
    const autumn = weekContaining(Date.UTC(2026, 9, 21, 12), ZONE);
    expect(autumn.end - autumn.start).toBe(169 * HOUR);
    // The next week starts at local midnight again (UTC 00:00 in winter, 23:00 the day before in summer).
    expect(weekShiftedBy(spring, 1, ZONE).start).toBe(Date.UTC(2026, 2, 29, 23));
    expect(weekShiftedBy(autumn, 1, ZONE).start).toBe(Date.UTC(2026, 9, 26, 0));
    expect(weekShiftedBy(weekShiftedBy(autumn, 1, ZONE), -1, ZONE)).toEqual(autumn);
  });

  it('names a week by its Monday, and reads the name back', () => {
    const week = weekContaining(at(25, 12), ZONE);
    expect(weekKey(week, ZONE)).toBe('2026-11-23');
    expect(weekFromKey('2026-11-26', ZONE)).toEqual(week);
    expect(weekFromKey('last week', ZONE)).toBeNull();
    expect(weekFromKey('2026-13-40', ZONE)).toBeNull();
  });
});
