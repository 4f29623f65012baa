import type { z } from 'zod';
import { formatPath } from '../validation/parse-unknown';
import { compileSchedule, compileWindow } from './compiled-schedule';
import {
  ISO_WEEKDAYS,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  formatLocalTime,
  parseLocalTime,
  weekdayName,
  type IsoWeekday,
} from './local-time';
import {
  ScheduleSettingsSchema,
  weekdayKey,
  type FocusWindow,
  type ScheduleSettings,
} from './schedule-settings';
import { isKnownTimeZone } from './wall-clock';
import { focusCoverage, minuteOfWeek, weekSpansOf, type WeekSpan } from './week-coverage';

/** One thing wrong with the settings: where (dotted path, as elsewhere in Slowpost) and why. */
export interface ScheduleProblem {
  readonly path: string;
  readonly message: string;
}

export type ScheduleValidation =
  | { readonly ok: true; readonly value: ScheduleSettings }
  | { readonly ok: false; readonly problems: readonly ScheduleProblem[] };

export interface ValidateScheduleOptions {
  /** Also check that this IANA zone is known (reported at path `timeZone`). */
  readonly timeZone?: string;
}

/**
 * Checks settings from anywhere (the settings form, the database, an import) and explains every
 * problem in a sentence that names the day or window. On success `value` is the settings with each
 * day's times and each window's days sorted.
 *
 * Problems: malformed shape or times; no delivery times at all; a time listed twice on a day; a
 * day listed twice in a window; a zero-length window; windows that overlap (cross-midnight spills
 * included); focus windows that swallow every delivery of the week (each would only ever be moved
 * to a window's end); an unknown time zone.
 */
export function validateSchedule(
  input: unknown,
  options: ValidateScheduleOptions = {},
): ScheduleValidation {
  const problems: ScheduleProblem[] = [];
  if (options.timeZone !== undefined && !isKnownTimeZone(options.timeZone)) {
    problems.push({
      path: 'timeZone',
      message: `${JSON.stringify(options.timeZone)} is not a time zone this computer knows. Use an IANA name such as "Europe/London".`,
    });
  }

  const parsed = ScheduleSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: [...problems, ...parsed.error.issues.map(describeIssue)] };
  }
  // Checked in the order given, so that paths point at the entries as the user wrote them.
  problems.push(...deliveryProblems(parsed.data), ...windowProblems(parsed.data));
  return problems.length === 0
    ? { ok: true, value: normalized(parsed.data) }
    : { ok: false, problems };
}

function normalized(settings: ScheduleSettings): ScheduleSettings {
  const deliveries = { ...settings.deliveries };
  for (const day of ISO_WEEKDAYS) {
    const key = weekdayKey(day);
    deliveries[key] = [...deliveries[key]].sort();
  }
  const focusWindows = settings.focusWindows.map((window) => ({
    ...window,
    days: [...window.days].sort((a, b) => a - b),
  }));
  return { deliveries, focusWindows };
}

// --- Shape problems -------------------------------------------------------------------------

function describeIssue(issue: z.core.$ZodIssue): ScheduleProblem {
  const message = `${describePath(issue.path)}: ${issue.message}`;
  return { path: formatPath(issue.path), message: message.endsWith('.') ? message : `${message}.` };
}

function describePath(path: readonly PropertyKey[]): string {
  const [section, first, ...rest] = path;
  if (section === 'deliveries') {
    if (first === undefined) return 'Delivery times';
    const day = Number(first);
    const name = ISO_WEEKDAYS.includes(day as IsoWeekday)
      ? weekdayName(day as IsoWeekday)
      : `Day ${String(first)}`;
    const [index] = rest;
    return typeof index === 'number' ? `${name}, delivery time ${index + 1}` : name;
  }
  if (section === 'focusWindows') {
    if (typeof first !== 'number') return 'Focus windows';
    const [field, index] = rest;
    const window = `Focus window ${first + 1}`;
    if (field === undefined) return window;
    if (field === 'days' && typeof index === 'number') return `${window}, day ${index + 1}`;
    return `${window}, ${String(field)}`;
  }
  return path.length === 0 ? 'Schedule settings' : formatPath(path);
}

// --- Delivery problems ----------------------------------------------------------------------

function deliveryProblems(settings: ScheduleSettings): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  let total = 0;
  for (const day of ISO_WEEKDAYS) {
    const times = settings.deliveries[weekdayKey(day)];
    total += times.length;
    const seen = new Set<string>();
    times.forEach((time, index) => {
      if (seen.has(time)) {
        problems.push({
          path: `deliveries.${day}[${index}]`,
          message: `${weekdayName(day)} lists the delivery time ${time} more than once; keep it once.`,
        });
      }
      seen.add(time);
    });
  }
  if (total === 0) {
    problems.push({
      path: 'deliveries',
      message:
        'There are no delivery times on any day, so nothing would ever be delivered. Add at least one time, e.g. 09:00.',
    });
  }
  return problems;
}

// --- Focus-window problems ------------------------------------------------------------------

function windowName(window: FocusWindow, index: number): string {
  const details = [
    window.label ? JSON.stringify(window.label) : null,
    `${window.start}–${window.end}`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return `focus window ${index + 1} (${details})`;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function windowProblems(settings: ScheduleSettings): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const windows = settings.focusWindows;

  windows.forEach((window, index) => {
    const seen = new Set<number>();
    window.days.forEach((day, dayIndex) => {
      if (seen.has(day)) {
        problems.push({
          path: `focusWindows[${index}].days[${dayIndex}]`,
          message: `${capitalized(windowName(window, index))} lists ${weekdayName(day)} more than once.`,
        });
      }
      seen.add(day);
    });
    if (parseLocalTime(window.start) === parseLocalTime(window.end)) {
      problems.push({
        path: `focusWindows[${index}].end`,
        message: `${capitalized(windowName(window, index))} starts and ends at ${window.start}, so it never applies. For a whole day, use 00:00–24:00.`,
      });
    }
  });

  const spans = windows.map((window, index) => {
    const compiled = compileWindow(window, index);
    return compiled === null ? [] : weekSpansOf(compiled);
  });
  for (let b = 1; b < windows.length; b++) {
    for (let a = 0; a < b; a++) {
      const overlaps = overlapsBetween(spans[a] ?? [], spans[b] ?? []);
      if (overlaps.length === 0) continue;
      const [first, second] = [windows[a], windows[b]];
      if (first === undefined || second === undefined) continue;
      problems.push({
        path: `focusWindows[${b}]`,
        message: `${capitalized(windowName(first, a))} and ${windowName(second, b)} overlap ${describeOverlaps(overlaps)}. Merge them into one window or change one so they no longer overlap.`,
      });
    }
  }

  const compiled = compileSchedule(settings);
  if (compiled.hasDeliveries && compiled.windows.length > 0) {
    const coverage = focusCoverage(compiled.windows);
    const everyDeliveryCovered = ISO_WEEKDAYS.every((day) =>
      compiled.deliveries[day].every((minute) => coverage[minuteOfWeek(day, minute)] === 1),
    );
    if (compiled.focusCoversWholeWeek) {
      problems.push({
        path: 'focusWindows',
        message:
          'Your focus windows cover the whole week, so nothing could ever be delivered. Leave some time outside focus.',
      });
    } else if (everyDeliveryCovered) {
      problems.push({
        path: 'focusWindows',
        message:
          'Every delivery time falls inside a focus window, so every delivery would be pushed to the end of a window. Leave at least one delivery time outside your focus windows.',
      });
    }
  }
  return problems;
}

interface Overlap {
  readonly start: number;
  readonly end: number;
}

/** Where two windows' week spans overlap, merged into continuous runs (wrapping past Sunday). */
function overlapsBetween(a: readonly WeekSpan[], b: readonly WeekSpan[]): Overlap[] {
  const pieces: Overlap[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) pieces.push({ start, end });
    }
  }
  pieces.sort((p, q) => p.start - q.start);
  const runs: Overlap[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    if (last !== undefined && piece.start <= last.end) {
      runs[runs.length - 1] = { start: last.start, end: Math.max(last.end, piece.end) };
    } else {
      runs.push(piece);
    }
  }
  // A run ending at Sunday midnight continues with one starting at Monday 00:00.
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first?.start === 0 && last?.end === MINUTES_PER_WEEK) {
    runs.pop();
    runs[0] = { start: last.start, end: MINUTES_PER_WEEK + first.end };
  }
  return runs;
}

const joinWords = (words: readonly string[]): string =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;

/** "on Monday and Tuesday from 11:00 to 12:00; from 23:00 on Friday until 01:00 the next day". */
function describeOverlaps(overlaps: readonly Overlap[]): string {
  const groups = new Map<string, { days: IsoWeekday[]; text: (days: string) => string }>();
  for (const { start, end } of overlaps) {
    const startDay = Math.floor(start / MINUTES_PER_DAY);
    const endDay = Math.floor((end - 1) / MINUTES_PER_DAY);
    const from = formatLocalTime(start - startDay * MINUTES_PER_DAY);
    const to = formatLocalTime(end - endDay * MINUTES_PER_DAY);
    const key = `${from}|${to}|${endDay - startDay}`;
    const text =
      endDay === startDay
        ? (days: string) => `on ${days} from ${from} to ${to}`
        : (days: string) => `from ${from} on ${days} until ${to} the next day`;
    const group = groups.get(key) ?? { days: [], text };
    group.days.push(((startDay % 7) + 1) as IsoWeekday);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => group.text(joinWords(group.days.map(weekdayName))))
    .join('; ');
}
