import { z } from 'zod';
import { DAY_END_PATTERN, ISO_WEEKDAYS, LOCAL_TIME_PATTERN, type IsoWeekday } from './local-time';

/**
 * Delivery-schedule settings: when deliveries happen, and the focus windows in which nothing is
 * delivered. All times are local wall-clock times ("HH:MM").
 *
 * The IANA time zone is deliberately NOT part of the settings: it is passed to every rule as a
 * parameter (normally the zone the computer is in right now). Travelling therefore needs no
 * settings change — "09:00" means 09:00 wherever the user currently is.
 *
 * These schemas check the shape (and "HH:MM" syntax) only. `validateSchedule` adds the rules that
 * span fields (duplicates, overlapping windows, …) and explains them in sentences.
 */

const quoted = (input: unknown): string =>
  typeof input === 'string' ? `"${input}"` : `a ${input === null ? 'null' : typeof input}`;

export const DeliveryTimeSchema = z
  .string({ error: 'expected a time such as "09:00"' })
  .regex(LOCAL_TIME_PATTERN, {
    error: (issue) =>
      `${quoted(issue.input)} is not a time of day; write it as HH:MM between 00:00 and 23:59, e.g. "09:00"`,
  });

/** Start of a focus window: 00:00–23:59. */
export const WindowStartSchema = DeliveryTimeSchema;

/** End of a focus window: 00:00–23:59 or "24:00" (midnight at the end of the day). */
export const WindowEndSchema = z
  .string({ error: 'expected a time such as "12:00"' })
  .regex(DAY_END_PATTERN, {
    error: (issue) =>
      `${quoted(issue.input)} is not a valid end time; write it as HH:MM between 00:00 and 24:00, e.g. "12:00"`,
  });

export const IsoWeekdaySchema = z.literal([1, 2, 3, 4, 5, 6, 7], {
  error: (issue) => `${String(issue.input)} is not a weekday; use 1 (Monday) to 7 (Sunday)`,
});

export const DayDeliveriesSchema = z
  .array(DeliveryTimeSchema, { error: 'expected a list of times such as ["09:00", "13:00"]' })
  .max(48, { error: 'at most 48 deliveries a day' });

/** Delivery times per ISO weekday: "1" = Monday … "7" = Sunday. An empty list is a day off. */
export const WeeklyDeliveriesSchema = z.strictObject(
  {
    '1': DayDeliveriesSchema,
    '2': DayDeliveriesSchema,
    '3': DayDeliveriesSchema,
    '4': DayDeliveriesSchema,
    '5': DayDeliveriesSchema,
    '6': DayDeliveriesSchema,
    '7': DayDeliveriesSchema,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown day ${issue.keys.map((k) => `"${k}"`).join(', ')}; days are "1" (Monday) to "7" (Sunday)`
        : 'expected delivery times for each day "1" (Monday) to "7" (Sunday)',
  },
);

/**
 * A focus window: on each of `days`, from `start` until `end`. When `end` is earlier than `start`
 * the window crosses midnight and ends the next morning (21:00–07:00 on Friday = Friday 21:00 to
 * Saturday 07:00). "24:00" ends it at midnight. Windows are half-open: `end` itself is outside.
 */
export const FocusWindowSchema = z.object(
  {
    label: z.string().trim().max(80, { error: 'at most 80 characters' }).optional(),
    days: z
      .array(IsoWeekdaySchema, { error: 'expected a list of weekdays 1 (Monday) to 7 (Sunday)' })
      .min(1, { error: 'choose at least one day' }),
    start: WindowStartSchema,
    end: WindowEndSchema,
  },
  { error: 'expected a focus window with days, start and end' },
);

export const ScheduleSettingsSchema = z.object(
  {
    deliveries: WeeklyDeliveriesSchema,
    focusWindows: z
      .array(FocusWindowSchema, { error: 'expected a list of focus windows' })
      .max(20, { error: 'at most 20 focus windows' }),
  },
  { error: 'expected schedule settings with deliveries and focusWindows' },
);

export type LocalTimeText = z.infer<typeof DeliveryTimeSchema>;
export type WeekdayKey = keyof z.infer<typeof WeeklyDeliveriesSchema>;
export type WeeklyDeliveries = z.infer<typeof WeeklyDeliveriesSchema>;
export type FocusWindow = z.infer<typeof FocusWindowSchema>;
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;

export function weekdayKey(day: IsoWeekday): WeekdayKey {
  return String(day) as WeekdayKey;
}

export const DEFAULT_DELIVERY_TIMES: readonly string[] = Object.freeze(['09:00', '13:00', '18:00']);

/** A fresh copy of the defaults (09:00, 13:00, 18:00 every day; no focus windows). */
export function defaultScheduleSettings(): ScheduleSettings {
  const deliveries = {} as WeeklyDeliveries;
  for (const day of ISO_WEEKDAYS) deliveries[weekdayKey(day)] = [...DEFAULT_DELIVERY_TIMES];
  return { deliveries, focusWindows: [] };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The defaults, deeply frozen. Use {@link defaultScheduleSettings} for an editable copy. */
export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = deepFreeze(defaultScheduleSettings());
