import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

export const EarlyOpeningSchema = z.object({
  at: InstantSchema,
  reason: z.string().trim().min(1),
});

/**
 * - `scheduled`: a slot of the user's schedule;
 * - `catch-up`: the one delivery made after the app was closed or asleep through slots;
 * - `early`: the user opened the inbox before the next slot, deliberately, with a reason;
 * - `welcome`: the first delivery, right after an account (or the demo) is added.
 */
export const DeliveryKindSchema = z.enum(['scheduled', 'catch-up', 'early', 'welcome']);
export type DeliveryKind = z.infer<typeof DeliveryKindSchema>;

export const DeliverySchema = z.object({
  id: IdSchema,
  kind: DeliveryKindSchema,
  /** The slot this delivery was for (after focus-window moves). */
  scheduledFor: InstantSchema,
  /** When it was actually made (later than scheduledFor after sleep or a closed app). */
  deliveredAt: InstantSchema,
  /** Everything that arrived up to this instant is released by this delivery. */
  releasedUpTo: InstantSchema,
  /** Slots that were missed and folded into this one catch-up delivery. */
  missedSlots: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  /** Conversations it brought (new ones only: what it brought back is `carriedCount`). */
  conversationCount: z.number().int().nonnegative(),
  /** Conversations earlier sessions left untouched, brought back by this delivery. */
  carriedCount: z.number().int().nonnegative(),
  openedEarly: EarlyOpeningSchema.nullable(),
  openedAt: InstantSchema.nullable(),
  closedAt: InstantSchema.nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
