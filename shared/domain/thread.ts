import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';

/** Where the user left a conversation in triage. */
export const TriageStateSchema = z.enum(['open', 'later', 'done', 'muted']);
export type TriageState = z.infer<typeof TriageStateSchema>;

export const ThreadSchema = z.object({
  /** Local id of the thread: the local id of its root post. */
  id: IdSchema,
  accountId: IdSchema,
  rootPostId: IdSchema,
  /** A short plain-text line for lists, from the root post. */
  subject: z.string(),
  participantIds: z.array(IdSchema),
  /** Who is in it, for lists: "Mira Okafor, Tomás Ruiz and you". */
  participantsLabel: z.string(),
  /** A short plain-text line from the latest post, for lists. */
  lastSnippet: z.string(),
  isDirect: z.boolean(),
  lastActivityAt: InstantSchema,
  lastPostId: IdSchema,
  triage: TriageStateSchema,
  triagedAt: InstantSchema.nullable(),
});
export type Thread = z.infer<typeof ThreadSchema>;
