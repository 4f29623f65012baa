import { DateTime } from 'luxon';
import { zoneNamed } from '../schedule/wall-clock';

/** One local day of a week: [start, end) as instants (23 or 25 hours long on a DST change). */
export interface DayRange {
  readonly start: number;
  readonly end: number;
}

/**
 * One week in the user's zone: Monday 00:00 to the next Monday 00:00, local time, half-open.
 * Built with luxon's zone data, so a week with a DST change is 167 or 169 hours long.
 */
export interface WeekRange {
  readonly start: number;
  readonly end: number;
  /** Monday to Sunday. */
  readonly days: readonly DayRange[];
}

function weekFrom(monday: DateTime): WeekRange {
  const days: DayRange[] = [];
  for (let i = 0; i < 7; i++) {
    days.push({
      start: monday.plus({ days: i }).toMillis(),
      end: monday.plus({ days: i + 1 }).toMillis(),
    });
  }
  return { start: monday.toMillis(), end: monday.plus({ weeks: 1 }).toMillis(), days };
}

/** The week (Monday to Sunday, in `zone`) that `instant` falls in. */
export function weekContaining(instant: number, zone: string): WeekRange {
  const local = DateTime.fromMillis(instant, { zone: zoneNamed(zone) });
  return weekFrom(local.startOf('week', { useLocaleWeeks: false }));
}

/** The week `weeks` weeks after (negative: before) the one `week` is. */
export function weekShiftedBy(week: WeekRange, weeks: number, zone: string): WeekRange {
  const monday = DateTime.fromMillis(week.start, { zone: zoneNamed(zone) });
  return weekFrom(monday.plus({ weeks }).startOf('week', { useLocaleWeeks: false }));
}

/** The Monday of a week as an ISO date ("2026-11-23"), for the address. */
export function weekKey(week: WeekRange, zone: string): string {
  return DateTime.fromMillis(week.start, { zone: zoneNamed(zone) }).toISODate() ?? '';
}

/** The week a key names (any day of it works), or null for something that is not a date. */
export function weekFromKey(key: string, zone: string): WeekRange | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const day = DateTime.fromISO(key, { zone: zoneNamed(zone) });
  return day.isValid ? weekContaining(day.toMillis(), zone) : null;
}
