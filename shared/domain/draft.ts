import { z } from 'zod';
import { IdSchema, InstantSchema, LanguageSchema, VisibilitySchema } from './common';

/**
 * What the user is writing. One draft per post being answered, and one per person the user
 * writes to first (a new conversation: see `newConversationDraftId`).
 */
export const DraftSchema = z.object({
  /** The local id of the post being answered, or `write:<person id>` for a new conversation. */
  id: IdSchema,
  accountId: IdSchema,
  /** The thread of the post answered; a new conversation has none yet and repeats its id. */
  threadId: IdSchema,
  text: z.string(),
  visibility: VisibilitySchema,
  contentWarning: z.string().nullable(),
  language: LanguageSchema.nullable(),
  updatedAt: InstantSchema,
});
export type Draft = z.infer<typeof DraftSchema>;

const NEW_CONVERSATION_PREFIX = 'write:';

/**
 * The draft id of a new conversation with a person (their local id, `${accountId}|${networkId}`):
 * it stands in for the post a reply's draft is keyed by, and for its thread (there is none yet).
 * Starts with `write:` and then the account id, so an account's drafts are found by prefix.
 */
export function newConversationDraftId(personId: string): string {
  return `${NEW_CONVERSATION_PREFIX}${personId}`;
}

export function isNewConversationDraftId(id: string): boolean {
  return id.startsWith(NEW_CONVERSATION_PREFIX);
}

/** The person a new conversation's draft is written to, or null for a reply's draft. */
export function personOfNewConversationDraft(id: string): string | null {
  return isNewConversationDraftId(id) ? id.slice(NEW_CONVERSATION_PREFIX.length) : null;
}
