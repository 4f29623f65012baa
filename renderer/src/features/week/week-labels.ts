import type { DeliveryMarkKind, WeekDay, WeekFigures, WeekRange } from '@shared/week';
import { counted } from '@shared/week';
import { formatClockTime } from '../../ui/format-time';

/** "Mon", "Tue"… for the charts' day columns. */
export function shortWeekday(instant: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(new Date(instant));
}

/** "Monday", for what the charts say in words. */
export function longWeekday(instant: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(new Date(instant));
}

/** "23–29 November 2026". */
export function weekDates(week: WeekRange, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return format.formatRange(new Date(week.start), new Date(week.end - 1));
}

export const DELIVERY_KIND_WORDS: Readonly<Record<DeliveryMarkKind, string>> = {
  'on-time': 'on time',
  'caught-up': 'caught up after a pause',
  early: 'opened early',
  first: 'first delivery',
};

/** Day by day, what the deliveries chart draws: "Monday: 13:00 on time, 18:00 on time. Tuesday: …". */
export function deliveriesByDay(figures: WeekFigures, locale?: string): string {
  return byDay(figures.days, locale, (day) =>
    day.deliveries.length === 0
      ? null
      : day.deliveries
          .map((d) => `${formatClockTime(d.at, locale)} ${DELIVERY_KIND_WORDS[d.kind]}`)
          .join(', '),
  );
}

/** Day by day, what the session chart draws: "Monday: sessions of 12 and 26 minutes. …". */
export function sessionsByDay(figures: WeekFigures, locale?: string): string {
  return byDay(figures.days, locale, (day) => {
    const minutes = day.sessions.map((s) => s.minutes);
    if (minutes.length === 0) return null;
    if (minutes.length === 1)
      return `a session of ${counted(minutes[0] ?? 0, 'minute', 'minutes')}`;
    return `sessions of ${minutes.slice(0, -1).join(', ')} and ${counted(minutes[minutes.length - 1] ?? 0, 'minute', 'minutes')}`;
  });
}

/** Day by day, what the writing chart draws: "Monday: 2 messages sent. …". */
export function sentByDay(figures: WeekFigures, locale?: string): string {
  return byDay(figures.days, locale, (day) =>
    day.sent === 0 ? null : `${counted(day.sent, 'message', 'messages')} sent`,
  );
}

/** Window by window, what the focus chart draws: "Monday 09:00–12:00 kept. …". */
export function focusByWindow(figures: WeekFigures, locale?: string): string {
  if (figures.focus.length === 0) return 'No focus windows to show.';
  return figures.focus
    .map(
      (f) =>
        `${longWeekday(f.start, locale)} ${formatClockTime(f.start, locale)}–${formatClockTime(f.end, locale)} ${f.kept ? 'kept' : 'opened inside'}.`,
    )
    .join(' ');
}

function byDay(
  days: readonly WeekDay[],
  locale: string | undefined,
  describe: (day: WeekDay) => string | null,
): string {
  const said = days.flatMap((day) => {
    const text = describe(day);
    return text === null ? [] : [`${longWeekday(day.start, locale)}: ${text}.`];
  });
  return said.length === 0 ? 'Nothing on any day.' : said.join(' ');
}
