/** "14:05" today, "Tue 14:05" this week, "3 Nov 14:05" before that. Calm, absolute times. */
export function formatPostTime(instant: number, now: number, locale?: string): string {
  const date = new Date(instant);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return time;
  const days = (now - instant) / 86_400_000;
  if (days < 6) {
    return `${new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(date)} ${time}`;
  }
  return `${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date)} ${time}`;
}

export function formatFullTime(instant: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

const clockFormat = (locale?: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "18:00" — delivery times are written as the schedule writes them. */
export function formatClockTime(instant: number, locale?: string): string {
  return clockFormat(locale).format(new Date(instant));
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
  if (instant - now < 6 * 86_400_000) {
    return `on ${new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(day)} at ${time}`;
  }
  return `on ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(day)} at ${time}`;
}
