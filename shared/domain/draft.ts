import { z } from 'zod';
import { IdSchema, InstantSchema, LanguageSchema, VisibilitySchema } from './common';

/** What the user is writing. One draft per post being answered. */
export const DraftSchema = z.object({
  /** The local id of the post being answered. */
  id: IdSchema,
  accountId: IdSchema,
  threadId: IdSchema,
  text: z.string(),
  visibility: VisibilitySchema,
  contentWarning: z.string().nullable(),
  language: LanguageSchema.nullable(),
  updatedAt: InstantSchema,
});
export type Draft = z.infer<typeof DraftSchema>;
