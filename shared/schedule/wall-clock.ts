import { DateTime, IANAZone } from 'luxon';
import type { IsoWeekday } from './local-time';

/**
 * From local wall-clock times to instants, with luxon's IANA zone data.
 *
 * The one rule used everywhere: **a local time "happens" at the first instant at which the
 * wall clock shows that time or later.** So
 *  - a normal local time maps to its one instant;
 *  - a local time skipped by a spring-forward gap (02:30 on a day when 02:00 jumps to 03:00)
 *    happens at the end of the gap, the first valid instant after it (03:00 local);
 *  - a local time that occurs twice in a fall-back overlap happens at its first occurrence.
 * The mapping is monotone: a later local time never maps to an earlier instant.
 *
 * (luxon's own `DateTime.fromObject` shifts gap times by the gap length and picks an
 * occurrence of ambiguous times depending on the current date, so it is not used for this.)
 *
 * A "local day" is an integer count of days since 1970-01-01 in the local calendar.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

export function isKnownTimeZone(name: string): boolean {
  return typeof name === 'string' && name !== '' && IANAZone.isValidZone(name);
}

/** The luxon zone for an IANA name; throws a RangeError for names this runtime doesn't know. */
export function zoneNamed(name: string): IANAZone {
  if (!isKnownTimeZone(name)) throw new RangeError(`Unknown time zone: ${JSON.stringify(name)}`);
  return IANAZone.create(name);
}

/** The local day (days since 1970-01-01 in the zone's calendar) that `instant` falls on. */
export function localDayOf(zone: IANAZone, instant: number): number {
  const local = DateTime.fromMillis(instant, { zone });
  return DateTime.utc(local.year, local.month, local.day).toMillis() / MS_PER_DAY;
}

/** ISO weekday (Monday = 1) of a local day. */
export function weekdayOfLocalDay(day: number): IsoWeekday {
  return DateTime.fromMillis(day * MS_PER_DAY, { zone: 'utc' }).weekday as IsoWeekday;
}

/**
 * The instant at which local time `minuteOfDay` minutes after midnight of local `day` happens
 * (see the rule above). `minuteOfDay` may exceed 1440: 1440 + 420 is 07:00 on the next day.
 *
 * Assumes at most one offset change within a day either side, which holds for every zone in the
 * IANA database in this century.
 */
export function instantOfLocalTime(zone: IANAZone, day: number, minuteOfDay: number): number {
  // The wall-clock reading as if it were UTC; subtracting the zone's offset gives an instant.
  const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const offsetBefore = zone.offset(wall - MS_PER_DAY);
  const offsetAfter = zone.offset(wall + MS_PER_DAY);

  let first: number | null = null;
  for (const offset of [offsetBefore, offsetAfter]) {
    const candidate = wall - offset * MS_PER_MINUTE;
    if (zone.offset(candidate) === offset && (first === null || candidate < first)) {
      first = candidate;
    }
  }
  if (first !== null) return first;

  // No instant shows this wall time: it lies in a spring-forward gap. Find the instant the gap
  // ends (the offset changes from offsetBefore to offsetAfter), to the second.
  if (!(offsetBefore < offsetAfter)) return wall - offsetBefore * MS_PER_MINUTE; // not expected
  let stillBefore = Math.floor((wall - offsetAfter * MS_PER_MINUTE) / 1000);
  let alreadyAfter = Math.ceil((wall - offsetBefore * MS_PER_MINUTE) / 1000);
  while (alreadyAfter - stillBefore > 1) {
    const mid = Math.floor((stillBefore + alreadyAfter) / 2);
    if (zone.offset(mid * 1000) === offsetAfter) alreadyAfter = mid;
    else stillBefore = mid;
  }
  return alreadyAfter * 1000;
}
