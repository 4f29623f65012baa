import { z } from 'zod';
import { ActivityItemSchema, PersonSchema, PostSchema } from '../domain';
import { normaliseLanguageTag } from '../text/language-tag';

/**
 * What a connector hands the sync, checked with the domain schemas at the boundary: everything the
 * network describes, nothing the user or this machine adds (notes, screening, arrival, delivery).
 * Unknown extra fields are tolerated and dropped.
 */
export const IncomingPersonSchema = PersonSchema.omit({
  screening: true,
  notes: true,
  keepInTouchDays: true,
  keepInTouchSince: true,
  keepInTouchSnoozedUntil: true,
  firstSeenAt: true,
});

/**
 * A post, with its language tag normalised to BCP 47 (`en_US` → `en-US`); a value that cannot be
 * a tag becomes null rather than costing the post.
 */
export const IncomingPostSchema = PostSchema.extend({
  language: z.unknown().transform(normaliseLanguageTag),
});

export const IncomingActivitySchema = ActivityItemSchema.omit({
  arrivedAt: true,
  deliveryId: true,
});

export const ConnectorProblemSchema = z.object({
  itemId: z.string().nullable(),
  message: z.string(),
});

/** A page of activity before its items are looked at: only its shape and cursor must be right. */
export const IncomingPageSchema = z.object({
  people: z.array(z.unknown()),
  posts: z.array(z.unknown()),
  activity: z.array(z.unknown()),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
  problems: z.array(ConnectorProblemSchema),
});
