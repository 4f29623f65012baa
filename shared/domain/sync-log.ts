import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/**
 * One item a sync skipped (it could not be read, or the store refused it), with the reason in
 * words. The newest few hundred per account are kept, for the user to see in Settings.
 */
export const SkippedItemSchema = z.object({
  /** Assigned by the store, in the order items were skipped. */
  seq: z.number().int().positive(),
  accountId: IdSchema,
  /** When the sync skipped it (and moved past it). */
  at: InstantSchema,
  /** The item's id on this machine, when it had one that could be read. */
  itemId: z.string().nullable(),
  reason: z.string(),
});
export type SkippedItem = z.infer<typeof SkippedItemSchema>;

/** How an account's syncs have gone: when one last finished, and whether the latest failed. */
export const SyncStatusSchema = z.object({
  accountId: IdSchema,
  lastSucceededAt: InstantSchema.nullable(),
  /** The latest sync's failure, until a sync succeeds again. */
  lastFailure: z.object({ at: InstantSchema, reason: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
