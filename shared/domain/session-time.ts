import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/**
 * The time the user spent in one review session: only while the session was on screen (the
 * window visible, the inbox in front or the composer open), added up in small steps as it
 * passes, so a reload or a crash loses at most one step and an unattended open inbox counts
 * nothing. One record per session, keyed by the session's oldest delivery.
 */
export const SessionTimeSchema = z.object({
  /** The id of the session's oldest open delivery (stable while the session lasts). */
  id: IdSchema,
  /** When the session was first on screen. */
  startedAt: InstantSchema,
  /** When time was last added. */
  lastAt: InstantSchema,
  /** Milliseconds on screen. */
  activeMs: z.number().int().nonnegative(),
});
export type SessionTime = z.infer<typeof SessionTimeSchema>;
