import type { Draft, OutboxEntry, Post } from '../../../../shared/domain';
import { queueReply } from '../../../../shared/outbox';
import type { SlowpostDb } from '../database';

/** The draft answering a post, if the user started one. */
export async function readDraft(db: SlowpostDb, postId: string): Promise<Draft | undefined> {
  return db.drafts.get(postId);
}

/** Saves what the user typed, with its settings. An empty text removes the draft. */
export async function saveDraft(
  db: SlowpostDb,
  answering: Post,
  text: string,
  now: number,
): Promise<void> {
  if (text.trim() === '') {
    await db.drafts.delete(answering.id);
    return;
  }
  const before = await db.drafts.get(answering.id);
  await db.drafts.put({
    id: answering.id,
    accountId: answering.accountId,
    threadId: answering.threadId,
    text,
    visibility:
      before?.visibility ?? (answering.visibility === 'direct' ? 'direct' : answering.visibility),
    contentWarning: before?.contentWarning ?? answering.contentWarning,
    language: before?.language ?? answering.language,
    updatedAt: now,
  });
}

/**
 * Moves a reply into the outbox, in one transaction with removing its draft: the text is always in
 * exactly one of the two places. The idempotency key is made here, once.
 */
export async function queueDraft(
  db: SlowpostDb,
  answering: Post,
  text: string,
  now: number,
): Promise<OutboxEntry> {
  return db.transaction('rw', [db.drafts, db.outbox], async () => {
    const draft = await db.drafts.get(answering.id);
    const queued = queueReply(
      {
        accountId: answering.accountId,
        threadId: answering.threadId,
        inReplyToPostId: answering.id,
        text,
        visibility:
          draft?.visibility ??
          (answering.visibility === 'direct' ? 'direct' : answering.visibility),
        contentWarning: draft?.contentWarning ?? answering.contentWarning,
        language: draft?.language ?? answering.language,
      },
      { now, newId: () => crypto.randomUUID(), newKey: () => crypto.randomUUID() },
    );
    if (!queued.ok) throw new Error(queued.error.message);
    await db.outbox.add(queued.value);
    await db.drafts.delete(answering.id);
    return queued.value;
  });
}
