import { z } from 'zod';

/** Messages between the page and the sync worker, parsed on both sides. */
export const SyncRequestSchema = z.discriminatedUnion('type', [
  z.object({
    id: z.number().int(),
    type: z.literal('sync'),
    /** The page's clock: the worker stores arrivals at this instant. */
    now: z.number().int().nonnegative(),
  }),
  /** A session is done: tell each network what it showed (see `tell-seen.ts`). */
  z.object({
    id: z.number().int(),
    type: z.literal('tell-seen'),
    now: z.number().int().nonnegative(),
  }),
]);
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

export const SyncResponseSchema = z.discriminatedUnion('type', [
  z.object({
    id: z.number().int(),
    type: z.literal('synced'),
    newActivity: z.number().int().nonnegative(),
    problems: z.number().int().nonnegative(),
  }),
  z.object({ id: z.number().int(), type: z.literal('failed'), message: z.string() }),
  z.object({
    id: z.number().int(),
    type: z.literal('told'),
    accounts: z.number().int().nonnegative(),
  }),
]);
export type SyncResponse = z.infer<typeof SyncResponseSchema>;
