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
});
export type Person = z.infer<typeof PersonSchema>;
