import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/**
 * "This is the same person": people of different accounts (Mastodon, Bluesky…) the user said are
 * one human. The user's notes and keep-in-touch cadence for them live here, once, for all of
 * them; the linked people's own fields stay empty while the link lasts. Unlinking gives each
 * person a copy back. A person is in at most one link; no two of a link's people share an account.
 */
export const PersonLinkSchema = z.object({
  /** Made when the link is made (the first two people's ids, joined). */
  id: IdSchema,
  /** Local person ids, two or more, each of a different account. */
  personIds: z.array(IdSchema).min(2),
  /** The user's private notes about this human. Never leaves the machine. */
  notes: z.string(),
  /** Keep-in-touch cadence in days, or null. */
  keepInTouchDays: z.number().int().positive().nullable(),
  /** As the person's own (see PersonSchema): when keeping in touch began; absent on old links. */
  keepInTouchSince: InstantSchema.nullable().optional(),
  /** As the person's own: "not this week" until this instant. */
  keepInTouchSnoozedUntil: InstantSchema.nullable().optional(),
  linkedAt: InstantSchema,
});
export type PersonLink = z.infer<typeof PersonLinkSchema>;
