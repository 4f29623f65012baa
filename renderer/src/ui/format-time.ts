/**
 * Calm, absolute times. Building an Intl.DateTimeFormat is costly (far more than formatting with
 * one), and lists format thousands of times: each formatter is built once and reused.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

const DAY_MS = 86_400_000;

/** "14:05" today, "Tue 14:05" this week, "3 Nov 14:05" before that. */
export function formatPostTime(instant: number, now: number, locale?: string): string {
  const date = new Date(instant);
  const time = formatter(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (date.toDateString() === new Date(now).toDateString()) return time;
  if ((now - instant) / DAY_MS < 6) {
    return `${formatter(locale, { weekday: 'short' }).format(date)} ${time}`;
  }
  return `${formatter(locale, { day: 'numeric', month: 'short' }).format(date)} ${time}`;
}

export function formatFullTime(instant: number, locale?: string): string {
  return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));
}

/** "18:00" — delivery times are written as the schedule writes them. */
export function formatClockTime(instant: number, locale?: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** "today at 18:00", "tomorrow at 09:00", "on Monday at 09:00", "on 3 December at 09:00". */
export function formatDeliveryTime(instant: number, now: number, locale?: string): string {
  const time = formatClockTime(instant, locale);
  const day = new Date(instant);
  const today = new Date(now);
  const tomorrow = new Date(now);
  tomorrow.setDate(today.getDate() + 1);
  if (day.toDateString() === today.toDateString()) return `today at ${time}`;
  if (day.toDateString() === tomorrow.toDateString()) return `tomorrow at ${time}`;
  if (instant - now < 6 * DAY_MS) {
    return `on ${formatter(locale, { weekday: 'long' }).format(day)} at ${time}`;
  }
  return `on ${formatter(locale, { day: 'numeric', month: 'long' }).format(day)} at ${time}`;
}

/** "today", "yesterday", "on Tuesday" (this past week), "on 3 November" (before that). */
export function formatPastDay(instant: number, now: number, locale?: string): string {
  const day = new Date(instant);
  const today = new Date(now);
  const yesterday = new Date(now);
  yesterday.setDate(today.getDate() - 1);
  if (day.toDateString() === today.toDateString()) return 'today';
  if (day.toDateString() === yesterday.toDateString()) return 'yesterday';
  if (now - instant < 6 * DAY_MS) return `on ${formatter(locale, { weekday: 'long' }).format(day)}`;
  return `on ${formatter(locale, { day: 'numeric', month: 'long' }).format(day)}`;
}
