import { z } from 'zod';
import { ScheduleSettingsSchema, defaultScheduleSettings } from '../schedule/schedule-settings';

/**
 * Every setting the app stores: its key, the current version of its value, the schema, and the
 * value used until the user changes it. A value that does not parse (hand-edited, damaged, or
 * written by a newer release) is never used as is: the user is told, and `whenUnreadable` is used
 * instead (the default, unless that would undo something the user chose).
 */
export interface SettingDefinition<S extends z.ZodType> {
  readonly key: string;
  readonly version: number;
  readonly schema: S;
  readonly defaultValue: z.output<S>;
  /** What the setting is about, for telling the user it could not be read ("your schedule"). */
  readonly about: string;
  /** What the app does meanwhile, in words ("Slowpost uses the default schedule …"). */
  readonly meanwhile: string;
  /** The value used while the stored one cannot be read (default: `defaultValue`). */
  readonly whenUnreadable?: z.output<S>;
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
  about: 'whether the demo network belongs in your inbox',
  meanwhile:
    'Slowpost leaves the demo as it is: it does not bring it back. You can add or remove it yourself.',
  // `absent` would load the demo again: never undo a removal because a record was damaged.
  whenUnreadable: { state: 'removed', anchor: null },
});

/**
 * Whether the first-run welcome has been answered, and how. `null` means not yet: the welcome
 * shows, but only on a fresh store (the demo never loaded, no accounts), so someone updating from
 * a release without a welcome never sees it.
 */
export const WelcomeSetting = define({
  key: 'welcome',
  version: 1,
  schema: z.object({
    choice: z.enum(['demo', 'account', 'skipped']).nullable(),
  }),
  defaultValue: { choice: null },
  about: 'whether you have seen the welcome',
  meanwhile: 'Slowpost does not show the welcome again.',
  // Showing the welcome again to someone who has used the app would be the wrong way round.
  whenUnreadable: { choice: 'skipped' },
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
  about: 'your delivery schedule and focus windows',
  meanwhile:
    'Slowpost uses the default schedule (09:00, 13:00 and 18:00) until you save your schedule again in Settings.',
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
  about: 'your session settings',
  meanwhile:
    'Slowpost uses a 20-minute time budget and shows the appreciation line until you save them again in Settings.',
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
  about: 'your reply settings',
  meanwhile:
    'Slowpost waits 30 seconds before sending (so you can take a reply back) until you save them again in Settings.',
});

/** Every setting, for checking that each can be read. */
export const ALL_SETTINGS = [
  DemoSetting,
  WelcomeSetting,
  ScheduleSetting,
  SessionSetting,
  ReplySetting,
] as const;
