import { z } from 'zod';
import { ScheduleSettingsSchema, defaultScheduleSettings } from '../schedule/schedule-settings';

/**
 * Every setting the app stores: its key, the current version of its value, the schema, and the
 * value used until the user changes it. A value that does not parse (hand-edited, or written by a
 * newer release) is reported and replaced by the default, never used as is.
 */
export interface SettingDefinition<S extends z.ZodType> {
  readonly key: string;
  readonly version: number;
  readonly schema: S;
  readonly defaultValue: z.output<S>;
}

function define<S extends z.ZodType>(definition: SettingDefinition<S>): SettingDefinition<S> {
  return definition;
}

/** Whether the built-in demo network is in the inbox. `absent` means first run: load it. */
export const DemoSetting = define({
  key: 'demo',
  version: 1,
  schema: z.object({
    state: z.enum(['absent', 'active', 'removed']),
    /** The instant the demo's timeline is built around (first run), so it stays the same data. */
    anchor: z.number().int().nonnegative().nullable(),
  }),
  defaultValue: { state: 'absent', anchor: null },
});

/**
 * When deliveries come and when nothing may (focus windows). The time zone is not stored: rules
 * use the zone the computer is in now, so "09:00" means 09:00 wherever the user travels.
 */
export const ScheduleSetting = define({
  key: 'schedule',
  version: 1,
  schema: z.object({
    schedule: ScheduleSettingsSchema,
    /** Announce a delivery that brought nothing? Off by default: silence is the calm default. */
    notifyWhenEmpty: z.boolean(),
  }),
  defaultValue: { schedule: defaultScheduleSettings(), notifyWhenEmpty: false },
});

/** How a review session feels: an optional gentle time budget, and the appreciation line. */
export const SessionSetting = define({
  key: 'session',
  version: 1,
  schema: z.object({
    /** Minutes; 0 means no budget. */
    budgetMinutes: z.number().int().min(0).max(240),
    /** Hide the one line that folds likes, boosts and follows ("7 people appreciated…"). */
    hideDigest: z.boolean(),
  }),
  defaultValue: { budgetMinutes: 20, hideDigest: false },
});

/** How a reply leaves: which way "Send" goes by default, and how long the cooling-off lasts. */
export const SendModeSchema = z.enum(['cooling-off', 'now', 'next-delivery']);
export type SendMode = z.infer<typeof SendModeSchema>;

export const ReplySetting = define({
  key: 'replies',
  version: 1,
  schema: z.object({
    /** Seconds a reply waits (and can be taken back) before it goes out; at most 10 minutes. */
    coolingOffSeconds: z.number().int().min(5).max(600),
    /** What "Send" does unless the user picks another way in the composer. */
    defaultSendMode: SendModeSchema,
  }),
  defaultValue: { coolingOffSeconds: 30, defaultSendMode: 'cooling-off' },
});
