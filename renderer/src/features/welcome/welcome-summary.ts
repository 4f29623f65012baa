import {
  ISO_WEEKDAYS,
  deliveriesThroughWeek,
  weekdayName,
  type ScheduleSettings,
} from '@shared/schedule';

/** "09:00", "08:30 and 17:30", "12:00, 13:00 and 18:00". */
export function listTimes(times: readonly string[]): string {
  if (times.length <= 1) return times[0] ?? '';
  return `${times.slice(0, -1).join(', ')} and ${times[times.length - 1] ?? ''}`;
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((time, i) => time === b[i]);

/**
 * The times a chosen schedule delivers at, after its focus windows moved them, in one sentence:
 * "Deliveries every day at 08:30 and 17:30." / "Deliveries on weekdays at 12:00, 13:00 and 18:00,
 * and at weekends at 09:00, 13:00 and 18:00."
 */
export function scheduleSummary(settings: ScheduleSettings): string {
  const week = deliveriesThroughWeek(settings);
  const at = (times: readonly string[]): string =>
    times.length === 0 ? 'none' : `at ${listTimes(times)}`;
  const [monday, saturday] = [week[1], week[6]];
  const weekdaysAlike = [2, 3, 4, 5].every((d) => same(week[d as 1], monday));
  if (weekdaysAlike && same(week[7], saturday)) {
    if (same(monday, saturday)) {
      return monday.length === 0 ? 'No deliveries at all.' : `Deliveries every day ${at(monday)}.`;
    }
    if (saturday.length === 0) return `Deliveries on weekdays ${at(monday)}; none at weekends.`;
    if (monday.length === 0) return `Deliveries at weekends ${at(saturday)}; none on weekdays.`;
    return `Deliveries on weekdays ${at(monday)}, and at weekends ${at(saturday)}.`;
  }
  const days = ISO_WEEKDAYS.map((day) => `${weekdayName(day)} ${at(week[day])}`);
  return `Deliveries on ${days.join('; ')}.`;
}
