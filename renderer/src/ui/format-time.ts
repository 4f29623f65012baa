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
