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
 * A delivery that first released activity a carry-over holds, and how many of those items at most:
 * one index range of that delivery's activity finds them, instead of one request per item.
 */
export const CarriedSourceSchema = z.object({
  deliveryId: z.string(),
  count: z.number().int().nonnegative(),
});
export type CarriedSource = z.infer<typeof CarriedSourceSchema>;

/**
 * Conversations that sessions left untouched, and the delivery that brings them back. Until a
 * delivery takes them they wait under `WAITING_FOR_DELIVERY`, like activity no delivery has
 * released yet; the next delivery (scheduled, catch-up or early) takes them as its own.
 */
export const CarryOverSchema = z.object({
  deliveryId: z.string(),
  conversations: z.array(LeftConversationSchema),
  /** Where their activity was first released (a hint for reading it fast, never a filter). */
  sources: z.array(CarriedSourceSchema),
});
export type CarryOver = z.infer<typeof CarryOverSchema>;
