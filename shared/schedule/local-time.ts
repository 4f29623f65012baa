/**
 * Local wall-clock times of day ("HH:MM") and ISO weekdays. No time zones here: these are the
 * plain numbers the rest of the schedule rules work with.
 */

export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** "HH:MM" from 00:00 to 23:59. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** "HH:MM" from 00:00 to 23:59, or "24:00" (the end of the day; only valid as a window end). */
export const DAY_END_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const WEEKDAY_NAMES: Readonly<Record<IsoWeekday, string>> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export function weekdayName(day: IsoWeekday): string {
  return WEEKDAY_NAMES[day];
}

/** The weekday after `day` (Sunday → Monday). */
export function nextWeekday(day: IsoWeekday): IsoWeekday {
  return ((day % 7) + 1) as IsoWeekday;
}

/** Minutes since local midnight for "HH:MM" (00:00–23:59), or null when malformed. */
export function parseLocalTime(text: string): number | null {
  const match = LOCAL_TIME_PATTERN.exec(text);
  if (match === null) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Like {@link parseLocalTime}, but also accepts "24:00" (= 1440, the end of the day). */
export function parseDayEnd(text: string): number | null {
  if (text === '24:00') return MINUTES_PER_DAY;
  return parseLocalTime(text);
}

/** "HH:MM" for minutes since midnight, 0–1440 (1440 is written "24:00"). */
export function formatLocalTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Not a minute of the day: ${minutes}`);
  }
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
