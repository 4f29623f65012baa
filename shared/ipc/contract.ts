import { z } from 'zod';
import { DeliveryKindSchema } from '../domain/delivery';
import { ScheduleSettingsSchema } from '../schedule/schedule-settings';
import { isKnownTimeZone } from '../schedule/wall-clock';

/**
 * The one contract between the renderer and the main process. Each channel is `domain:verb`, with
 * a schema for what the renderer sends and one for what main answers. Types come from these
 * schemas; nothing is typed twice. Main parses every request; the renderer parses every response.
 */

const NoInput = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Where the services run: inside Electron, or in the loopback dev/test host. */
  host: z.enum(['electron', 'web-host']),
});

export const OpenExternalResultSchema = z.object({
  opened: z.boolean(),
  /** Why a link was not opened, in words a person can read. */
  reason: z.string().nullable(),
});

const Instant = z.number().int().nonnegative();

/** What the delivery clock in main knows: when the next delivery is, and whether focus time is on. */
export const DeliveryClockStatusSchema = z.object({
  /** Null when the schedule has no deliveries (or focus windows cover the whole week). */
  nextDeliveryAt: Instant.nullable(),
  /** When the current focus window ends; null outside focus time. */
  focusEndsAt: Instant.nullable(),
  timeZone: z.string(),
});
export type DeliveryClockStatus = z.infer<typeof DeliveryClockStatusSchema>;

export const DeliveryNoticeSchema = z.object({
  notified: z.boolean(),
  /** Why there was (or was not) a notification, for logs and tests. */
  reason: z.string(),
});

/** Names one "store your drafts, the app is quitting" request from main, so the answer matches. */
const QuitRequestId = z.string().min(1).max(100);

export const contract = {
  'app:getInfo': { request: NoInput, response: AppInfoSchema },
  /** The page answers `app:flushBeforeQuit`: its drafts are stored (`unstored` are written ahead only). */
  'app:flushed': {
    request: z
      .object({ requestId: QuitRequestId, unstored: z.number().int().nonnegative() })
      .strict(),
    response: z.object({ quitting: z.boolean() }),
  },
  'links:openExternal': {
    request: z.object({ url: z.string().max(8192) }).strict(),
    response: OpenExternalResultSchema,
  },
  /** The renderer hands main the schedule (from the store) and the last slot it delivered. */
  'deliveries:configure': {
    request: z
      .object({
        schedule: ScheduleSettingsSchema,
        timeZone: z.string().refine(isKnownTimeZone, { error: 'unknown time zone' }),
        lastDeliveredSlot: Instant.nullable(),
        notifyWhenEmpty: z.boolean(),
      })
      .strict(),
    response: DeliveryClockStatusSchema,
  },
  'deliveries:status': { request: NoInput, response: DeliveryClockStatusSchema },
  /** A delivery was made: main decides whether it deserves the one calm notification. */
  'deliveries:delivered': {
    request: z
      .object({
        deliveryId: z.string().min(1).max(200),
        kind: DeliveryKindSchema,
        slot: Instant,
        conversationCount: z.number().int().nonnegative(),
      })
      .strict(),
    response: DeliveryNoticeSchema,
  },
} as const;

/** What main tells the renderer without being asked. Payloads are parsed on arrival too. */
export const events = {
  /** The app is quitting: store every pending draft and note, then answer with `app:flushed`. */
  'app:flushBeforeQuit': z.object({ requestId: QuitRequestId }),
  /** A delivery slot has come (or was missed while asleep or closed: one catch-up). */
  'deliveries:due': z.object({ slot: Instant, missedSlots: z.number().int().nonnegative() }),
  'deliveries:status': DeliveryClockStatusSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
