import { z } from 'zod';
import { ScreenResultSchema } from '../text/screen-result-schema';
import { IdSchema, InstantSchema, LanguageSchema, VisibilitySchema } from './common';

/**
 * A reference to a post as each network needs it: the local id, the network's URI (a Mastodon
 * status URI or an `at://` URI) and, for AT Protocol, the record's CID.
 */
export const PostRefSchema = z.object({
  id: IdSchema,
  uri: z.string().min(1),
  cid: z.string().min(1).nullable(),
});
export type PostRef = z.infer<typeof PostRefSchema>;

/**
 * A picture, video or sound attached to a post. The page never loads it (its CSP allows images
 * from the app only): it shows the description and opens `url` in the browser on request.
 */
export const PostMediaSchema = z.object({
  kind: z.enum(['image', 'video', 'audio', 'other']),
  /** Where the network keeps it (http or https); null when it gave none. */
  url: z.string().url().nullable(),
  /** The author's description (alt text); null when they wrote none. */
  description: z.string().nullable(),
});
export type PostMedia = z.infer<typeof PostMediaSchema>;

export const PostSchema = z.object({
  /** `${accountId}|${networkId}` */
  id: IdSchema,
  accountId: IdSchema,
  /** Mastodon status id, or the AT URI for Bluesky. */
  networkId: z.string().min(1),
  uri: z.string().min(1),
  cid: z.string().min(1).nullable(),
  /** Web page of the post, when the network has one. */
  url: z.string().url().nullable(),
  threadId: IdSchema,
  authorId: IdSchema,
  /** Untrusted HTML from the network. Sanitize before rendering. */
  contentHtml: z.string(),
  createdAt: InstantSchema,
  /** The post this one answers, or null for a thread root. */
  parent: PostRefSchema.nullable(),
  /** The first post of the thread (itself for a root). */
  root: PostRefSchema,
  visibility: VisibilitySchema,
  contentWarning: z.string().nullable(),
  language: LanguageSchema.nullable(),
  /** Written by the user (from this app or elsewhere). */
  isOwn: z.boolean(),
  /**
   * When this machine first stored it; 0 until stored. Other people's posts show only once a
   * delivery has released everything up to this instant.
   */
  arrivedAt: InstantSchema,
  /**
   * The spam screen's verdict on this post's text, made once when it arrives (off the UI
   * thread); null until then, and for the user's own posts.
   */
  screen: ScreenResultSchema.nullable(),
  /** What is attached; absent on posts stored before attachments were kept. */
  media: z.array(PostMediaSchema).max(20).optional(),
});
export type Post = z.infer<typeof PostSchema>;
