/**
 * What the Bluesky connector reads from the AT Protocol (`app.bsky.*` views and
 * `com.atproto.repo.*` records), as zod schemas. Shapes follow the lexicons.
 *
 * Tolerant of what we do not use: unknown fields are dropped (the lexicons grow), unknown
 * notification reasons and facet features are kept as text, embeds and labels are not read.
 * Strict about what we use: a URI, a DID, a time that is not a date fail with the path of the
 * field, so the item is skipped with that reason and the rest of the page goes on.
 */
import { z } from 'zod';

/** An ISO 8601 instant, as epoch milliseconds. */
export const AtTimeSchema = z.string().transform((value, context) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < 0) {
    context.addIssue({ code: 'custom', message: `expected a date and time, got "${value}"` });
    return z.NEVER;
  }
  return ms;
});

export const DidSchema = z.string().regex(/^did:[a-z]+:[A-Za-z0-9._:%-]+$/, 'expected a DID');

/** `at://<did>/<collection>/<rkey>`. */
export const AtUriSchema = z
  .string()
  .regex(/^at:\/\/[^/\s]+\/[a-zA-Z0-9.-]+\/[^/\s]+$/, 'expected an at:// record URI');

export const StrongRefSchema = z.object({ uri: AtUriSchema, cid: z.string().min(1) });
export type StrongRef = z.infer<typeof StrongRefSchema>;

/** `app.bsky.actor.defs#profileViewBasic` (and the wider profile views, read the same way). */
export const ProfileSchema = z.object({
  did: DidSchema,
  handle: z.string().min(1),
  displayName: z.string().nullish(),
  avatar: z.string().nullish(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** One feature of a facet; anything but a mention, a link or a tag is kept and ignored. */
export const FacetFeatureSchema = z.union([
  z.object({ $type: z.literal('app.bsky.richtext.facet#mention'), did: DidSchema }),
  z.object({ $type: z.literal('app.bsky.richtext.facet#link'), uri: z.string().min(1) }),
  z.object({ $type: z.literal('app.bsky.richtext.facet#tag'), tag: z.string().min(1) }),
  z.object({ $type: z.string() }).transform(() => null),
]);
export type FacetFeature = Exclude<z.infer<typeof FacetFeatureSchema>, null>;

/** `app.bsky.richtext.facet`: a byte range of the UTF-8 text and what it is. */
export const FacetSchema = z.object({
  index: z.object({
    byteStart: z.number().int().nonnegative(),
    byteEnd: z.number().int().nonnegative(),
  }),
  features: z.array(FacetFeatureSchema),
});
export type Facet = z.infer<typeof FacetSchema>;

/** `app.bsky.feed.post`: the record, as the author wrote it. */
export const PostRecordSchema = z.object({
  $type: z.literal('app.bsky.feed.post').optional(),
  text: z.string(),
  /** A facet that cannot be read is left out: its text stays plain. */
  facets: z
    .array(z.unknown())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((item) => {
        const facet = FacetSchema.safeParse(item);
        return facet.success ? [facet.data] : [];
      }),
    ),
  reply: z.object({ root: StrongRefSchema, parent: StrongRefSchema }).nullish(),
  langs: z.array(z.string()).nullish(),
  createdAt: AtTimeSchema,
  /** Pictures, a video, a quoted post…: read only for what is attached (see map-records). */
  embed: z.unknown().optional(),
});
export type PostRecord = z.infer<typeof PostRecordSchema>;

/** `app.bsky.feed.defs#postView`. */
export const PostViewSchema = z.object({
  uri: AtUriSchema,
  cid: z.string().min(1),
  author: ProfileSchema,
  record: z.unknown(),
  indexedAt: AtTimeSchema,
});
export type PostView = z.infer<typeof PostViewSchema>;

/** `app.bsky.notification.listNotifications#notification`. */
export const NotificationSchema = z.object({
  uri: AtUriSchema,
  cid: z.string().min(1),
  author: ProfileSchema,
  /** `reply`, `mention`, `quote`, `like`, `repost`, `follow`, and whatever comes next. */
  reason: z.string().min(1),
  /** The user's own record the notification is about (the post liked, reposted, quoted). */
  reasonSubject: z.string().nullish(),
  record: z.unknown(),
  indexedAt: AtTimeSchema,
});
export type Notification = z.infer<typeof NotificationSchema>;

/** Where a notification is in the list: by the time the network sorts it, then its URI. */
export interface NotificationPosition {
  readonly at: number;
  readonly uri: string;
}

export const NotificationListSchema = z.object({
  notifications: z.array(z.unknown()),
  cursor: z.string().nullish(),
});

export const FollowsSchema = z.object({
  follows: z.array(z.unknown()),
  cursor: z.string().nullish(),
});

/** `app.bsky.feed.getPostThread`: a post, its parents and its replies (any of them may be missing). */
export interface ThreadNode {
  readonly post?: unknown;
  readonly parent?: unknown;
  readonly replies?: readonly unknown[];
}

export const ThreadNodeSchema: z.ZodType<ThreadNode> = z.object({
  post: z.unknown().optional(),
  parent: z.unknown().optional(),
  replies: z.array(z.unknown()).optional(),
});

/** `com.atproto.repo.getRecord`. */
export const RecordAnswerSchema = z.object({
  uri: AtUriSchema,
  cid: z.string().min(1).nullish(),
  value: z.unknown(),
});

/** `com.atproto.repo.createRecord`. */
export const CreatedRecordSchema = z.object({ uri: AtUriSchema, cid: z.string().min(1) });
