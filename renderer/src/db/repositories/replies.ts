import type { Draft, OutboxEntry, Post, Visibility } from '@shared/domain';
import { DraftSchema } from '@shared/domain';
import { decideDraftFold } from '@shared/drafts/draft-fold-decision';
import type { DraftWriteAhead } from '@shared/drafts/write-ahead-entry';
import { draftFromEntry, draftIdOfEntry, queueReply } from '@shared/outbox';
import type { QueueReplyInput } from '@shared/outbox';
import { isNewConversationDraftId } from '@shared/domain/draft';
import { normaliseLanguageTag } from '@shared/text/language-tag';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';

/** What the user wrote, and how it should go out. */
export interface DraftFields {
  readonly text: string;
  readonly visibility: Visibility;
  readonly contentWarning: string | null;
  readonly language: string | null;
}

/** The draft answering a post, if the user started one. */
export async function readDraft(db: SlowpostDb, postId: string): Promise<Draft | undefined> {
  return db.drafts.get(postId);
}

/**
 * How a new reply to `answering` starts: a private message is answered privately, anything else
 * at most as openly as it was written; the content warning and language carry over. (The post's
 * language is normalised again: an older version stored tags such as `en_US` as they came, and a
 * draft must always be savable.)
 */
export function defaultDraftFields(answering: Post): DraftFields {
  return {
    text: '',
    visibility: answering.visibility,
    contentWarning: answering.contentWarning,
    language: normaliseLanguageTag(answering.language),
  };
}

/**
 * Saves what the user typed, with its settings, exactly as given (see `storeDraftVersion`). A
 * value that does not parse (e.g. a malformed language tag) is refused with the reason, and the
 * stored draft stays as it was.
 */
export async function saveDraft(
  db: SlowpostDb,
  answering: Post,
  fields: DraftFields,
  now: number,
): Promise<void> {
  await storeDraftVersion(db, draftVersion(answering, fields, now));
}

/** One version of the draft answering `answering`: what the user typed at `updatedAt`. */
export function draftVersion(
  answering: Post,
  fields: DraftFields,
  updatedAt: number,
): DraftWriteAhead {
  return {
    kind: 'draft',
    postId: answering.id,
    accountId: answering.accountId,
    threadId: answering.threadId,
    text: fields.text,
    visibility: fields.visibility,
    contentWarning: fields.contentWarning,
    language: fields.language,
    updatedAt,
  };
}

/** Whether a version was written, or why the store already had something as new or newer. */
export type StoreOutcome =
  { readonly written: true } | { readonly written: false; readonly reason: string };

/**
 * Writes one version of a draft, if it is the newest (`decideDraftFold`): never over a draft
 * stored later, never for a reply that went to the outbox after it was typed. A draft emptied
 * back to how it started is removed. A value that does not parse is refused with the reason
 * (thrown), and the stored draft stays as it was.
 */
export async function storeDraftVersion(
  db: SlowpostDb,
  version: DraftWriteAhead,
): Promise<StoreOutcome> {
  return db.transaction('rw', [db.accounts, db.posts, db.drafts, db.outbox], async () => {
    const [account, post, stored, replies] = await Promise.all([
      db.accounts.get(version.accountId),
      db.posts.get(version.postId),
      db.drafts.get(version.postId),
      // A new conversation has no thread: its entries are found by the draft they came from.
      (isNewConversationDraftId(version.postId)
        ? db.outbox.filter((entry) => sameDraft(entry, version.postId))
        : db.outbox
            .where('threadId')
            .equals(version.threadId)
            .filter((entry) => entry.inReplyToPostId === version.postId)
      ).toArray(),
    ]);
    const queuedAt = replies.reduce<number | null>(
      (latest, entry) =>
        typeof entry.createdAt === 'number' && (latest === null || entry.createdAt > latest)
          ? entry.createdAt
          : latest,
      null,
    );
    const decision = decideDraftFold(version, {
      stored,
      queuedAt,
      start: post === undefined ? null : defaultDraftFields(post),
      accountExists: account !== undefined,
    });
    if (decision.action === 'drop') return { written: false, reason: decision.reason };
    if (decision.action === 'delete') {
      await db.drafts.delete(version.postId);
      return { written: true };
    }
    const parsed = parseUnknown(
      DraftSchema,
      {
        id: version.postId,
        accountId: version.accountId,
        threadId: version.threadId,
        text: version.text,
        visibility: version.visibility,
        contentWarning: version.contentWarning,
        language: version.language,
        updatedAt: version.updatedAt,
      },
      'draft',
    );
    if (!parsed.ok) throw new Error(parsed.error);
    await db.drafts.put(parsed.value);
    return { written: true };
  });
}

/** Whether an outbox row was queued from this (new conversation's) draft; a damaged row is not. */
function sameDraft(row: OutboxEntry, draftId: string): boolean {
  try {
    return draftIdOfEntry(row) === draftId;
  } catch {
    return false;
  }
}

/** Removes the draft answering a post (the user discarded it). */
export async function discardDraft(db: SlowpostDb, postId: string): Promise<void> {
  await db.drafts.delete(postId);
}

/**
 * Moves a reply into the outbox, in one transaction with removing its draft: the text is always in
 * exactly one of the two places. The idempotency key is made here, once. `sendAfter` is when it
 * may go: now, after the cooling-off delay, or at the next delivery.
 */
export async function queueDraft(
  db: SlowpostDb,
  answering: Post,
  fields: DraftFields,
  timing: { readonly now: number; readonly sendAfter: number },
): Promise<OutboxEntry> {
  const to = {
    accountId: answering.accountId,
    threadId: answering.threadId,
    inReplyToPostId: answering.id,
  };
  return queueFromDraft(db, to, answering.id, fields, timing);
}

/**
 * Queues what a draft holds for `to` (a reply, or a new conversation with its addressee) and
 * removes the draft, in one transaction: the text is never both a draft and an outbox entry.
 */
export async function queueFromDraft(
  db: SlowpostDb,
  to: Pick<QueueReplyInput, 'accountId' | 'threadId' | 'inReplyToPostId' | 'addressee'>,
  draftId: string,
  fields: DraftFields,
  timing: { readonly now: number; readonly sendAfter: number },
): Promise<OutboxEntry> {
  return db.transaction('rw', [db.drafts, db.outbox], async () => {
    const queued = queueReply(
      {
        ...to,
        text: fields.text,
        visibility: fields.visibility,
        contentWarning: fields.contentWarning,
        language: fields.language,
      },
      {
        now: timing.now,
        sendAfter: timing.sendAfter,
        newId: () => crypto.randomUUID(),
        newKey: () => crypto.randomUUID(),
      },
    );
    if (!queued.ok) throw new Error(queued.error.message);
    await db.outbox.add(queued.value);
    await db.drafts.delete(draftId);
    return queued.value;
  });
}

/**
 * Puts a reply that left the outbox unsent (undo, or given up after a refusal) back as the draft
 * of its post. If the user has started a new draft for that post meanwhile, both texts are kept:
 * the returned text comes first, then the newer one.
 */
export async function restoreDraft(
  db: SlowpostDb,
  entry: OutboxEntry,
  now: number,
): Promise<Draft> {
  return db.transaction('rw', db.drafts, async () => {
    const restored = draftFromEntry(entry, now);
    const newer = await db.drafts.get(draftIdOfEntry(entry));
    const draft =
      newer === undefined || newer.text.trim() === ''
        ? restored
        : { ...restored, text: `${restored.text}\n\n${newer.text}` };
    await db.drafts.put(draft);
    return draft;
  });
}
