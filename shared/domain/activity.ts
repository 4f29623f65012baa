import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/**
 * What happened. Networks add types over time: anything we do not know becomes `other`, with the
 * network's own name kept in `rawType`, so a new type never breaks a sync.
 */
export const ActivityKindSchema = z.enum([
  'mention',
  'reply',
  'direct',
  'follow',
  'favourite',
  'boost',
  'quote',
  'other',
]);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/** The `deliveryId` of activity that no delivery has released yet. */
export const WAITING_FOR_DELIVERY = '';

/** Kinds that are conversation; the rest is appreciation, folded into one calm line. */
export const CONVERSATION_KINDS: readonly ActivityKind[] = ['mention', 'reply', 'direct', 'quote'];

export const ActivityItemSchema = z.object({
  /** `${accountId}|${networkId}` */
  id: IdSchema,
  accountId: IdSchema,
  networkId: z.string().min(1),
  kind: ActivityKindSchema,
  rawType: z.string().min(1),
  actorId: IdSchema,
  /** The post that carries the activity (the mention, the reply), if any. */
  postId: IdSchema.nullable(),
  /** The user's own post that was favourited, boosted or quoted, if any. */
  subjectPostId: IdSchema.nullable(),
  threadId: IdSchema.nullable(),
  /** When it happened on the network. */
  createdAt: InstantSchema,
  /** When this machine first stored it: deliveries release by this instant. */
  arrivedAt: InstantSchema,
  /**
   * The delivery that released it, or `WAITING_FOR_DELIVERY` until one does. (A string rather than
   * null, because IndexedDB does not index null: "everything still waiting" is one index range.)
   */
  deliveryId: z.string(),
});
export type ActivityItem = z.infer<typeof ActivityItemSchema>;
