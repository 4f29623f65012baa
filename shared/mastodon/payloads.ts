/**
 * What the Mastodon connector reads from a Mastodon-API server, as zod schemas. Shapes follow the
 * Mastodon API (the OpenAPI description in tests/contracts/mastodon-openapi/), with keys in
 * camelCase: `masto` converts every key of a response (`in_reply_to_id` → `inReplyToId`) before
 * the connector sees it.
 *
 * Tolerant of what we do not use: unknown fields are dropped, optional fields may be missing or
 * null, ids may come as numbers (some compatible servers send them so), unknown notification types
 * and visibilities are kept as text. Strict about what we do use: an id, a time that is not a
 * date, a status without its author fail with the path of the field, so the item is skipped with
 * that reason and the rest of the page goes on.
 */
import { z } from 'zod';

/** Mastodon ids are strings; a few compatible servers send numbers. Either way, a string. */
export const MastodonIdSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((id) => String(id));

/** An ISO 8601 instant, as epoch milliseconds. */
export const MastodonTimeSchema = z.string().transform((value, context) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    context.addIssue({ code: 'custom', message: `expected a date and time, got "${value}"` });
    return z.NEVER;
  }
  return ms;
});

export const MastodonAccountSchema = z.object({
  id: MastodonIdSchema,
  username: z.string().min(1),
  /** `user` for an account on the same server, `user@host` for one elsewhere. */
  acct: z.string().min(1),
  displayName: z.string().nullish(),
  /** The profile's web page. */
  url: z.string().nullish(),
  avatar: z.string().nullish(),
});
export type MastodonAccount = z.infer<typeof MastodonAccountSchema>;

export const MastodonMentionSchema = z.object({
  id: MastodonIdSchema,
  acct: z.string().min(1),
});

/**
 * A quote (Mastodon 4.5): the quoted status in full (`Quote`) or by id (`ShallowQuote`). The full
 * status is parsed on its own when used, so a quote Slowpost cannot read never costs the post.
 */
export const MastodonQuoteSchema = z.object({
  state: z.string().nullish(),
  quotedStatus: z.unknown().nullish(),
  quotedStatusId: MastodonIdSchema.nullish(),
});

export const MastodonStatusSchema = z.object({
  id: MastodonIdSchema,
  /** The status's ActivityPub id. */
  uri: z.string().min(1),
  url: z.string().nullish(),
  createdAt: MastodonTimeSchema,
  account: MastodonAccountSchema,
  /** Untrusted HTML. */
  content: z.string(),
  /** `public`, `unlisted`, `private`, `direct`; some servers add their own (kept as text). */
  visibility: z.string().min(1),
  spoilerText: z.string().nullish(),
  inReplyToId: MastodonIdSchema.nullish(),
  inReplyToAccountId: MastodonIdSchema.nullish(),
  language: z.string().nullish(),
  mentions: z.array(MastodonMentionSchema).nullish(),
  /** Set when the status is a boost of another: not a post of its own. */
  reblog: z.unknown().nullish(),
  quote: MastodonQuoteSchema.nullish(),
  /** Read tolerantly: an attachment of a shape we do not know is kept as "other". */
  mediaAttachments: z
    .array(
      z.object({
        type: z.string().nullish(),
        url: z.string().nullish(),
        remoteUrl: z.string().nullish(),
        description: z.string().nullish(),
      }),
    )
    .nullish()
    .catch(null),
});
export type MastodonStatus = z.infer<typeof MastodonStatusSchema>;

/** `GET /api/v1/notifications`: one notification (parsed one by one; the page is an array). */
export const MastodonNotificationSchema = z.object({
  id: MastodonIdSchema,
  /** Known types are mapped; anything else is kept as "other" with this name. */
  type: z.string().min(1),
  createdAt: MastodonTimeSchema,
  account: MastodonAccountSchema,
  status: MastodonStatusSchema.nullish(),
  groupKey: z.string().nullish(),
});
export type MastodonNotification = z.infer<typeof MastodonNotificationSchema>;

/** `GET /api/v2/notifications` (Mastodon 4.3+): the envelope; each part is parsed one by one. */
export const GroupedNotificationsSchema = z.object({
  accounts: z.array(z.unknown()),
  statuses: z.array(z.unknown()),
  notificationGroups: z.array(z.unknown()),
});

export const NotificationGroupSchema = z.object({
  /** `ungrouped-<notification id>` for a notification alone in its group. */
  groupKey: z.string().min(1),
  notificationsCount: z.number().int().nonnegative(),
  type: z.string().min(1),
  mostRecentNotificationId: MastodonIdSchema,
  /** The oldest and newest notification of the group within this page. */
  pageMinId: MastodonIdSchema.nullish(),
  pageMaxId: MastodonIdSchema.nullish(),
  latestPageNotificationAt: MastodonTimeSchema.nullish(),
  /** The newest few accounts of the group in this page (Mastodon names up to 8). */
  sampleAccountIds: z.array(MastodonIdSchema),
  statusId: MastodonIdSchema.nullish(),
});
export type NotificationGroup = z.infer<typeof NotificationGroupSchema>;

/** `GET /api/v1/statuses/:id/context`: ancestors (oldest first) and descendants. */
export const MastodonContextSchema = z.object({
  ancestors: z.array(z.unknown()),
  descendants: z.array(z.unknown()),
});

const StatusesConfigurationSchema = z.object({
  maxCharacters: z.number().int().positive().nullish(),
  charactersReservedPerUrl: z.number().int().nonnegative().nullish(),
});

/** `GET /api/v2/instance` (Mastodon 4.0+): what the connector reads of it. */
export const MastodonInstanceV2Schema = z.object({
  domain: z.string().nullish(),
  /** `{ mastodon: 2 }` and up: grouped notifications exist (Mastodon 4.3+). */
  apiVersions: z.object({ mastodon: z.number().int().nullish() }).nullish(),
  configuration: z.object({ statuses: StatusesConfigurationSchema.nullish() }).nullish(),
});
export type MastodonInstanceV2 = z.infer<typeof MastodonInstanceV2Schema>;

/** `GET /api/v1/instance`: older servers and most compatible ones. */
export const MastodonInstanceV1Schema = z.object({
  uri: z.string().nullish(),
  configuration: z.object({ statuses: StatusesConfigurationSchema.nullish() }).nullish(),
  /** Pleroma and Akkoma say their limit here. */
  maxTootChars: z.number().int().positive().nullish(),
});
export type MastodonInstanceV1 = z.infer<typeof MastodonInstanceV1Schema>;

/** `GET /api/v1/markers` / `POST /api/v1/markers`: the read positions (only ours is read). */
export const MastodonMarkersSchema = z.object({
  notifications: z.object({ lastReadId: MastodonIdSchema }).nullish(),
});
