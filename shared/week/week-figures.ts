import type { Delivery } from '../domain/delivery';
import type { SessionTime } from '../domain/session-time';
import { ScheduleCalendar } from '../schedule/schedule-calendar';
import type { ScheduleSettings } from '../schedule/schedule-settings';
import type { WeekRange } from './week-range';

const MINUTE = 60_000;

/** A message the user sent that the outbox delivered. */
export interface SentMessage {
  /** When it went out (the outbox's last due time: it left then or just after). */
  readonly sentAt: number;
  /** Null for a message that started a conversation before the network gave it a thread. */
  readonly threadId: string | null;
  /** True for a reply; false for a message that started a new conversation. */
  readonly answers: boolean;
  /** Who it was written to, one key per human (linked people share one), or null when unknown. */
  readonly recipient: { readonly key: string; readonly name: string } | null;
}

export interface WeekInput {
  readonly week: WeekRange;
  readonly zone: string;
  readonly now: number;
  /** At least the deliveries made in the week (others are left out here). */
  readonly deliveries: readonly Delivery[];
  /** At least the sessions started in the week and the day after (for windows past Sunday night). */
  readonly sessions: readonly SessionTime[];
  /** At least what went out in the week. */
  readonly sent: readonly SentMessage[];
  /** The session time budget, minutes (0: none). */
  readonly budgetMinutes: number;
  readonly schedule: ScheduleSettings;
  /** The first delivery ever (null: none yet): focus windows before it are not counted. */
  readonly since: number | null;
}

export type DeliveryMarkKind = 'on-time' | 'caught-up' | 'early' | 'first';

export interface DeliveryMark {
  readonly at: number;
  readonly kind: DeliveryMarkKind;
  /** For an early opening: the reason the user gave. */
  readonly reason: string | null;
}

export interface SessionMark {
  readonly startedAt: number;
  readonly minutes: number;
}

export interface FocusMark {
  readonly start: number;
  readonly end: number;
  /** Nothing was opened inside it. */
  readonly kept: boolean;
}

export interface WeekDay {
  readonly start: number;
  readonly end: number;
  readonly deliveries: readonly DeliveryMark[];
  readonly sessions: readonly SessionMark[];
  /** Messages sent that day. */
  readonly sent: number;
}

export interface WeekFigures {
  /** The week is not over yet (its figures are "so far"). */
  readonly current: boolean;
  readonly days: readonly WeekDay[];
  readonly deliveries: {
    readonly total: number;
    readonly onTime: number;
    readonly caughtUp: number;
    readonly early: number;
    readonly first: number;
    readonly earlyReasons: readonly { readonly at: number; readonly reason: string }[];
  };
  readonly sessions: {
    readonly count: number;
    readonly minutes: number;
    readonly budgetMinutes: number;
    /** Sessions that stayed within the budget (all of them when there is none). */
    readonly withinBudget: number;
    /** The longest session, minutes (0 with none). */
    readonly longest: number;
  };
  /** Conversations the user answered (distinct threads of the replies sent). */
  readonly answered: number;
  /** The people written to (distinct humans), by name, in the order first written to. */
  readonly people: readonly string[];
  /** Focus windows of the week that have passed (since the first delivery), in order. */
  readonly focus: readonly FocusMark[];
  readonly focusKept: number;
}

const inRange = (at: number, start: number, end: number): boolean => at >= start && at < end;

function markOf(delivery: Delivery): DeliveryMark {
  switch (delivery.kind) {
    case 'scheduled':
      return { at: delivery.deliveredAt, kind: 'on-time', reason: null };
    case 'catch-up':
      return { at: delivery.deliveredAt, kind: 'caught-up', reason: null };
    case 'early':
      return {
        at: delivery.deliveredAt,
        kind: 'early',
        reason: delivery.openedEarly?.reason ?? null,
      };
    case 'welcome':
      return { at: delivery.deliveredAt, kind: 'first', reason: null };
  }
}

/** Whole minutes, rounded, never less than one for a session that was on screen at all. */
function minutesOf(activeMs: number): number {
  return activeMs <= 0 ? 0 : Math.max(1, Math.round(activeMs / MINUTE));
}

/**
 * The figures of one week: deliveries and why, time in sessions against the budget, replies and
 * people written to, focus windows kept. Only the user's own habits: nothing about likes, boosts
 * or followers. Records outside the week are ignored, so callers may pass a wider range.
 */
export function weekFigures(input: WeekInput): WeekFigures {
  const { week } = input;
  const deliveries = input.deliveries
    .filter((d) => inRange(d.deliveredAt, week.start, week.end))
    .sort((a, b) => a.deliveredAt - b.deliveredAt);
  const marks = deliveries.map(markOf);
  const sessions = input.sessions
    .filter((s) => inRange(s.startedAt, week.start, week.end) && s.activeMs > 0)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s) => ({ startedAt: s.startedAt, minutes: minutesOf(s.activeMs) }));
  const sent = input.sent
    .filter((m) => inRange(m.sentAt, week.start, week.end))
    .sort((a, b) => a.sentAt - b.sentAt);

  const days = week.days.map((day) => ({
    start: day.start,
    end: day.end,
    deliveries: marks.filter((m) => inRange(m.at, day.start, day.end)),
    sessions: sessions.filter((s) => inRange(s.startedAt, day.start, day.end)),
    sent: sent.filter((m) => inRange(m.sentAt, day.start, day.end)).length,
  }));

  const count = (kind: DeliveryMarkKind): number => marks.filter((m) => m.kind === kind).length;
  const budget = input.budgetMinutes;
  const people = new Map<string, string>();
  for (const message of sent) {
    if (message.recipient !== null && !people.has(message.recipient.key)) {
      people.set(message.recipient.key, message.recipient.name);
    }
  }
  const focus = focusMarks(input);
  return {
    current: input.now < week.end,
    days,
    deliveries: {
      total: marks.length,
      onTime: count('on-time'),
      caughtUp: count('caught-up'),
      early: count('early'),
      first: count('first'),
      earlyReasons: marks.flatMap((m) =>
        m.kind === 'early' && m.reason !== null ? [{ at: m.at, reason: m.reason }] : [],
      ),
    },
    sessions: {
      count: sessions.length,
      minutes: sessions.reduce((sum, s) => sum + s.minutes, 0),
      budgetMinutes: budget,
      withinBudget: sessions.filter((s) => budget <= 0 || s.minutes <= budget).length,
      longest: sessions.reduce((max, s) => Math.max(max, s.minutes), 0),
    },
    answered: new Set(sent.filter((m) => m.answers).map((m) => m.threadId)).size,
    people: [...people.values()],
    focus,
    focusKept: focus.filter((f) => f.kept).length,
  };
}

/**
 * The week's focus-window occurrences (those starting in it) that have ended by now and began
 * after the first delivery. One is kept when no session started and nothing was opened early
 * inside it. Windows are read from today's settings: a week before a change shows today's.
 */
function focusMarks(input: WeekInput): FocusMark[] {
  const { week, since } = input;
  if (since === null || input.schedule.focusWindows.length === 0) return [];
  const calendar = new ScheduleCalendar(input.zone, input.schedule);
  const first = calendar.localDayOf(week.start);
  const openings = [
    ...input.sessions.map((s) => s.startedAt),
    ...input.deliveries.filter((d) => d.kind === 'early').map((d) => d.deliveredAt),
  ];
  const marks: FocusMark[] = [];
  for (let day = first; day < first + 7; day++) {
    for (const interval of calendar.focusIntervalsStartingOn(day)) {
      if (!inRange(interval.start, week.start, week.end)) continue;
      if (interval.end > input.now || interval.start < since) continue;
      const kept = !openings.some((at) => inRange(at, interval.start, interval.end));
      marks.push({ start: interval.start, end: interval.end, kept });
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}
