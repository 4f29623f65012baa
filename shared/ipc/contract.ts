import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { DeliveryKindSchema } from '../domain/delivery';
import { ScheduleSettingsSchema } from '../schedule/schedule-settings';
import { isKnownTimeZone } from '../schedule/wall-clock';

/**
 * The one contract between the renderer and the main process. Each channel is `domain:verb`, with
 * a schema for what the renderer sends and one for what main answers. Types come from these
 * schemas; nothing is typed twice. Main parses every request; the renderer parses every response.
 */

const NoInput = z.object({}).strict();

/** How many avatar addresses one `avatars:store` call may carry. */
export const AVATAR_BATCH = 50;

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

/** A real account main holds a sign-in for. Main makes the id; the page stores the rest. */
export const SignedInAccountSchema = z.object({
  /** Made by main: `m-<16 hex>` (Mastodon), `b-<16 hex>` (Bluesky); never contains '|'. */
  id: IdSchema,
  network: z.enum(['mastodon', 'bluesky']),
  /** `@alice@example.social` */
  handle: z.string().min(1),
  displayName: z.string(),
  /** The one origin the gateway talks to for this account. */
  serverOrigin: z.string().url(),
  /** The user's own id on the network (a Mastodon account id, a Bluesky DID). */
  networkUserId: z.string().min(1),
  avatarUrl: z.string().url().nullable(),
});
export type SignedInAccount = z.infer<typeof SignedInAccountSchema>;

/**
 * How well saved sign-ins are protected on this computer: an OS keyring (Linux), the OS's own
 * protection (macOS Keychain, Windows DPAPI), a fixed key (`basic-text`: Linux without a keyring),
 * or not at all (`unavailable`: nothing can be saved).
 */
export const VaultProtectionSchema = z.enum(['os-keyring', 'os', 'basic-text', 'unavailable']);
export type VaultProtection = z.infer<typeof VaultProtectionSchema>;

export const VaultStatusSchema = z.object({
  protection: VaultProtectionSchema,
  /** What the user should know, in a sentence or two; null when all is well. */
  message: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

/** How Slowpost fits into the computer's day: started at login, and started in the tray. */
export const DesktopHabitsSchema = z
  .object({
    /** Open Slowpost when the user logs in (deliveries only arrive while it runs). */
    openAtLogin: z.boolean(),
    /** Start with the tray icon only: no window until the user opens it. */
    startInTray: z.boolean(),
  })
  .strict();
export type DesktopHabits = z.infer<typeof DesktopHabitsSchema>;

export const DesktopHabitsStatusSchema = z.object({
  habits: DesktopHabitsSchema,
  /** Whether this system lets Slowpost open at login (macOS and Windows; not Linux). */
  openAtLoginSupported: z.boolean(),
  /** Why the stored choices could not be read or applied (the defaults are used), or null. */
  problem: z.string().nullable(),
});
export type DesktopHabitsStatus = z.infer<typeof DesktopHabitsStatusSchema>;

/** Names one sign-in in progress (made by main). */
const AttemptId = z.string().min(1).max(100);

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
  /**
   * Starts signing in: main registers (or reuses) Slowpost's app on the server, starts the
   * loopback listener and opens the system browser at `authorizeUrl` itself. `accountId` signs an
   * existing account in again. `mode` (optional, default `loopback`) asks for the copy-and-paste
   * code instead; main answers `paste-code` by itself when the loopback cannot work.
   */
  'accounts:beginSignIn': {
    request: z
      .object({
        network: z.enum(['mastodon', 'bluesky']),
        /** Mastodon: a server or an address. Bluesky: a handle or a server (OAuth in the browser). */
        server: z.string().min(1).max(400),
        accountId: IdSchema.nullable(),
        mode: z.enum(['loopback', 'paste-code']).optional(),
      })
      .strict(),
    response: z.object({
      attemptId: AttemptId,
      server: z.string().url(),
      authorizeUrl: z.string().url(),
      mode: z.enum(['loopback', 'paste-code']),
    }),
  },
  /** `code: null` waits for the loopback redirect; a string is the code the user pasted. */
  'accounts:finishSignIn': {
    request: z
      .object({ attemptId: AttemptId, code: z.string().min(1).max(2000).nullable() })
      .strict(),
    response: SignedInAccountSchema,
  },
  'accounts:cancelSignIn': {
    request: z.object({ attemptId: AttemptId }).strict(),
    response: z.object({}),
  },
  /** Deletes the account's credentials (and asks its server to revoke the token). */
  'accounts:forget': {
    request: z.object({ accountId: IdSchema }).strict(),
    response: z.object({ forgotten: z.boolean() }),
  },
  'accounts:vaultStatus': { request: NoInput, response: VaultStatusSchema },
  /** The desktop habits as stored in main (they are the operating system's business). */
  'desktop:habits': { request: NoInput, response: DesktopHabitsStatusSchema },
  /** Stores the habits and applies them: the login item at once, the tray start next launch. */
  'desktop:setHabits': { request: DesktopHabitsSchema, response: DesktopHabitsStatusSchema },
  /** Signs in to Bluesky with an app password; main resolves the handle to its DID and PDS. */
  'accounts:signInWithAppPassword': {
    request: z
      .object({
        network: z.literal('bluesky'),
        /** A handle (`alice.bsky.social`, `@alice.bsky.social`) or the account's email. */
        identifier: z.string().min(1).max(320),
        /** The app password (`xxxx-xxxx-xxxx-xxxx`); never stored, never logged. */
        appPassword: z.string().min(1).max(200),
        /**
         * Where to sign in when the identifier is an email, or a self-hosted PDS; null: resolve
         * from the handle (or `https://bsky.social`).
         */
        server: z.string().min(1).max(400).nullable(),
        /** Signs an existing account in again. */
        accountId: IdSchema.nullable(),
      })
      .strict(),
    // network 'bluesky', handle 'alice.bsky.social' (no @), serverOrigin = the PDS's origin,
    // networkUserId = the DID.
    response: SignedInAccountSchema,
  },
  /**
   * Asks main to fetch and store people's pictures (avatars) and say under which key each is
   * served at `/avatars/<key>` on the page's own origin; a null key says why (not an image, too
   * large, too slow, an address main does not fetch, offline). Bounded: 50 addresses a call.
   */
  'avatars:store': {
    request: z
      .object({ urls: z.array(z.string().url().max(2048)).min(1).max(AVATAR_BATCH) })
      .strict(),
    response: z.object({
      avatars: z.array(
        z.object({
          url: z.string(),
          key: z
            .string()
            .regex(/^[0-9a-f]{64}\.(png|jpg|gif|webp|avif)$/)
            .nullable(),
          reason: z.string().nullable(),
        }),
      ),
    }),
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
