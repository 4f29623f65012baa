import type { OutboxEntry } from '@shared/domain';
import { draftIdOfEntry, type OutboxCommandResult, type Withdrawn } from '@shared/outbox';
import type { SlowpostDb } from '../db/database';
import { restoreDraft } from '../db/repositories/replies';
import { undoChange } from '../db/repositories/triage-actions';
import type { QueuedNotice } from '../state/ui-store';
import type { OutboxRunner } from './outbox-runner';

/**
 * `draftId`: the draft the text is in, to open the composer on: the post a reply answers, or
 * `write:<person id>` for a new conversation (see `newConversationDraftId`).
 */
export type ActionResult =
  | { readonly ok: true; readonly draftId: string }
  | { readonly ok: false; readonly message: string };

/** What "Edit as a draft" (or checking a reply whose outcome is unknown) came to. */
export type EditResult =
  /** The text is the draft again: open it. */
  | { readonly kind: 'draft'; readonly draftId: string }
  /** It was posted after all; it is in its conversation now. */
  | { readonly kind: 'posted' }
  /** It is certainly not posted, and still in the outbox (after "Check again"). */
  | { readonly kind: 'not-posted' }
  /** The network could not be asked: it may be posted already. */
  | { readonly kind: 'cannot-check'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Moves a reply out of the outbox and its text back into the draft of its post, in one
 * transaction: the text is always in exactly one of the two places, whatever happens meanwhile.
 */
async function backToDraft(
  db: SlowpostDb,
  withdraw: () => Promise<OutboxCommandResult<Withdrawn>>,
): Promise<ActionResult> {
  return db.transaction('rw', [db.outbox, db.drafts], async () => {
    const result = await withdraw();
    if (!result.ok) return { ok: false, message: result.error.message };
    await restoreDraft(db, result.value.entry, Date.now());
    return { ok: true, draftId: draftIdOfEntry(result.value.entry) };
  });
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
  const result = await backToDraft(db, () => outbox.engine.cancel(entryId));
  if (result.ok && threadBefore !== null) {
    await undoChange(db, {
      type: 'thread',
      threadId: threadBefore.threadId,
      before: { triage: threadBefore.triage, triagedAt: threadBefore.triagedAt },
    });
  }
  return result;
}

/**
 * Gives up on a reply that needs attention and gets its text back as a draft. When an earlier
 * attempt may have posted it, the network is asked first: a reply posted after all stays sent
 * (no second post), and when the network cannot be asked the user is told so.
 */
export async function editAsDraft(
  db: SlowpostDb,
  outbox: OutboxRunner,
  entryId: string,
): Promise<EditResult> {
  const checked = await checkPosted(outbox, entryId);
  if (checked.kind !== 'not-posted') return checked;
  const result = await backToDraft(db, () => outbox.engine.dismiss(entryId));
  return result.ok ? { kind: 'draft', draftId: result.draftId } : { kind: 'failed', ...result };
}

/** Asks the network whether a reply with an unknown outcome was posted. */
export async function checkPosted(outbox: OutboxRunner, entryId: string): Promise<EditResult> {
  const checked = await outbox.engine.check(entryId);
  if (!checked.ok) {
    return checked.error.kind === 'cannot-check'
      ? { kind: 'cannot-check', message: checked.error.message }
      : { kind: 'failed', message: checked.error.message };
  }
  return { kind: checked.value.kind };
}

/**
 * "Edit anyway": the user was told the reply may already be posted and wants the text back all
 * the same. If it was posted, sending the draft would post it again; the outbox said so.
 */
export async function editAnyway(
  db: SlowpostDb,
  outbox: OutboxRunner,
  entryId: string,
): Promise<ActionResult> {
  return backToDraft(db, () => outbox.engine.dismiss(entryId, { acceptUnknown: true }));
}

/** Tries a reply that needs attention again, with the same idempotency key. */
export async function retryReply(outbox: OutboxRunner, entry: OutboxEntry): Promise<ActionResult> {
  const result = await outbox.engine.retry(entry.id);
  if (!result.ok) return { ok: false, message: result.error.message };
  outbox.kick();
  return { ok: true, draftId: draftIdOfEntry(entry) };
}
