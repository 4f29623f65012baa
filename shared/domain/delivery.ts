import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

export const EarlyOpeningSchema = z.object({
  at: InstantSchema,
  reason: z.string().trim().min(1),
});

export const DeliverySchema = z.object({
  id: IdSchema,
  /** The slot this delivery was for (after focus-window moves). */
  scheduledFor: InstantSchema,
  /** When it was actually made (later than scheduledFor after sleep or a closed app). */
  deliveredAt: InstantSchema,
  /** Slots that were missed and folded into this one catch-up delivery. */
  missedSlots: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  conversationCount: z.number().int().nonnegative(),
  openedEarly: EarlyOpeningSchema.nullable(),
  openedAt: InstantSchema.nullable(),
  closedAt: InstantSchema.nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
