import type { OutboxEntry } from '../../../shared/domain';
import type { OutboxCommandResult, Withdrawn } from '../../../shared/outbox';
import type { SlowpostDb } from '../db/database';
import { restoreDraft } from '../db/repositories/replies';
import { undoChange } from '../db/repositories/session';
import type { QueuedNotice } from '../state/ui-store';
import type { OutboxRunner } from './outbox-runner';

export type ActionResult =
  { readonly ok: true; readonly postId: string } | { readonly ok: false; readonly message: string };

async function backToDraft(
  db: SlowpostDb,
  result: OutboxCommandResult<Withdrawn>,
): Promise<ActionResult> {
  if (!result.ok) return { ok: false, message: result.error.message };
  await restoreDraft(db, result.value.entry, Date.now());
  return { ok: true, postId: result.value.entry.inReplyToPostId };
}

/**
 * Takes a reply back before it ever left (undo): the entry is cancelled, its text becomes the
 * draft again, and the conversation goes back to where it was in triage.
 */
export async function takeBack(
  db: SlowpostDb,
  outbox: OutboxRunner,
  entryId: string,
  threadBefore: QueuedNotice['threadBefore'] = null,
): Promise<ActionResult> {
  const result = await backToDraft(db, await outbox.engine.cancel(entryId));
  if (result.ok && threadBefore !== null) {
    await undoChange(db, {
      type: 'thread',
      threadId: threadBefore.threadId,
      before: { triage: threadBefore.triage, triagedAt: threadBefore.triagedAt },
    });
  }
  return result;
}

/** Gives up on a reply that needs attention and gets its text back as a draft. */
export async function editAsDraft(
  db: SlowpostDb,
  outbox: OutboxRunner,
  entryId: string,
): Promise<ActionResult> {
  return backToDraft(db, await outbox.engine.dismiss(entryId));
}

/** Tries a reply that needs attention again, with the same idempotency key. */
export async function retryReply(outbox: OutboxRunner, entry: OutboxEntry): Promise<ActionResult> {
  const result = await outbox.engine.retry(entry.id);
  if (!result.ok) return { ok: false, message: result.error.message };
  outbox.kick();
  return { ok: true, postId: entry.inReplyToPostId };
}
