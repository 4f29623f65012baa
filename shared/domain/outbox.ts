import { z } from 'zod';
import { IdSchema, InstantSchema, LanguageSchema, VisibilitySchema } from './common';

export const OutboxStateSchema = z.enum([
  'waiting',
  'sending',
  'sent',
  'needs-attention',
  'cancelled',
]);
export type OutboxState = z.infer<typeof OutboxStateSchema>;

/**
 * The record a reply will be, on networks whose posts are records the client names (Bluesky):
 * its record key (a TID) and creation time, chosen once before the first attempt, so that every
 * attempt writes the same record and the check after an unknown outcome reads it back by key.
 */
export const RecordKeySchema = z.object({
  rkey: z
    .string()
    .regex(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/, 'expected a TID'),
  createdAt: InstantSchema,
});
export type RecordKey = z.infer<typeof RecordKeySchema>;

/** A reply on its way out. The idempotency key is made once, when it is queued, and never changes. */
export const OutboxEntrySchema = z.object({
  id: IdSchema,
  idempotencyKey: z.string().min(16),
  accountId: IdSchema,
  threadId: IdSchema,
  inReplyToPostId: IdSchema,
  text: z.string().min(1),
  visibility: VisibilitySchema,
  contentWarning: z.string().nullable(),
  language: LanguageSchema.nullable(),
  state: OutboxStateSchema,
  createdAt: InstantSchema,
  /** Not before this instant (cooling-off delay, or the next delivery). */
  sendAfter: InstantSchema,
  attempts: z.number().int().nonnegative(),
  /** When the first attempt started (null before): a reply an attempt made cannot be older. */
  firstAttemptAt: InstantSchema.nullable(),
  /**
   * An earlier attempt may have posted the reply without Slowpost learning it (a timeout, a crash
   * mid-send, an answer that could not be read): before anything is sent again, or the reply is
   * given back as a draft, the network is asked whether it is already there.
   */
  outcomeUnknown: z.boolean(),
  nextAttemptAt: InstantSchema,
  lastError: z.string().nullable(),
  /** The local id of the post once the network accepted it. */
  sentPostId: IdSchema.nullable(),
  /**
   * Bluesky: the reply's record, chosen before the first attempt (see `RecordKeySchema`); else
   * null. Absent (as null) in rows written before version 7, and in entries built by code that
   * has no record to choose.
   */
  recordKey: RecordKeySchema.nullable().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
