import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/** One conversation a session left untouched: its thread and the activity that waits in it. */
export const LeftConversationSchema = z.object({
  threadId: IdSchema,
  /** The activity that waits, oldest first. It keeps the id of the delivery that first brought it. */
  activityIds: z.array(IdSchema).min(1),
  /** When the session that left it closed: triage from then on counts as handling it. */
  leftAt: InstantSchema,
});
export type LeftConversation = z.infer<typeof LeftConversationSchema>;

/**
 * Conversations that sessions left untouched, and the delivery that brings them back. Until a
 * delivery takes them they wait under `WAITING_FOR_DELIVERY`, like activity no delivery has
 * released yet; the next delivery (scheduled, catch-up or early) takes them as its own.
 */
export const CarryOverSchema = z.object({
  deliveryId: z.string(),
  conversations: z.array(LeftConversationSchema),
});
export type CarryOver = z.infer<typeof CarryOverSchema>;
