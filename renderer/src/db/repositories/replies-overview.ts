import type { Draft, OutboxEntry, Person, Post, Thread } from '../../../../shared/domain';
import { isScreenedOut } from '../../../../shared/session/screened-out';
import type { SlowpostDb } from '../database';
import { isReleased, releasedUpTo } from './released';

/** A conversation waiting for a considered answer: saved for later, or with a draft begun. */
export interface WaitingReply {
  readonly thread: Thread;
  /** The post the answer goes to (the draft's, or the thread's latest). */
  readonly answering: Post;
  readonly author: Person | undefined;
  readonly draft: Draft | undefined;
}

/** A reply in the outbox, with whom it answers. */
export interface OutboxItem {
  readonly entry: OutboxEntry;
  readonly recipient: Person | undefined;
}

/** Sent replies stay listed this long, so the user can see they went. */
export const SENT_SHOWN_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Every conversation waiting for a considered reply: those triaged "reply later" and those with a
 * draft, most recently touched first. A thread with a draft is listed once, with its draft.
 */
export async function waitingReplies(db: SlowpostDb): Promise<WaitingReply[]> {
  return db.transaction(
    'r',
    [db.threads, db.drafts, db.posts, db.people, db.deliveries],
    async () => {
      const [later, drafts, upTo] = await Promise.all([
        db.threads.where('triage').equals('later').toArray(),
        db.drafts.toArray(),
        releasedUpTo(db),
      ]);
      const draftByThread = new Map<string, Draft>();
      for (const draft of drafts) {
        const known = draftByThread.get(draft.threadId);
        if (known === undefined || known.updatedAt < draft.updatedAt)
          draftByThread.set(draft.threadId, draft);
      }
      const threadIds = [...new Set([...later.map((t) => t.id), ...draftByThread.keys()])];
      const threads = await db.threads.bulkGet(threadIds);
      const result: WaitingReply[] = [];
      for (const thread of threads) {
        if (thread === undefined) continue;
        const draft = draftByThread.get(thread.id);
        const answering =
          draft === undefined
            ? await answerableIn(db, thread.id, upTo)
            : await db.posts.get(draft.id);
        if (answering === undefined) continue;
        result.push({ thread, answering, author: await db.people.get(answering.authorId), draft });
      }
      const at = (w: WaitingReply): number =>
        Math.max(w.draft?.updatedAt ?? 0, w.thread.triagedAt ?? 0);
      return result.sort((a, b) => at(b) - at(a));
    },
  );
}

/**
 * The post a considered reply to a thread answers: its latest delivered post by someone else who
 * is not screened out (kept out, or a suspicious post from someone not let in).
 */
async function answerableIn(
  db: SlowpostDb,
  threadId: string,
  upTo: number,
): Promise<Post | undefined> {
  const posts = (await db.posts.where('threadId').equals(threadId).toArray())
    .filter((p) => !p.isOwn && isReleased(p, upTo))
    .sort((a, b) => b.createdAt - a.createdAt);
  const authors = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
  const screening = new Map(authors.flatMap((a) => (a === undefined ? [] : [[a.id, a.screening]])));
  return posts.find((post) => !isScreenedOut(post, screening.get(post.authorId) ?? 'unknown'));
}

/**
 * The outbox as the user sees it: everything waiting, sending or needing attention, and what
 * was sent in the last day; newest first. Cancelled entries (undone, or moved back to drafts)
 * are not shown.
 */
export async function outboxItems(db: SlowpostDb, now: number): Promise<OutboxItem[]> {
  return db.transaction('r', [db.outbox, db.posts, db.people], async () => {
    const entries = await db.outbox
      .where('state')
      .anyOf(['waiting', 'sending', 'needs-attention', 'sent'])
      .filter((e) => e.state !== 'sent' || e.createdAt >= now - SENT_SHOWN_FOR_MS)
      .toArray();
    entries.sort((a, b) => b.createdAt - a.createdAt);
    const answered = await db.posts.bulkGet(entries.map((e) => e.inReplyToPostId));
    const people = await db.people.bulkGet(answered.map((p) => p?.authorId ?? ''));
    return entries.map((entry, index) => ({ entry, recipient: people[index] }));
  });
}
