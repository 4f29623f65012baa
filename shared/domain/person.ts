import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/** Whether the user has let a first-time or suspicious sender into their sessions. */
export const ScreeningSchema = z.enum(['unknown', 'let-in', 'kept-out']);
export type Screening = z.infer<typeof ScreeningSchema>;

export const PersonSchema = z.object({
  /** `${accountId}|${networkId}` */
  id: IdSchema,
  accountId: IdSchema,
  /** Mastodon account id or AT Protocol DID. */
  networkId: z.string().min(1),
  handle: z.string().min(1),
  displayName: z.string(),
  avatarUrl: z.string().url().nullable(),
  profileUrl: z.string().url().nullable(),
  /** True for the user's own account on that network. */
  isSelf: z.boolean(),
  firstSeenAt: InstantSchema,
  screening: ScreeningSchema,
  /** The user's private notes ("met at the SummitUp conference"). Never leaves the machine. */
  notes: z.string(),
  /** Keep-in-touch cadence in days, or null. */
  keepInTouchDays: z.number().int().positive().nullable(),
  /**
   * When the user began keeping in touch (set with a cadence, kept while it changes, null once
   * they stop). Absent on records stored before it was kept: see `keptSince` in
   * shared/keep-in-touch.
   */
  keepInTouchSince: InstantSchema.nullable().optional(),
  /** "Not this week": no keep-in-touch nudge about them before this instant. Absent: none. */
  keepInTouchSnoozedUntil: InstantSchema.nullable().optional(),
});
export type Person = z.infer<typeof PersonSchema>;
