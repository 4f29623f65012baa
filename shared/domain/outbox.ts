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

/**
 * The person a new conversation is written to (a post that answers nothing): mentioned at its
 * start on their network (Mastodon `@handle`, a Bluesky mention facet), or the only one a direct
 * message reaches. Copied from their person record when it is queued, so the outbox needs nothing
 * else to send it.
 */
export const AddresseeSchema = z.object({
  /** Their local person id (`${accountId}|${networkId}`). */
  personId: IdSchema,
  /** Mastodon account id or AT Protocol DID. */
  networkId: z.string().min(1),
  /** As the network spells it: `name@server` on Mastodon, `name.bsky.social` on Bluesky. */
  handle: z.string().min(1),
});
export type Addressee = z.infer<typeof AddresseeSchema>;

/**
 * A post on its way out: a reply (`inReplyToPostId` and `threadId` set), or a new conversation
 * with someone (both null, `addressee` set). The idempotency key is made once, when it is queued,
 * and never changes. Rows written before new conversations existed have no `addressee`: they
 * parse as replies.
 */
export const OutboxEntryFieldsSchema = z.object({
  id: IdSchema,
  idempotencyKey: z.string().min(16),
  accountId: IdSchema,
  /** The conversation a reply belongs to; null for a new conversation (its post starts one). */
  threadId: IdSchema.nullable(),
  /** The post a reply answers; null for a new conversation. */
  inReplyToPostId: IdSchema.nullable(),
  /** Whom a new conversation is written to; null (or absent, in older rows) for a reply. */
  addressee: AddresseeSchema.nullable().optional(),
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

/** An outbox entry: its fields, and a reply or a new conversation, never half of each. */
export const OutboxEntrySchema = OutboxEntryFieldsSchema.superRefine((entry, ctx) => {
  const reply = entry.inReplyToPostId !== null;
  if (reply && entry.threadId === null) {
    ctx.addIssue({ code: 'custom', path: ['threadId'], message: 'a reply needs its thread' });
  }
  if (!reply && entry.threadId !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['threadId'],
      message: 'a new conversation has no thread before it is posted',
    });
  }
  if (!reply && entry.addressee == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['addressee'],
      message: 'a post that answers nothing must say whom it is written to',
    });
  }
  if (reply && entry.addressee != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['addressee'],
      message: 'a reply is addressed by the post it answers',
    });
  }
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
