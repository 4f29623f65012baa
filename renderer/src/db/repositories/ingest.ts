import type { Account, ActivityItem, Person, Post, Thread } from '../../../../shared/domain';
import type { ActivityBatch, IncomingPerson } from '../../../../shared/connectors/connector';
import { htmlToPlainText } from '../../../../shared/text/html-to-text';
import { participantsLabel, snippetOf } from '../../../../shared/threads/thread-labels';
import type { SlowpostDb } from '../database';

export interface IngestSummary {
  readonly people: number;
  readonly posts: number;
  /** Activity stored for the first time (waiting for a delivery). */
  readonly newActivity: number;
  readonly threads: number;
}

/**
 * Stores one batch from a connector in one transaction, with its cursor: either all of it lands or
 * none, so an interrupted sync resumes from the last stored cursor and never duplicates.
 * - people keep the user's own notes, screening and keep-in-touch cadence;
 * - activity seen before keeps its arrival time and delivery (never re-delivered);
 * - each touched thread is re-summarised from its stored posts.
 */
export async function ingestBatch(
  db: SlowpostDb,
  accountId: string,
  batch: ActivityBatch,
  now: number,
): Promise<IngestSummary> {
  return db.transaction(
    'rw',
    [db.accounts, db.people, db.posts, db.threads, db.activity],
    async () => {
      const account = await db.accounts.get(accountId);
      if (account === undefined)
        throw new Error(`No account "${accountId}" to store activity for.`);

      await upsertPeople(db, batch.people, now);
      await db.posts.bulkPut([...batch.posts]);

      const activityIds = batch.activity.map((a) => a.id);
      const known = await db.activity.bulkGet(activityIds);
      const fresh: ActivityItem[] = [];
      batch.activity.forEach((item, index) => {
        if (known[index] === undefined) fresh.push({ ...item, arrivedAt: now, deliveryId: null });
      });
      await db.activity.bulkAdd(fresh);

      const threadIds = [...new Set(batch.posts.map((p) => p.threadId))];
      await summariseThreads(db, accountId, threadIds);

      const updated: Account = {
        ...account,
        syncCursor: batch.nextCursor ?? account.syncCursor,
        lastSyncedAt: now,
      };
      await db.accounts.put(updated);
      return {
        people: batch.people.length,
        posts: batch.posts.length,
        newActivity: fresh.length,
        threads: threadIds.length,
      };
    },
  );
}

async function upsertPeople(
  db: SlowpostDb,
  incoming: readonly IncomingPerson[],
  now: number,
): Promise<void> {
  const existing = await db.people.bulkGet(incoming.map((p) => p.id));
  const merged: Person[] = incoming.map((person, index) => {
    const before = existing[index];
    return {
      ...person,
      firstSeenAt: before?.firstSeenAt ?? now,
      screening: before?.screening ?? 'unknown',
      notes: before?.notes ?? '',
      keepInTouchDays: before?.keepInTouchDays ?? null,
    };
  });
  await db.people.bulkPut(merged);
}

/** Rebuilds each thread's list summary from the posts stored for it. */
export async function summariseThreads(
  db: SlowpostDb,
  accountId: string,
  threadIds: readonly string[],
): Promise<void> {
  if (threadIds.length === 0) return;
  const existing = await db.threads.bulkGet([...threadIds]);
  const postsByThread = new Map<string, Post[]>();
  const posts = await db.posts
    .where('threadId')
    .anyOf([...threadIds])
    .toArray();
  for (const post of posts) {
    const list = postsByThread.get(post.threadId) ?? [];
    list.push(post);
    postsByThread.set(post.threadId, list);
  }
  const authorIds = [...new Set(posts.map((p) => p.authorId))];
  const authors = await db.people.bulkGet(authorIds);
  const peopleById = new Map<string, Person>();
  for (const person of authors) if (person !== undefined) peopleById.set(person.id, person);

  const threads: Thread[] = [];
  threadIds.forEach((threadId, index) => {
    const threadPosts = (postsByThread.get(threadId) ?? []).sort(
      (a, b) => a.createdAt - b.createdAt,
    );
    const first = threadPosts[0];
    const last = threadPosts[threadPosts.length - 1];
    if (first === undefined || last === undefined) return;
    const root = threadPosts.find((p) => p.id === threadId) ?? first;
    const participantIds = [...new Set(threadPosts.map((p) => p.authorId))];
    const before = existing[index];
    threads.push({
      id: threadId,
      accountId,
      rootPostId: root.id,
      subject: snippetOf(htmlToPlainText(root.contentHtml), 140),
      participantIds,
      participantsLabel: participantsLabel(participantIds.map((id) => peopleById.get(id))),
      lastSnippet: snippetOf(htmlToPlainText(last.contentHtml), 160),
      isDirect: root.visibility === 'direct',
      lastActivityAt: last.createdAt,
      lastPostId: last.id,
      triage: before?.triage ?? 'open',
      triagedAt: before?.triagedAt ?? null,
    });
  });
  await db.threads.bulkPut(threads);
}
