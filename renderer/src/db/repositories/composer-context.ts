import type { Account, Person, Post, Thread } from '@shared/domain';
import { localId } from '@shared/domain';
import type { NoteWriteAhead } from '@shared/drafts/write-ahead-entry';
import type { SentReply } from '@shared/text/form-letter';
import { htmlToVisibleText } from '@shared/text/html-to-text';
import { quoteOf, snippetOf } from '@shared/threads/thread-labels';
import { isScreenedOut } from '@shared/session/screened-out';
import type { SlowpostDb } from '../database';
import { readableEntry } from './dexie-outbox-store';
import { withLinkedNotes, writeNotes } from './person-links';
import { defaultDraftFields, type DraftFields, type StoreOutcome } from './replies';

/** How far back the form-letter check looks for replies to compare with. */
export const RECENT_REPLIES_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many earlier replies are compared (newest first). */
const MAX_RECENT_REPLIES = 400;

/**
 * The user's replies of the last 30 days, to the people they answered: what they sent (their own
 * posts that answer someone) and what waits in the outbox. The form-letter check compares a
 * draft with these.
 */
export async function recentReplies(
  db: SlowpostDb,
  accountId: string,
  now: number,
): Promise<SentReply[]> {
  const since = now - RECENT_REPLIES_WINDOW_MS;
  return db.transaction('r', [db.accounts, db.posts, db.outbox], async () => {
    // The user's own person id follows from the account (as the session reads it too).
    const account = await db.accounts.get(accountId);
    const own =
      account === undefined
        ? []
        : await db.posts
            .where('authorId')
            .equals(localId(account.id, account.networkUserId))
            .filter((p) => p.createdAt >= since && p.parent !== null)
            .toArray();
    // Parsed: a damaged row holds nothing to compare with.
    const queued = (
      await db.outbox.where('state').anyOf(['waiting', 'sending', 'needs-attention']).toArray()
    ).flatMap((row) => {
      const e = readableEntry(row);
      return e !== undefined && e.accountId === accountId && e.createdAt >= since ? [e] : [];
    });
    const parentIds = [
      ...own.map((p) => p.parent?.id ?? ''),
      ...queued.map((e) => e.inReplyToPostId ?? ''),
    ];
    const parents = await db.posts.bulkGet(parentIds);
    const authorOf = new Map<string, string>();
    parents.forEach((parent) => {
      if (parent !== undefined) authorOf.set(parent.id, parent.authorId);
    });
    const replies: SentReply[] = [];
    for (const post of own) {
      const recipientId = authorOf.get(post.parent?.id ?? '');
      if (recipientId === undefined || recipientId === post.authorId) continue;
      replies.push({ id: post.id, recipientId, text: post.contentHtml, sentAt: post.createdAt });
    }
    for (const entry of queued) {
      // A new conversation is written to its addressee; a reply, to the author of what it answers.
      const recipientId = entry.addressee?.personId ?? authorOf.get(entry.inReplyToPostId ?? '');
      if (recipientId === undefined) continue;
      replies.push({ id: entry.id, recipientId, text: entry.text, sentAt: entry.createdAt });
    }
    return replies.sort((a, b) => b.sentAt - a.sentAt).slice(0, MAX_RECENT_REPLIES);
  });
}

/** One earlier conversation with a person, for the composer's context card. */
export interface PastConversation {
  readonly threadId: string;
  readonly subject: string;
  /** What they said last in it, as it reads (Mastodon's hidden link parts hidden). */
  readonly theirLastLine: string;
  /** That line as a quote, “…”, or `NO_TEXT` when the post has none. */
  readonly quote: string;
  readonly lastAt: number;
  /** Whether the user wrote in it too. */
  readonly youReplied: boolean;
}

/**
 * Other conversations the person took part in, newest first, from the local store only. Posts
 * still waiting for a delivery are not shown (the composer shows nothing undelivered).
 */
export async function pastConversations(
  db: SlowpostDb,
  personId: string,
  exceptThreadId: string,
  releasedUpTo: number,
  limit = 5,
): Promise<PastConversation[]> {
  return db.transaction('r', [db.posts, db.threads], async () => {
    const theirs = await db.posts
      .where('authorId')
      .equals(personId)
      .filter((p) => p.threadId !== exceptThreadId && p.arrivedAt <= releasedUpTo)
      .toArray();
    const latestByThread = new Map<string, Post>();
    for (const post of theirs) {
      const known = latestByThread.get(post.threadId);
      if (known === undefined || known.createdAt < post.createdAt)
        latestByThread.set(post.threadId, post);
    }
    const newest = [...latestByThread.values()]
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
    const threads = await db.threads.bulkGet(newest.map((p) => p.threadId));
    const result: PastConversation[] = [];
    for (const [index, post] of newest.entries()) {
      const thread: Thread | undefined = threads[index];
      const youReplied =
        (await db.posts
          .where('threadId')
          .equals(post.threadId)
          .filter((p) => p.isOwn)
          .count()) > 0;
      const theirLastLine = snippetOf(htmlToVisibleText(post.contentHtml), 140);
      result.push({
        threadId: post.threadId,
        subject: thread?.subject ?? '',
        theirLastLine,
        quote: quoteOf(theirLastLine, 140),
        lastAt: post.createdAt,
        youReplied,
      });
    }
    return result;
  });
}

/**
 * Writes one version of the user's private notes about a person (never sent anywhere), on their
 * link when they are linked with the same person elsewhere. Notes
 * carry no time of their own in the store: a version still waiting to be written is always the
 * newest (it is forgotten once written, and a later change replaces it). Nothing is written for
 * a person no longer on this computer.
 */
export async function storeNoteVersion(
  db: SlowpostDb,
  version: NoteWriteAhead,
): Promise<StoreOutcome> {
  const written = await writeNotes(db, version.personId, version.notes);
  return !written
    ? { written: false, reason: 'the person is no longer on this computer' }
    : { written: true };
}

/** The posts of a thread that stay out of sight in the composer (see `isScreenedOut`). */
export async function screenedOutPostIds(db: SlowpostDb, threadId: string): Promise<Set<string>> {
  return db.transaction('r', [db.posts, db.people], async () => {
    const posts = await db.posts.where('threadId').equals(threadId).toArray();
    const authors = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
    const screening = new Map(
      authors.flatMap((a) => (a === undefined ? [] : [[a.id, a.screening] as const])),
    );
    return new Set(
      posts
        .filter((post) => isScreenedOut(post, screening.get(post.authorId) ?? 'unknown'))
        .map((post) => post.id),
    );
  });
}

/**
 * What the composer opens with: the post answered, its account and author (with the notes that
 * apply to them, their link's when linked), and the draft.
 */
export interface ReplyContext {
  readonly answering: Post;
  readonly account: Account | undefined;
  readonly author: Person | undefined;
  /** The saved draft as it was left, or how a new reply to this post starts. */
  readonly initial: DraftFields;
}

/** Null when the post is no longer on this machine. */
export async function loadReplyContext(
  db: SlowpostDb,
  postId: string,
): Promise<ReplyContext | null> {
  return db.transaction(
    'r',
    [db.posts, db.accounts, db.people, db.personLinks, db.drafts],
    async () => {
      const answering = await db.posts.get(postId);
      if (answering === undefined) return null;
      const [account, stored, draft] = await Promise.all([
        db.accounts.get(answering.accountId),
        db.people.get(answering.authorId),
        db.drafts.get(answering.id),
      ]);
      const author = stored === undefined ? undefined : await withLinkedNotes(db, stored);
      const initial: DraftFields =
        draft === undefined
          ? defaultDraftFields(answering)
          : {
              text: draft.text,
              visibility: draft.visibility,
              contentWarning: draft.contentWarning,
              language: draft.language,
            };
      return { answering, account, author, initial };
    },
  );
}
