import type { IsoWeekday, WeeklyDeliveries } from '@shared/schedule';
import {
  ISO_WEEKDAYS,
  parseDayEnd,
  parseLocalTime,
  weekdayKey,
  weekdayName,
} from '@shared/schedule';
import type { WindowForm } from './schedule-form';
import { storedEnd } from './schedule-form';

const DAY = 24 * 60;

/** One piece of a focus window on one day of the week drawing, in minutes of that day. */
export interface WeekBlock {
  readonly window: number;
  readonly label: string;
  readonly day: IsoWeekday;
  readonly start: number;
  readonly end: number;
}

export const windowTitle = (window: WindowForm, index: number): string =>
  window.label.trim() === '' ? `Focus window ${index + 1}` : window.label.trim();

/**
 * The blocks a week drawing shows for the focus windows as they are in the form: a window that
 * crosses midnight is two blocks (the evening, and the next morning; Sunday's continues on
 * Monday). Windows with a time not yet complete are left out.
 */
export function weekBlocks(windows: readonly WindowForm[]): WeekBlock[] {
  const blocks: WeekBlock[] = [];
  windows.forEach((window, index) => {
    const start = parseLocalTime(window.start);
    const end = parseDayEnd(storedEnd(window.end));
    if (start === null || end === null || start === end) return;
    const label = windowTitle(window, index);
    for (const day of window.days) {
      if (end > start) {
        blocks.push({ window: index, label, day, start, end });
      } else {
        blocks.push({ window: index, label, day, start, end: DAY });
        if (end > 0) {
          const next = ((day % 7) + 1) as IsoWeekday;
          blocks.push({ window: index, label, day: next, start: 0, end });
        }
      }
    }
  });
  return blocks;
}

/** Which of a day's delivery times fall inside a block (so the drawing can mark them). */
export function deliveryMarks(
  deliveries: WeeklyDeliveries,
  blocks: readonly WeekBlock[],
): { day: IsoWeekday; minute: number; time: string; inFocus: boolean }[] {
  return ISO_WEEKDAYS.flatMap((day) =>
    deliveries[weekdayKey(day)].flatMap((time) => {
      const minute = parseLocalTime(time);
      if (minute === null) return [];
      const inFocus = blocks.some((b) => b.day === day && minute >= b.start && minute < b.end);
      return [{ day, minute, time, inFocus }];
    }),
  );
}

const joinDays = (days: readonly IsoWeekday[]): string => {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  if (sorted.length === 5 && sorted.every((d, i) => d === i + 1)) return 'weekdays';
  if (sorted.length === 2 && sorted[0] === 6 && sorted[1] === 7) return 'weekends';
  const names = sorted.map(weekdayName);
  return names.length <= 1
    ? (names[0] ?? 'no days')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
};

/** The drawing in words, one sentence per window, for screen readers. */
export function describeWindow(window: WindowForm, index: number): string {
  const title = windowTitle(window, index);
  const start = parseLocalTime(window.start);
  const end = parseDayEnd(storedEnd(window.end));
  if (start === null || end === null) return `${title}: its times are not complete yet.`;
  const endText = end === DAY ? 'midnight' : window.end;
  const crosses = end < start;
  return `${title}: ${joinDays(window.days)}, ${window.start} to ${endText}${crosses ? ' the next day' : ''}.`;
}
